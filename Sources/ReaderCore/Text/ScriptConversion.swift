/// A conversion between Chinese scripts in effect for display (`--convert`, the `c`
/// key): titles, headings and paragraphs are shown converted, while positions, marks,
/// search hits and the reading state stay offsets into the unchanged source.
///
/// A paragraph is converted whole (OpenCC picks characters by phrase), then the result
/// is aligned back to the source scalars, so that every converted scalar carries the
/// offset of the source scalar it came from (see ARCHITECTURE.md, "Simplified and Traditional"):
/// - When the result has as many scalars as the text and only letters changed (the
///   usual case: `s2t`, `t2s`, `s2hk` replace characters one for one), scalar `i` of the
///   result comes from scalar `i` of the text.
/// - Otherwise (`s2twp` turns `互联网` into `網際網路`) the text is converted again run
///   by run between punctuation and spaces, which OpenCC's phrases do not cross: a run
///   converted to as many scalars is aligned scalar by scalar, one converted to another
///   number by `ScriptAlignment` (characters that only changed script keep their own
///   source, a replaced phrase shares the source of the phrase it replaces), so offsets
///   never go backwards.
/// Either way the shown text is the same for the screen and `--dump`.
public struct ScriptConversion: Sendable {
    public let name: ScriptConversionName
    private let converter: any ScriptConverter

    public init(name: ScriptConversionName, converter: any ScriptConverter) {
        self.name = name
        self.converter = converter
    }

    /// A title or heading (a display-safe string) converted, safe for display.
    public func convert(_ title: String) -> String {
        SafeText.sanitize(converter.convert(title))
    }

    /// `text` converted, each scalar with the source offset it came from. A text without
    /// offsets (`--dump` paragraphs) gets none.
    public func convert(_ text: DisplayText) -> DisplayText {
        guard !text.isEmpty else { return text }
        let hasOffsets = !text.offsets.isEmpty
        let source = text.scalars[...]
        let whole = converted(source)
        if whole.count == source.count && changesOnlyLetters(source, whole) {
            return DisplayText(scalars: whole, offsets: text.offsets)
        }
        var result = DisplayText()
        result.scalars.reserveCapacity(whole.count)
        if hasOffsets { result.offsets.reserveCapacity(whole.count) }
        var start = 0
        while start < source.count {
            if Self.isBoundary(source[start]) {
                result.scalars.append(source[start])
                if hasOffsets { result.offsets.append(text.offsets[start]) }
                start += 1
                continue
            }
            var end = start + 1
            while end < source.count, !Self.isBoundary(source[end]) { end += 1 }
            let run = converted(source[start..<end])
            result.scalars += run
            if hasOffsets {
                for index in ScriptAlignment.sourceIndices(of: run, from: source[start..<end]) {
                    result.offsets.append(text.offsets[start + index])
                }
            }
            start = end
        }
        return result
    }

    /// `scalars` converted and made display-safe.
    private func converted(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        let output = converter.convert(String(String.UnicodeScalarView(scalars)))
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in output.unicodeScalars {
            SafeText.visible(scalar) { result.append($0) }
        }
        return result
    }

    /// Whether `converted`, as long as `source`, differs from it only where neither has a
    /// boundary (so it can be aligned scalar by scalar).
    private func changesOnlyLetters(_ source: ArraySlice<Unicode.Scalar>, _ converted: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in converted.enumerated() {
            let original = source[source.startIndex + index]
            if scalar != original && (Self.isBoundary(scalar) || Self.isBoundary(original)) { return false }
        }
        return true
    }

    /// Punctuation, spaces, symbols and controls: where a phrase cannot go on.
    static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value | 0x20
            return !(value >= 0x61 && value <= 0x7A) && !(scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
