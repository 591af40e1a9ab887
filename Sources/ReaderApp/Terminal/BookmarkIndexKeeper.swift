import ReaderCore

/// Keeps the bookmark index (`BookmarkIndex`, in the state directory) for the terminal
/// app: gives the state the bookmarks of the issues that are not open, and rewrites the
/// open issues' entries when their bookmarks change (re-reading the file first, so that
/// another reader's entries are kept).
final class BookmarkIndexKeeper {
    private let store: StateStore
    /// The open issues' entries as last written (or read).
    private var written: [BookmarkIndex.Entry]?
    /// The state's `bookmarkEdits` when the entries were last compared.
    private var comparedEdits = 0
    /// The first failure, as a one-line warning.
    private(set) var failure: String?

    init?(savers: [ReadingStateSaver?]) {
        guard let store = savers.lazy.compactMap({ $0?.store }).first else { return nil }
        self.store = store
    }

    /// The open issues (index in the archive, path and content hash).
    private func openIssues(_ savers: [ReadingStateSaver?]) -> [(index: Int, key: BookmarkIndex.IssueKey)] {
        savers.enumerated().compactMap { index, saver in
            saver.map { (index, BookmarkIndex.IssueKey(path: $0.path, contentHash: $0.contentHash)) }
        }
    }

    /// Reads the index and gives `state` the bookmarks of the other issues.
    func load(into state: inout ReaderState, savers: [ReadingStateSaver?], warn: (String) -> Void) {
        let (index, warning) = store.loadBookmarkIndex()
        if let warning { warn(warning) }
        let open = Set(openIssues(savers).map(\.key))
        state.setOtherBookmarks(index.entries.filter { !open.contains($0.issue) }.map(\.listEntry))
        written = entries(of: state, savers: savers)
        comparedEdits = state.bookmarkEdits
    }

    /// The open issues' bookmarks as index entries.
    private func entries(of state: ReaderState, savers: [ReadingStateSaver?]) -> [BookmarkIndex.Entry] {
        openIssues(savers).flatMap { index, key in
            state.bookmarkEntries(ofIssue: index).map {
                BookmarkIndex.Entry(
                    path: key.path, contentHash: key.contentHash, position: $0.position, date: $0.date,
                    issueName: $0.issueName, title: $0.title)
            }
        }
    }

    /// Writes the index when the open issues' bookmarks changed since the last write.
    func save(_ state: ReaderState, savers: [ReadingStateSaver?]) {
        guard let written, state.bookmarkEdits != comparedEdits else { return }
        comparedEdits = state.bookmarkEdits
        let current = entries(of: state, savers: savers)
        guard Set(current) != Set(written) else { return }
        let open = Set(openIssues(savers).map(\.key))
        let index = store.loadBookmarkIndex().index.replacing(issues: open, with: current)
        do {
            try store.saveBookmarkIndex(index)
            self.written = current
        } catch {
            if failure == nil { failure = "cannot save the bookmarks: \(error.description)" }
            self.written = current
        }
    }
}
