import ReaderCore
import ReaderIndex

/// The persistent index (`IndexStore`) as `/` in an archive's issue list asks it
/// (`ArchiveIndexLookup`): a file is ruled out when the index knows it exactly as it was
/// read (path, size, modification time, repair) and it holds not every gram of the query.
struct IndexArchiveLookup: ArchiveIndexLookup {
    /// The cache directory the index is in.
    let directory: String

    /// The index of the cache directory, whether or not there is one yet (an interactive
    /// archive builds it in the background: `ArchiveIndexer`); nil without a cache directory.
    static func inCacheDirectory() -> IndexArchiveLookup? {
        ProcessEnvironment.cacheDirectory().map(IndexArchiveLookup.init(directory:))
    }

    func ruledOut(grams: [Int64]) -> ((ArchiveIndexSearch.File, Bool) -> Bool)? {
        // (No index yet: every issue is searched; none is made here.)
        guard IndexStore.hasIndex(cacheDirectory: directory), let store = IndexStore(cacheDirectory: directory)
        else { return nil }
        let snapshot = store.snapshot()
        guard let candidates = snapshot.candidates(grams: grams) else { return nil }
        // The issues come in list order (IssueTree's for a directory): the finder walks forwards.
        var finder = snapshot.makeFinder()
        return { file, repair in
            guard let location = finder.find(file.key),
                  snapshot.file(at: location).isCurrent(size: file.size, modified: file.modified, repair: repair)
            else { return false }
            return !candidates.contains(location)
        }
    }
}
