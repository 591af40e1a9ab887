/// One article of a newspaper issue, started by a `## ` heading.
public struct Article: Sendable, Equatable {
    /// The title, safe for display; a placeholder for an empty heading or front matter.
    public var title: String
    /// Byte range of the `## ` heading line; nil for front matter (text before the first heading).
    public var heading: Range<Int>?
    /// Byte offset of the first character of the title text.
    public var titleOffset: Int
    /// Paragraphs before the first section heading.
    public var lead: [Paragraph]
    public var sections: [Section]
    /// Byte range of the whole article in the source, heading included.
    public var range: Range<Int>

    /// True when the article has a title and nothing else.
    public var isTitleOnly: Bool { lead.isEmpty && sections.isEmpty }

    /// Every paragraph of the article in reading order.
    public var allParagraphs: [Paragraph] { lead + sections.flatMap(\.paragraphs) }
}
