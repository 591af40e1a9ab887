/// One laid-out screen line of an article, pointing back into the source.
public struct LayoutLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case title
        case heading
        case body
        case blank
    }

    public var kind: Kind
    /// Index into `ArticleLayout.texts`; -1 for a blank line.
    public var text: Int
    /// Range of scalars of that text shown on this line.
    public var range: Range<Int>
    /// What stands before the text: the heading marker on a heading's first line,
    /// otherwise spaces for the indent.
    public var prefix: String
    /// Index of the section the line belongs to; nil for the title and the lead.
    public var section: Int?
    /// Source byte offset of the line's first character (for a blank line, the end of
    /// the line before it). Non-decreasing from line to line.
    public var offset: Int
}
