/// One issue and where the reader is in it: the issue's session, the only home of its
/// position. `ReaderState` reads and writes the open one in place (`ReaderState.session`
/// and the fields that forward to it); nothing is copied in or out when switching issues.
public struct IssueSession: Sendable {
    public internal(set) var document: Document
    /// Articles marked read.
    public internal(set) var read: Set<Int> = []
    var tops: [Int: Int] = [:]
    var selected = 0
    var current = 0
    var listTop = 0
    /// The marks set with `m`, by letter (kept here for the open issue too).
    public internal(set) var marks: [Character: ReadingPosition] = [:]
    /// Where the last jump to a mark started (`''` goes back there).
    var jumpOrigin: ReadingPosition?
    /// The bookmarked articles (`*`) and when each was set (seconds since 1970).
    public internal(set) var bookmarks: [Int: Int64] = [:]

    public init(document: Document) {
        self.document = document
    }

    /// Articles not marked read.
    public var unreadCount: Int {
        document.articles.indices.reduce(0) { $0 + (read.contains($1) ? 0 : 1) }
    }
}
