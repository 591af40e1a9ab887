/// A search in the open article: the query, its matches, and which one is current.
public struct PageSearch: Sendable, Equatable {
    public var query: String
    /// The article the matches belong to.
    public var article: Int
    public var matches: [SearchMatch]
    /// Index into `matches` of the current match; nil until one is chosen.
    public var current: Int?

    public init(query: String, article: Int, matches: [SearchMatch], current: Int?) {
        self.query = query
        self.article = article
        self.matches = matches
        self.current = current
    }
}

/// The article list filtered by a search over all articles.
public struct ListFilter: Sendable, Equatable {
    /// An article with hits and their number.
    public typealias Hit = ArticleHit

    public var query: String
    /// Articles with at least one hit, in document order.
    public var hits: [Hit]
    /// The largest hit count (0 without hits).
    public private(set) var maxCount: Int

    /// The position in `hits` of `article`'s hit, if it has one (`hits` is in article order).
    public func row(of article: Int) -> Int? {
        let low = hits.partitioningIndex { $0.article >= article }
        return low < hits.count && hits[low].article == article ? low : nil
    }

    /// Counts the hits of `query` in every article of the issue whose index is `index`.
    public init(query: String, index: SearchIndex) {
        self.query = query
        hits = index.articleHits(of: SearchFolding.fold(query))
        maxCount = hits.map(\.count).max() ?? 0
    }

    /// Counts the hits of `query` in every article of `document` (its own index, built
    /// once and shared by its copies: for callers without a state, such as tests).
    public init(query: String, document: Document) {
        self.init(query: query, index: document.searchIndex)
    }
}

/// The search prompt being edited, and what to go back to when it is cancelled.
public struct SearchPrompt: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// Search in the open article.
        case article
        /// Search all articles, filtering the list.
        case list
        /// Search every article of every issue, filtering the issue list.
        case archive
    }

    public var text: String
    public var scope: Scope
    /// The article's top offset when the prompt was opened.
    var savedTop: Int?
    var savedSearch: PageSearch?
    var savedFilter: ListFilter?
    /// The list selection (article or issue-list row) when the prompt was opened.
    var savedSelection: Int
    var savedArchiveFilter: ArchiveFilter? = nil
}
