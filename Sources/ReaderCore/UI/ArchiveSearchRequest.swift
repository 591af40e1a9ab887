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
    public let issues: [Issue]

    public static func == (left: Self, right: Self) -> Bool {
        left.query == right.query && left.generation == right.generation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(query)
        hasher.combine(generation)
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
