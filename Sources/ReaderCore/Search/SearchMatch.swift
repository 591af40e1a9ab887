/// One occurrence of the search query in an article.
public struct SearchMatch: Sendable, Equatable {
    /// Which text of the article: an index into the article's texts in layout order
    /// (title, lead paragraphs, then each section's heading and paragraphs), the same
    /// order as `ArticleLayout.texts`.
    public var text: Int
    /// The matched scalars of that text.
    public var scalars: Range<Int>
    /// Source byte offset of the first matched character.
    public var start: Int
    /// Source byte offset of the last matched character (inclusive: a match ends inside
    /// the source character that starts there).
    public var last: Int

    public init(text: Int, scalars: Range<Int>, start: Int, last: Int) {
        self.text = text
        self.scalars = scalars
        self.start = start
        self.last = last
    }
}
