/// How the article view lays out its page: the widest text column (centred on a wider
/// terminal), the paragraph indent, and the optional full-width punctuation between
/// Chinese characters.
public struct PageOptions: Sendable, Equatable {
    /// The widest the text column gets (`max_width`, default 80).
    public var maxWidth: Int
    /// Show `, . ; : ? ! ( )` between Chinese characters in their full-width forms.
    public var cjkPunctuation: Bool
    /// The paragraphs' first-line indent.
    public var indent: ParagraphIndent

    public init(maxWidth: Int = 80, cjkPunctuation: Bool = false, indent: ParagraphIndent = .auto) {
        self.maxWidth = max(1, maxWidth)
        self.cjkPunctuation = cjkPunctuation
        self.indent = indent
    }
}
