/// How the article view lays out its page: the widest text column (centred on a wider
/// terminal) and the optional full-width punctuation between Chinese characters.
public struct PageOptions: Sendable, Equatable {
    /// The widest the text column gets (`max_width`, default 80).
    public var maxWidth: Int
    /// Show `, . ; : ? ! ( )` between Chinese characters in their full-width forms.
    public var cjkPunctuation: Bool

    public init(maxWidth: Int = 80, cjkPunctuation: Bool = false) {
        self.maxWidth = max(1, maxWidth)
        self.cjkPunctuation = cjkPunctuation
    }
}
