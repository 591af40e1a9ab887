/// `cjk_punctuation`: the half-width `, . ; : ? ! ( )` that stand between Chinese
/// characters, shown in their full-width forms. Each replacement keeps its source offset,
/// so positions, search and the text itself are unchanged (search folds full-width forms);
/// only the screen's layout uses it, before wrapping, so the wider forms are measured.
enum FullWidthPunctuation {
    /// The full-width form of each half-width mark.
    static let forms: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "\u{FF0C}", ".": "\u{FF0E}", ";": "\u{FF1B}", ":": "\u{FF1A}",
        "?": "\u{FF1F}", "!": "\u{FF01}", "(": "\u{FF08}", ")": "\u{FF09}",
    ]

    /// `text` with the marks between Chinese characters (spaces aside) replaced.
    static func apply(to text: DisplayText) -> DisplayText {
        var result = text
        let scalars = text.scalars
        for index in scalars.indices {
            guard let form = forms[scalars[index]] else { continue }
            var before = index - 1
            while before >= 0, scalars[before] == " " { before -= 1 }
            var after = index + 1
            while after < scalars.count, scalars[after] == " " { after += 1 }
            guard before >= 0, after < scalars.count, isChinese(scalars[before]) || forms[scalars[before]] != nil,
                  isChinese(scalars[after]) || forms[scalars[after]] != nil,
                  isChinese(scalars[before]) || isChinese(scalars[after])
            else { continue }
            result.scalars[index] = form
        }
        return result
    }

    /// A Han ideograph, or CJK punctuation such as 。 and 」 (U+3000…U+303F).
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isIdeographic || (0x3001...0x303F).contains(scalar.value)
    }
}
