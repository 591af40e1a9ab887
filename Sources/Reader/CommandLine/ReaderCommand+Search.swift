import ReaderCore
import ReaderIndex

#if canImport(Glibc)
import Glibc
#endif

extension ReaderCommand {
    /// `--search QUERY FILE…` (`ArchiveSearch`): prints the articles with hits and
    /// returns grep's exit status. With the index (`SearchStore`, unless --no-index),
    /// only the files that may hold the query and the files new or changed since they
    /// were indexed are read; those are indexed on the way (ARCHITECTURE.md, "Search index").
    func runSearch(_ query: String, settings: Configuration) -> Int32 {
        let output = FileHandleOutput.standardOutput
        let (files, listFailed) = IssueTree.files(under: paths) { FileHandleOutput.warn($0) }
        var failed = listFailed
        var found = false
        let needle = SearchFolding.fold(query)
        let search = ArchiveSearch(needle: needle, repair: settings.repair && !raw)
        let plan = noIndex ? nil : IndexedSearchPlan(files: files, roots: paths, needle: needle, repair: search.repair)
        var pending: [SearchStore.Entry] = []
        let selection = plan?.selection ?? Array(files.indices)
        let isDirty: (Int) -> Bool = { plan?.isDirty($0) ?? false }
        search.search(files, selection: selection, indexing: isDirty) { index, result in
            if let warning = result.warning {
                output.flush()
                FileHandleOutput.warn(warning)
            }
            failed = failed || result.failed
            found = found || result.found
            output.write(result.lines)
            if let plan, let entry = result.indexEntry {
                pending.append(plan.entry(at: index, file: files[index], entry))
                if pending.count >= IndexedSearchPlan.segmentFiles {
                    plan.store.record(pending)
                    pending = []
                }
            }
        }
        output.flush()
        if let plan {
            plan.store.record(pending)
            plan.store.remove(paths: plan.removedPaths)
        }
        if failed { return ArchiveSearch.exitError }
        return found ? ArchiveSearch.exitFound : ArchiveSearch.exitNotFound
    }
}
