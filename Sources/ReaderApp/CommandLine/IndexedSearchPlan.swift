import Dispatch
import ReaderCore
import ReaderIndex

#if canImport(Glibc)
import Glibc
#endif

/// Which files a `--search` with the index reads: those new or changed since they were
/// indexed (by size, time and repair setting), and the indexed ones that hold every
/// gram of the query. Nil when there is no index to use (no cache directory, or it
/// cannot be made): then every file is read. What is read is recorded a segment
/// (`segmentFiles`) at a time.
final class IndexedSearchPlan: ArchiveSearchIndex {
    /// Files recorded in one segment (one segment file).
    static let segmentFiles = 1024

    let store: IndexStore
    /// The indexes (into the file list) of the files to read, in order.
    let selection: [Int]
    /// The index's key (its absolute path's bytes) of each file to (re)index.
    private let dirty: [Int: [UInt8]]
    /// Indexed files under the directories searched that are no longer there.
    let removedPaths: [[UInt8]]
    /// Files modified after this time (nanoseconds) are recorded without their time, so
    /// that they are read again next time: a file written again within the same clock
    /// tick keeps its time, and, at the same size, would look unchanged ("racily clean",
    /// as git calls it).
    let racyAfter: Int64
    /// Entries read and not yet recorded.
    private var pending: [IndexStore.Entry] = []
    /// Whether a segment was recorded without merging (`record`), or the index had
    /// piled up segments (a search that recorded them was cut short): `finish` compacts.
    private var recordedUnmerged = false
    /// Where segments are written (`record`), and the one segment that may wait for it.
    private let recorder = DispatchQueue(label: "reader.search-index")
    private let recording = DispatchSemaphore(value: 1)

    /// How recent a modification time must be to be distrusted (`racyAfter`).
    static let racyNanoseconds: Int64 = 2_000_000_000

    /// The time (nanoseconds since 1970) after which a file's modification time is too
    /// recent to record now: within `racyNanoseconds` of the clock.
    static func racyAfterNow() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - racyNanoseconds
    }

    init?(files: [IssueTree.File], roots: [PathName], needle: [Unicode.Scalar], repair: Bool) {
        guard let directory = ProcessEnvironment.cacheDirectory(), let store = IndexStore(cacheDirectory: directory)
        else { return nil }
        self.store = store
        let snapshot = store.snapshot()
        recordedUnmerged = snapshot.hasPiledUp
        let candidates = snapshot.candidates(grams: SearchGrams.grams(of: needle))
        racyAfter = IndexedSearchPlan.racyAfterNow()
        // Each root resolved once; the files under it keep the names below it.
        let realRoots = roots.map { root in IssueInput.absolute(root).map { Array($0.utf8) } }
        var selection: [Int] = []
        var dirty: [Int: [UInt8]] = [:]
        // The files come in IssueTree's order, the segments' order: the finder walks forwards.
        var finder = snapshot.makeFinder()
        // Each file's key, made in one buffer (kept only for the files to index): its
        // root's absolute path (or the path as given), then the names below the root.
        let prefixes = zip(roots, realRoots).map { root, real in (bytes: real ?? [], dropped: real == nil ? 0 : root.bytes.count) }
        var key: [UInt8] = []
        files.withUnsafeBufferPointer { files in
            for index in files.indices {
                key.removeAll(keepingCapacity: true)
                let prefix = prefixes[files[index].root]
                key.append(contentsOf: prefix.bytes)
                files[index].path.bytes.withUnsafeBufferPointer { path in
                    key.append(contentsOf: UnsafeBufferPointer(rebasing: path[min(prefix.dropped, path.count)...]))
                }
                guard let location = key.withUnsafeBytes({ finder.find($0) }),
                      snapshot.file(at: location).isCurrent(
                        size: files[index].size, modified: files[index].modified, repair: repair)
                else {
                    dirty[index] = key
                    selection.append(index)
                    continue
                }
                if candidates?.contains(location) ?? true { selection.append(index) }
            }
        }
        self.selection = selection
        self.dirty = dirty
        let directories = zip(roots, realRoots).compactMap { root, real in
            IssueInput.isDirectory(root) ? real.map { $0 + [0x2F] } : nil
        }
        removedPaths = finder.unseenPaths(under: directories)
    }

    /// Whether `files[index]` must be (re)indexed.
    func isDirty(_ index: Int) -> Bool { dirty[index] != nil }

    /// Records the index entry of `files[index]`, read, a segment at a time. Segments are
    /// written on a queue of their own while the next files are searched, one at a time:
    /// the search waits for the segment before to be written before it hands over the
    /// next (else they pile up in memory: 1.5 GB over ten years). They are not merged
    /// meanwhile (a merge of ten years' segments held the search up 1.8 s): `finish`
    /// merges them once.
    func record(_ index: Int, file: IssueTree.File, entry: ArchiveSearch.IndexEntry) {
        guard let path = dirty[index] else { return }
        pending.append(IndexStore.Entry(
            path: path, size: file.size, modified: file.modified >= racyAfter ? -1 : file.modified,
            contentHash: entry.contentHash, repair: entry.repair, grams: entry.grams))
        if pending.count >= IndexedSearchPlan.segmentFiles {
            let segment = pending
            nonisolated(unsafe) let store = store
            recording.wait()
            recorder.async { [recording] in
                store.record(segment, merging: false)
                recording.signal()
            }
            pending = []
            recordedUnmerged = true
        }
    }

    /// Records what is left and removes the files that are gone, then merges the
    /// segments recorded unmerged.
    func finish() {
        recorder.sync {
            store.record(pending, removedPaths: removedPaths)
            if recordedUnmerged { store.compact() }
        }
        pending = []
    }
}
