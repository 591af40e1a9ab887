import ReaderCore

/// The commands that need the feed store (SQLite through GRDB, with Foundation,
/// FoundationNetworking and libcurl): only `reader-store` links it, and
/// gives them to `ReaderCommand.main(stores:)`. `reader` has none, and hands every command
/// that needs them (`ReaderCommand.needsStores`) to `reader-store` (`StoreProgram`), so
/// that reading a file loads none of it (ARCHITECTURE.md, "Start-up").
package protocol Stores {
    /// Runs `--fetch`, `--import-opml` or `--export-opml`; false when none was given.
    func runCommand(_ command: ReaderCommand) throws -> Bool

    /// Opens `reader URL`, or the subscribed feeds; false when the command is neither
    /// (a file is read as before).
    func runFeeds(_ command: ReaderCommand, settings: Configuration, shown: @escaping (Document) -> Document) throws
        -> Bool
}

/// What `--search` keeps in the persistent index (`IndexedSearchPlan`;
/// ARCHITECTURE.md, "Search index"): which files to read, which to index again, and where
/// what was read is recorded.
package protocol ArchiveSearchIndex: AnyObject {
    /// The indexes (into the file list) of the files to read, in order.
    var selection: [Int] { get }

    /// Whether `files[index]` must be (re)indexed.
    func isDirty(_ index: Int) -> Bool

    /// Records what reading `files[index]` gave (written a segment at a time).
    func record(_ index: Int, file: IssueTree.File, entry: ArchiveSearch.IndexEntry)

    /// Writes what is not written yet and forgets the files that are gone.
    func finish()
}
