import ReaderApp
import ReaderCore
import ReaderIndex

/// The stores as `reader-store` has them linked: the feed store (`ReaderCommand+Feeds`)
/// and the search index (`IndexedSearchPlan`).
struct LinkedStores: Stores {
    func runCommand(_ command: ReaderCommand) throws -> Bool {
        try command.runFeedCommand()
    }

    func searchIndex(
        _ command: ReaderCommand, files: [IssueTree.File], needle: [Unicode.Scalar], repair: Bool
    ) -> (any ArchiveSearchIndex)? {
        IndexedSearchPlan(files: files, roots: command.paths, needle: needle, repair: repair)
    }

    func archiveIndex() -> (any ArchiveIndexLookup)? {
        SearchStore.directory(
            xdgCacheHome: ProcessEnvironment.value("XDG_CACHE_HOME"), home: ProcessEnvironment.value("HOME")
        ).map(StoreArchiveIndex.init(directory:))
    }

    func runFeeds(_ command: ReaderCommand, settings: Configuration, shown: @escaping (Document) -> Document) throws
        -> Bool
    {
        try command.runFeeds(settings: settings, shown: shown)
    }
}
