/// What `Effect.searchArchive` asks the app to search: every issue of an archive, for
/// `query`, with the persistent index ruling out the files that cannot hold it
/// (ARCHITECTURE.md, "Search index"). `generation` tells the answers of this search
/// from those of a search typed before it. Equal when query and generation are.
public struct ArchiveSearchRequest: Hashable, Sendable {
    /// One issue: its document as shown, and its search index when the state has one.
    public struct Issue: Sendable {
        public let document: Document
        public let index: SearchIndex?
    }

    public let query: String
    public let generation: Int
    /// The state's issues as they were when the query was typed, shared with it (one
    /// reference, not a copy of every document: a copy of 73,000 documents per key was
    /// most of a keystroke's time on a decade). `issue(_:)` takes one out.
    private let sessions: IssueSessions
    /// The search indexes the state had built (`SearchIndexes.built`).
    private let indexes: [SearchIndexKey: SearchIndex]

    init(query: String, generation: Int, sessions: IssueSessions, indexes: [SearchIndexKey: SearchIndex]) {
        self.query = query
        self.generation = generation
        self.sessions = sessions
        self.indexes = indexes
    }

    /// A request for `issues` (each with its index, if any).
    public init(query: String, generation: Int, issues: [Issue]) {
        var indexes: [SearchIndexKey: SearchIndex] = [:]
        for (number, issue) in issues.enumerated() {
            if let index = issue.index {
                indexes[SearchIndexKey(issue: number, repaired: issue.document.joinsCutParagraphs)] = index
            }
        }
        self.init(
            query: query, generation: generation, sessions: IssueSessions(issues.map { IssueSession(document: $0.document) }),
            indexes: indexes)
    }

    /// How many issues are searched.
    public var count: Int { sessions.count }

    /// Issue `number`: its document as shown and its index.
    public func issue(_ number: Int) -> Issue {
        let document = sessions.searchedDocument(number)
        return Issue(document: document, index: indexes[SearchIndexKey(issue: number, repaired: document.joinsCutParagraphs)])
    }

    /// Whether issue `number` is shown with page-break repair (what the persistent index
    /// is asked about), without taking its document out.
    public func isRepaired(_ number: Int) -> Bool { sessions.searchedDocument(number).isRepaired }

    public static func == (left: Self, right: Self) -> Bool {
        left.query == right.query && left.generation == right.generation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(query)
        hasher.combine(generation)
    }
}

extension ArchiveSearchRequest.Issue {
    /// The articles of this issue (number `issue` in the archive) that hold `needle` (a
    /// folded query), as the state counts them with the issue's text in memory: counted in
    /// the document (with its index when the state has one); for an issue whose text is
    /// not in memory (`Document.unread`), in what `read` gives from its file, shown as the
    /// placeholder stands for it — with its repair setting when it was read before (it has
    /// counts), as first read otherwise — and with each article's title for its row.
    public func hits(of needle: [Unicode.Scalar], issue: Int, reading read: () -> Document?) -> [ArchiveFilter.Hit] {
        if document.isComplete {
            return (index ?? SearchIndex(document: document)).articleHits(of: needle).map {
                ArchiveFilter.Hit(issue: issue, article: $0.article, count: $0.count)
            }
        }
        guard let file = read() else { return [] }
        let shown = (document.knownCounts == nil ? file : file.withRepair(document.isRepaired))
            .withConversion(document.conversion)
        return SearchIndex(document: shown).articleHits(of: needle).map {
            ArchiveFilter.Hit(issue: issue, article: $0.article, count: $0.count, title: shown.articles[$0.article].title)
        }
    }
}

/// Hits of an archive search the app runs (`Action.archiveHits`), in list order after
/// those it sent before.
public struct ArchiveHits: Hashable, Sendable {
    /// The `ArchiveSearchRequest.generation` they answer.
    public var generation: Int
    public var hits: [ArchiveFilter.Hit]
    /// Whether every issue has been searched.
    public var isLast: Bool

    public init(generation: Int, hits: [ArchiveFilter.Hit], isLast: Bool) {
        self.generation = generation
        self.hits = hits
        self.isLast = isLast
    }
}
