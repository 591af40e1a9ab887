/// A section inside an article, started by a `### ` (or deeper) heading.
public struct Section: Sendable, Equatable {
    /// The heading text, safe for display; a placeholder when the heading is empty.
    public var title: String
    /// The heading level: 3 for `###`, 4 for `####`, …
    public var level: Int
    /// Byte range of the heading line in the source.
    public var heading: Range<Int>
    /// Byte offset of the first character of the title text (after the `#`s).
    public var titleOffset: Int
    public var paragraphs: [Paragraph]
}
