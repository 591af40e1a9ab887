import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

extension ReaderCommand {
    /// `--search QUERY FILE…` (`ArchiveSearch`): prints the articles with hits and
    /// returns grep's exit status. With the index (`stores`' `ArchiveSearchIndex`, unless
    /// --no-index), only the files that may hold the query and the files new or changed
    /// since they were indexed are read; those are indexed on the way (ARCHITECTURE.md,
    /// "Search index").
    func runSearch(_ query: String, settings: Configuration, stores: (any Stores)?) -> Int32 {
        let output = FileHandleOutput.standardOutput
        let (files, listFailed) = IssueTree.files(under: paths) { FileHandleOutput.warn($0) }
        var failed = listFailed
        var found = false
        let needle = SearchFolding.fold(query)
        let search = ArchiveSearch(needle: needle, repair: settings.repair && !raw)
        let index = noIndex ? nil : stores?.searchIndex(self, files: files, needle: needle, repair: search.repair)
        let selection = index?.selection ?? Array(files.indices)
        let isDirty: (Int) -> Bool = { index?.isDirty($0) ?? false }
        search.search(files, selection: selection, indexing: isDirty) { position, result in
            if let warning = result.warning {
                output.flush()
                FileHandleOutput.warn(warning)
            }
            failed = failed || result.failed
            found = found || result.found
            output.write(result.lines)
            if let index, let entry = result.indexEntry {
                index.record(position, file: files[position], entry: entry)
            }
        }
        output.flush()
        index?.finish()
        if failed { return ArchiveSearch.exitError }
        return found ? ArchiveSearch.exitFound : ArchiveSearch.exitNotFound
    }
}
