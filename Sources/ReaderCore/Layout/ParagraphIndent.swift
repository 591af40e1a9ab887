/// The first-line indent of paragraphs on screen (`indent` in the configuration file).
public enum ParagraphIndent: Sendable, Equatable {
    /// Two ideographs (four columns) for a paragraph in Chinese or Japanese, as their
    /// typography has it, two columns for any other. (The parser drops the ideographic
    /// spaces a paragraph may start with, so a paragraph is never indented twice.)
    case auto
    /// The same number of columns for every paragraph.
    case columns(Int)

    /// The indent of a paragraph whose text is `scalars`, given the indent of others.
    func columns<S: Sequence<Unicode.Scalar>>(for scalars: S, otherwise: Int) -> Int {
        switch self {
        case .columns(let count): return count
        case .auto: return ParagraphIndent.isChineseOrJapanese(scalars) ? 4 : otherwise
        }
    }

    /// Whether the first letter (digits and punctuation skipped) is a Han ideograph or kana.
    static func isChineseOrJapanese<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool {
        for scalar in scalars.prefix(64) {
            if scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value)
                || (0x31F0...0x31FF).contains(scalar.value) || (0xFF66...0xFF9D).contains(scalar.value) {
                return true
            }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }
}
