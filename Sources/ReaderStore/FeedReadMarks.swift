import ReaderApp
import ReaderCore
import ReaderFeeds

/// The read marks of a feed's articles, kept in the feed store by item (ARCHITECTURE.md,
/// "Feeds"): the reading-state file names articles by their number in the issue, which a
/// fetch changes, so the marks are read from and written to the store by item key. The
/// bookmarks are written there too: the store never removes a bookmarked item (`keep_days`).
final class FeedReadMarks: FeedMarkKeeper {
    private let store: FeedStore
    private let url: String
    /// The item key of each article, in the issue's order.
    private let keys: [String]
    /// The articles whose items the store had as read when the issue was read from it.
    private let readWhenOpened: Set<Int>

    /// The marks of `issue` (as the store gave it).
    init(store: FeedStore, url: String, issue: StoredIssue) {
        self.store = store
        self.url = url
        self.keys = issue.keys
        self.readWhenOpened = Set(issue.isRead.indices.filter { issue.isRead[$0] })
    }

    /// The numbers of the articles whose items the store has as read (read with the issue's
    /// text, not fetched again).
    func load() -> Set<Int> {
        readWhenOpened
    }

    /// Writes `read`, and the bookmarks `starred` and `unstarred` since the last save
    /// (article numbers), to the store; a failure is returned in one line.
    func save(read: Set<Int>, starred: Set<Int>, unstarred: Set<Int>) -> String? {
        var marks: [String: Bool] = [:]
        for (index, key) in keys.enumerated() { marks[key] = read.contains(index) }
        do {
            try store.setReadMarks(url, marks)
            try store.setBookmarked(url, keys: starred.sorted().filter(keys.indices.contains).map { keys[$0] })
            try store.setBookmarked(url, keys: unstarred.sorted().filter(keys.indices.contains).map { keys[$0] }, false)
            return nil
        } catch {
            return "cannot save the read marks: \(error.message)"
        }
    }
}
