/// The list-wide search indexes the interactive reader has (ARCHITECTURE.md, "Effects"):
/// the app builds them off the main thread when asked (`Effect.prepareSearch`) and hands
/// them back with `.searchPrepared`; a search that finds its index neither there nor
/// being built builds it at once. No thread, lock or clock: only values.
struct SearchIndexes: Sendable {
    /// The indexes there, by issue and repair.
    var built: [SearchIndexKey: SearchIndex] = [:]
    /// The indexes the app was asked to build and has not handed back yet.
    var preparing: Set<SearchIndexKey> = []
}

/// Which index: an issue's, with or without page-break repair (the search texts differ).
public struct SearchIndexKey: Hashable, Sendable {
    public var issue: Int
    public var repaired: Bool

    public init(issue: Int, repaired: Bool) {
        self.issue = issue
        self.repaired = repaired
    }
}

/// One index for the app to build (`Effect.prepareSearch`): which, and of what document.
/// Two requests are equal when they name the same index.
public struct SearchIndexRequest: Hashable, Sendable {
    public let key: SearchIndexKey
    public let document: Document

    public static func == (left: Self, right: Self) -> Bool { left.key == right.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// One index the app built (`Action.searchPrepared`). Equal when they are the same index.
public struct PreparedSearchIndex: Hashable, Sendable {
    public let key: SearchIndexKey
    public let index: SearchIndex

    public init(key: SearchIndexKey, index: SearchIndex) {
        self.key = key
        self.index = index
    }

    /// Builds the index `request` asks for (the app does, off the main thread).
    public init(building request: SearchIndexRequest) {
        self.init(key: request.key, index: SearchIndex(document: request.document))
    }

    public static func == (left: Self, right: Self) -> Bool { left.key == right.key && left.index === right.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
