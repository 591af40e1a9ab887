/// An article of an issue that holds the query: its index in the issue and the number
/// of matches, as the list's counts give them (`SearchIndex`).
public struct ArticleHit: Sendable, Equatable {
    public var article: Int
    public var count: Int

    public init(article: Int, count: Int) {
        self.article = article
        self.count = count
    }
}

extension Document {
    /// The articles holding the folded `needle`, in order, with their match counts: the
    /// same counts as the interactive list-wide search (`ArchiveFilter`, `PageSearch`).
    public func articleHits(of needle: [Unicode.Scalar]) -> [ArticleHit] {
        guard !needle.isEmpty else { return [] }
        return searchIndex.articleHits(of: needle)
    }

    /// `articleHits(of: prefilter.needle)`, counted article by article without keeping a
    /// search index (`SearchIndex.articleHits(in:prefilter:)`): for counting an issue once.
    public func articleHits(prefilteredBy prefilter: SearchPrefilter) -> [ArticleHit] {
        SearchIndex.articleHits(in: self, prefilter: prefilter)
    }
}
