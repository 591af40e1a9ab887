import Dispatch
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
        let plan = noIndex ? nil : IndexedSearchPlan(files: files, roots: paths, needle: needle, repair: search.repair)
        var pending: [SearchStore.Entry] = []
        // Segments are written on a queue of their own while the next files are searched,
        // one at a time: a search waits for the segment before to be written before it
        // hands over the next (else they pile up in memory: 1.5 GB over ten years).
        let recorder = DispatchQueue(label: "reader.search-index")
        let recording = DispatchSemaphore(value: 1)
        nonisolated(unsafe) let store = plan?.store
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
                    let segment = pending
                    recording.wait()
                    recorder.async {
                        store?.record(segment)
                        recording.signal()
                    }
                    pending = []
                }
            }
        }
        output.flush()
        if let plan {
            recorder.sync { plan.store.record(pending) }
            plan.store.remove(paths: plan.removedPaths)
        }
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
