import Dispatch
import ReaderCore
import ReaderIndex

/// The persistent search index, built in the background of an interactive archive
/// (`reader DIR`; ARCHITECTURE.md, "Search index"): each file the archive's reading thread
/// reads (`ArchiveReader`) is recorded as `reader --search` records the files it reads —
/// its key (absolute path), size, modification time, content hash, repair setting and
/// grams — unless the index already knows it exactly so. Entries are written a segment
/// (`IndexedSearchPlan.segmentFiles`) at a time, and the rest once every file has been
/// read; what is read but not yet written when the reader quits is read again next time.
/// Segments are written on a queue of their own, one at a time, and merged once at the
/// end, so that the reading thread — and the issue the user opens, which it reads next —
/// never waits for a merge; it waits only when the segment before is still being written
/// when the next is full (at most two segments' entries in memory).
///
/// Used only on the reading thread, one batch at a time (`ArchiveReader` starts a batch
/// when the one before has finished), hence no lock.
final class ArchiveIndexer: @unchecked Sendable {
    private let store: IndexStore
    private let writer = DispatchQueue(label: "reader.archive-index")
    private let writing = DispatchSemaphore(value: 1)
    private let snapshot: IndexSnapshot
    private var finder: IndexSnapshot.Finder
    /// Whether each issue has been seen (read once), and how many have.
    private var seen: [Bool]
    private var seenCount = 0
    /// Entries read and not yet written.
    private var pending: [IndexStore.Entry] = []

    /// An indexer for an archive of `count` files; nil when there is no cache directory
    /// (no HOME, no XDG_CACHE_HOME) or the index's directory cannot be made.
    init?(count: Int) {
        guard let directory = ProcessEnvironment.cacheDirectory(), let store = IndexStore(cacheDirectory: directory)
        else { return nil }
        self.store = store
        snapshot = store.snapshot()
        finder = snapshot.makeFinder()
        seen = [Bool](repeating: false, count: count)
    }

    /// Records issue `issue` (read for the first time), read as `input` from `file` — its
    /// index key, and its size and time as looked up before it was read (so that a change
    /// while it was read shows next time as a changed time) —, shown as `document`
    /// (`repair`: whether its paragraphs are joined at page breaks; `contentHash`:
    /// `FNV1a.wordHash` of its bytes).
    func add(
        issue: Int, file: ArchiveIndexSearch.File?, input: IssueInput, document: Document, repair: Bool,
        contentHash: UInt64
    ) {
        guard seen.indices.contains(issue), !seen[issue], let file else { return }
        if let location = finder.find(file.key),
           snapshot.file(at: location).isCurrent(size: file.size, modified: file.modified, repair: repair) {
            return
        }
        // A file's grams come from its bytes when it is issue text (a superset of its
        // search texts', as `ArchiveSearch` indexes it), from its search texts otherwise.
        let grams = input.isConverted
            ? SearchGrams.grams(of: document) : input.bytes.withUnsafeBufferPointer(SearchGrams.grams(ofIssueText:))
        // A time within `racyNanoseconds` of now is not recorded (the file could change
        // again within the same clock tick at the same size): read again next time.
        let racyAfter = IndexedSearchPlan.racyAfterNow()
        pending.append(IndexStore.Entry(
            path: file.key, size: file.size, modified: file.modified >= racyAfter ? -1 : file.modified,
            contentHash: Int64(bitPattern: contentHash), repair: repair, grams: grams))
        if pending.count >= IndexedSearchPlan.segmentFiles { write(isLast: false) }
    }

    /// Issue `issue` was read (recorded or not: a binary file, one the index knows; the
    /// reading thread says so after `add`); once every issue has been, what is left is written.
    func noteSeen(_ issue: Int) {
        if seen.indices.contains(issue), !seen[issue] {
            seen[issue] = true
            seenCount += 1
            if seenCount == seen.count { write(isLast: true) }
        }
    }

    /// Writes the pending entries as a segment, unmerged; after the last, the segments
    /// are merged once (`compact`), as `reader --search` does (each record merged once, not
    /// once per size class it climbs). A session cut short leaves them to the next
    /// session's end or the next `--search` (which compacts an index that piled up).
    private func write(isLast: Bool) {
        let segment = pending
        pending = []
        nonisolated(unsafe) let store = store
        writing.wait()
        writer.async { [writing] in
            store.record(segment, merging: false)
            if isLast { store.compact() }
            writing.signal()
        }
    }
}
