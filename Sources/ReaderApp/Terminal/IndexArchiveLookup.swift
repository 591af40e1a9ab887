import ReaderCore
import ReaderIndex

/// The persistent index (`IndexStore`) as `/` in an archive's issue list asks it
/// (`ArchiveIndexLookup`): a file is ruled out when the index knows it exactly as it was
/// read (path, size, modification time, repair) and it holds not every gram of the query.
struct IndexArchiveLookup: ArchiveIndexLookup {
    /// The cache directory the index is in.
    let directory: String

    /// The index, when there is one (its manifest is there); nil otherwise (then the
    /// archive search runs in the state, `SearchIndexes`).
    static func existing() -> IndexArchiveLookup? {
        guard let directory = CacheDirectory.path(
            xdgCacheHome: ProcessEnvironment.value("XDG_CACHE_HOME"), home: ProcessEnvironment.value("HOME")),
              IndexStore.hasIndex(cacheDirectory: directory)
        else { return nil }
        return IndexArchiveLookup(directory: directory)
    }

    func ruledOut(grams: [Int64]) -> ((ArchiveIndexSearch.File, Bool) -> Bool)? {
        guard let store = IndexStore(cacheDirectory: directory) else { return nil }
        let snapshot = store.snapshot()
        guard let candidates = snapshot.candidates(grams: grams) else { return nil }
        // The issues come in list order (IssueTree's for a directory): the finder walks forwards.
        var finder = snapshot.makeFinder()
        return { file, repair in
            guard let location = finder.find(file.key), case let record = snapshot.file(at: location),
                  record.size == file.size, record.modified == file.modified, record.repair == repair
            else { return false }
            return !candidates.contains(location)
        }
    }
}
