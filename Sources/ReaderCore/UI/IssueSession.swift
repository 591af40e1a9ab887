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
    /// Why the issue's file cannot be read (an archive's file that is not text, or not
    /// readable), found when the background reader came to it; nil for a readable issue.
    public internal(set) var failure: Failure?

    /// An archive file that cannot be read: what its row says and what Enter on it says.
    public struct Failure: Sendable, Equatable {
        /// The row's suffix ("not a text file").
        public var label: String
        /// The one line the status bar shows (the file's name and why).
        public var message: String

        public init(label: String, message: String) {
            self.label = label
            self.message = message
        }
    }

    public init(document: Document) {
        self.document = document
    }

    /// Articles not marked read.
    public var unreadCount: Int {
        document.articles.indices.reduce(0) { $0 + (read.contains($1) ? 0 : 1) }
    }
}
