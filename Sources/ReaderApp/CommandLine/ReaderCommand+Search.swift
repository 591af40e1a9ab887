import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

extension ReaderCommand {
    /// `--search QUERY FILE…` (`ArchiveSearch`): prints the articles with hits and
    /// returns grep's exit status. With the index (`IndexedSearchPlan`, unless
    /// --no-index), only the files that may hold the query and the files new or changed
    /// since they were indexed are read; those are indexed on the way (ARCHITECTURE.md,
    /// "Search index").
    func runSearch(_ query: String, settings: Configuration) -> Int32 {
        let output = FileHandleOutput.standardOutput
        // Thousands of files of a similar size are read one after another: glibc would
        // give each one's pages back to the kernel and fault fresh zeroed ones in for the
        // next (a tenth of building the index).
        _ = systemMallopt(mallocMmapThreshold, 32 << 20)
        _ = systemMallopt(mallocTrimThreshold, 64 << 20)
        let (files, listFailed) = IssueTree.files(under: paths) { FileHandleOutput.warn($0) }
        var failed = listFailed
        var found = false
        let needle = SearchFolding.fold(query)
        let search = ArchiveSearch(needle: needle, repair: settings.repair && !raw)
        let index = noIndex ? nil
            : IndexedSearchPlan(files: files, roots: paths, needle: needle, repair: search.repair)
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

/// glibc's `mallopt` (`malloc.h`, which the Glibc module does not import), and the two
/// parameters of it that `runSearch` sets (`M_MMAP_THRESHOLD`, `M_TRIM_THRESHOLD`).
@_silgen_name("mallopt")
private func systemMallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let mallocMmapThreshold: Int32 = -3
private let mallocTrimThreshold: Int32 = -1
