/// The issue list of an archive filtered by a search over every article of every issue.
public struct ArchiveFilter: Sendable, Equatable {
    /// An article with hits: which issue, which article, how many hits.
    public struct Hit: Sendable, Hashable {
        public var issue: Int
        public var article: Int
        public var count: Int
        /// The article's title as shown, when the search read an issue whose text is not
        /// in memory (its row needs it); nil when the state has the issue's text.
        public var title: String?

        public init(issue: Int, article: Int, count: Int, title: String? = nil) {
            self.issue = issue
            self.article = article
            self.count = count
            self.title = title
        }
    }

    public var query: String
    /// Articles with at least one hit, issue by issue in list order.
    public var hits: [Hit]
    /// False while the app is still searching (`Effect.searchArchive`): more hits may come.
    public internal(set) var isComplete = true

    /// The filter of a search the app runs (`Effect.searchArchive`): no hits yet, more to come.
    init(searching query: String) {
        self.query = query
        hits = []
        isComplete = false
    }

    /// Counts the hits of `query` in every article of the issues whose search indexes
    /// are `indexes` (in list order).
    public init(query: String, indexes: [SearchIndex]) {
        self.query = query
        let needle = SearchFolding.fold(query)
        var hits: [Hit] = []
        for (issue, index) in indexes.enumerated() where !needle.isEmpty {
            for hit in index.articleHits(of: needle) {
                hits.append(Hit(issue: issue, article: hit.article, count: hit.count))
            }
        }
        self.hits = hits
    }

    /// Counts the hits of `query` in every article of `documents` (each with its own
    /// index, built once and shared by its copies: for callers without a state).
    public init(query: String, documents: [Document]) {
        self.init(query: query, indexes: documents.map(\.searchIndex))
    }

    /// The number of issues with hits.
    public var issueCount: Int { Set(hits.map(\.issue)).count }
}
