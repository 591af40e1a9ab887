/// Display-width helpers for whole strings: measuring, cutting titles with `…`, padding.
public enum TextWidth {
    /// Display width of `text`: the sum of its scalars' widths (non-printables count 0).
    public static func of<S: Sequence<Unicode.Scalar>>(_ scalars: S, ambiguousWide: Bool = false) -> Int {
        scalars.reduce(0) { $0 + max(0, DisplayWidth.of($1, ambiguousWide: ambiguousWide)) }
    }

    public static func of(_ text: String, ambiguousWide: Bool = false) -> Int {
        of(text.unicodeScalars, ambiguousWide: ambiguousWide)
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` (`…`) when something was
    /// cut. A wide character is never cut in half and grapheme clusters are kept whole.
    public static func truncate(
        _ text: String, to width: Int, ambiguousWide: Bool = false, ellipsis: String = "…"
    ) -> String {
        guard width > 0 else { return "" }
        if of(text, ambiguousWide: ambiguousWide) <= width { return text }
        let ellipsisWidth = of(ellipsis, ambiguousWide: ambiguousWide)
        guard width >= ellipsisWidth else { return "" }
        let budget = width - ellipsisWidth
        var result = String.UnicodeScalarView()
        var used = 0
        for character in text {
            let characterWidth = of(character.unicodeScalars, ambiguousWide: ambiguousWide)
            if used + characterWidth > budget { break }
            result.append(contentsOf: character.unicodeScalars)
            used += characterWidth
        }
        while let last = result.last, last == " " {
            result.removeLast()
        }
        result.append(contentsOf: ellipsis.unicodeScalars)
        return String(result)
    }

    /// `text` followed by spaces up to `width` columns (no padding when it is wider).
    public static func pad(_ text: String, to width: Int, ambiguousWide: Bool = false) -> String {
        let textWidth = of(text, ambiguousWide: ambiguousWide)
        return textWidth >= width ? text : text + String(repeating: " ", count: width - textWidth)
    }
}
