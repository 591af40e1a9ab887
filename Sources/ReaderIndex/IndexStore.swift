import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The persistent search index (ARCHITECTURE.md, "Search index"): for every file searched
/// once, its size, modification time, content hash, repair setting and the grams of its
/// search texts (`SearchGrams`), so that a later search reads only the files that may
/// hold the query (and those that changed). Our own format, read in place by `reader`
/// (no SQLite, no Foundation): immutable segment files (`SegmentFormat`) in
/// `$XDG_CACHE_HOME/reader/search-index/`, the live ones named by the manifest
/// (`IndexManifest`).
///
/// - A search's lookup maps the live segments (`snapshot`) and reads them in place.
/// - `record` writes the files read as a new segment (and tombstones for the files gone),
///   so a new, changed or removed file costs in proportion to itself; the newest record
///   of a path wins. Segments pile up and are merged (`SegmentMerger`) four of a size
///   at a time, so a search finds each file in a few segments.
/// - Writers are serialized by `flock` on the `lock` file; a segment and the manifest
///   are written to a temporary file and renamed into place, and a merged segment's inputs
///   are unlinked only after the manifest stops naming them: a reader's mapped segments
///   never change under it.
/// - A manifest or segment that is truncated, foreign or corrupt empties the index
///   (silently: it fills again as files are searched); any failure means "no index" to
///   the caller, and the plain search runs.
public final class IndexStore {
    /// A file to record, with the grams of its search texts.
    public struct Entry: Sendable {
        public var path: [UInt8]
        public var size: Int
        public var modified: Int64
        public var contentHash: Int64
        public var repair: Bool
        public var grams: [Int64]

        public init(path: [UInt8], size: Int, modified: Int64, contentHash: Int64, repair: Bool, grams: [Int64]) {
            self.path = path
            self.size = size
            self.modified = modified
            self.contentHash = contentHash
            self.repair = repair
            self.grams = grams
        }
    }

    /// Merging starts when this many segments of one size class end the manifest.
    static let mergeWidth = 4
    /// More segments than this are merged into one whatever their sizes.
    static let mergeLimit = 12

    /// The index's directory.
    public let directory: String
    private let cacheDirectory: String

    /// The index in the cache directory `cacheDirectory` (made when missing); nil when it
    /// cannot be made.
    public init?(cacheDirectory: String) {
        self.cacheDirectory = cacheDirectory
        directory = cacheDirectory + "/" + CacheDirectory.searchIndexName
        do { try AtomicFile.makeDirectories(directory) } catch { return nil }
    }

    private var manifestPath: String { directory + "/manifest" }

    /// Whether an index is in `cacheDirectory` (its manifest is there), without making one.
    public static func hasIndex(cacheDirectory: String) -> Bool {
        var info = stat()
        return stat(cacheDirectory + "/" + CacheDirectory.searchIndexName + "/manifest", &info) == 0
    }

    private func segmentPath(_ number: UInt64) -> String { directory + "/segment-\(number)" }

    // MARK: Reading

    /// The live segments, mapped. Empty when there is no index yet, or when it was found
    /// corrupt (then emptied).
    public func snapshot() -> IndexSnapshot {
        // A writer may merge a segment away between reading the manifest and opening it: read again.
        for _ in 0..<3 {
            switch load() {
            case .loaded(let segments): return IndexSnapshot(segments: segments)
            case .raced: continue
            case .corrupt: break
            }
            break
        }
        // Under the lock nothing changes: what does not load now is corrupt.
        var segments: [IndexSegment] = []
        withLock {
            if case .loaded(let loaded) = load() {
                segments = loaded
            } else {
                removeEverything()
            }
        }
        return IndexSnapshot(segments: segments)
    }

    private enum Loaded {
        case loaded([IndexSegment])
        case raced
        case corrupt
    }

    private func load() -> Loaded {
        guard let manifest = readManifest() else { return .corrupt }
        var segments: [IndexSegment] = []
        for number in manifest.segments {
            switch IndexSegment.open(path: segmentPath(number), number: number) {
            case .opened(let segment): segments.append(segment)
            case .missing: return .raced
            case .corrupt: return .corrupt
            }
        }
        return .loaded(segments)
    }

    /// The manifest (empty when there is none yet); nil when it cannot be read or is not one.
    private func readManifest() -> IndexManifest? {
        do {
            return IndexManifest(bytes: try AtomicFile.read(manifestPath, limit: IndexManifest.maximumSize))
        } catch where error.code == ENOENT {
            return IndexManifest()
        } catch {
            return nil
        }
    }

    // MARK: Writing

    /// Records `entries` (files read) and tombstones for `removedPaths` (files gone) as
    /// one new segment, then merges segments if they piled up — unless not `merging`: a
    /// search that records many segments leaves them to `compact` at its end, so that
    /// each record is merged once, not once for each size class it climbs, and the
    /// search never waits for a merge.
    public func record(_ entries: [Entry], removedPaths: [[UInt8]] = [], merging: Bool = true) {
        guard !entries.isEmpty || !removedPaths.isEmpty else { return }
        withLock {
            guard var manifest = readManifest() else {
                removeEverything()
                return
            }
            let number = manifest.next
            guard let writer = SegmentWriter(path: segmentPath(number)) else { return }
            guard IndexStore.write(entries, removedPaths: removedPaths, to: writer) else { return }
            manifest.segments.append(number)
            manifest.next += 1
            guard (try? AtomicFile.write(manifest.bytes, to: manifestPath)) != nil else {
                unlink(segmentPath(number))
                return
            }
            if merging { merge(&manifest) }
            // The SQLite index this one replaced.
            for suffix in ["", "-wal", "-shm"] {
                unlink(cacheDirectory + "/" + CacheDirectory.formerSearchIndexFileName + suffix)
            }
        }
    }

    /// Writes the segment of `entries` and the tombstones of `removedPaths` (an entry for
    /// the same path wins; of two entries, the later).
    private static func write(_ entries: [Entry], removedPaths: [[UInt8]], to writer: SegmentWriter) -> Bool {
        // Entry numbers, tombstones as -1 - their number; sorted by path, then tombstones first, then in order.
        var order = Array(entries.indices) + removedPaths.indices.map { -1 - $0 }
        func path(_ item: Int) -> [UInt8] { item >= 0 ? entries[item].path : removedPaths[-1 - item] }
        order.sort { left, right in
            let order = TreeOrder.compare(path(left), path(right))
            return order != 0 ? order < 0 : left < right
        }
        // The last of each path's run.
        let kept = order.indices.filter { index in
            index + 1 == order.count || TreeOrder.compare(path(order[index]), path(order[index + 1])) != 0
        }.map { order[$0] }
        writer.write(records: kept.map { item in
            guard item >= 0 else {
                return SegmentRecord(path: removedPaths[-1 - item], size: 0, modified: 0, contentHash: 0, repair: false, removed: true)
            }
            let entry = entries[item]
            return SegmentRecord(
                path: entry.path, size: entry.size, modified: entry.modified, contentHash: entry.contentHash,
                repair: entry.repair)
        })
        // Each gram's slot, gram after gram of each record (`slotSequence`), counted per
        // slot; then the record numbers placed slot by slot (a counting sort), ascending.
        let grams = GramTable(capacity: 1 << 16)
        var slotSequence: [Int32] = []
        for item in kept where item >= 0 {
            for gram in entries[item].grams { slotSequence.append(Int32(grams.slot(of: gram))) }
        }
        let inserted = grams.inserted
        var starts = [Int](repeating: 0, count: inserted.count + 1)
        for slot in slotSequence { starts[Int(slot) + 1] += 1 }
        for slot in 0..<inserted.count { starts[slot + 1] += starts[slot] }
        var fill = starts
        var ids = [Int32](repeating: 0, count: slotSequence.count)
        var position = 0
        for (number, item) in kept.enumerated() where item >= 0 {
            let count = entries[item].grams.count
            for slot in slotSequence[position..<position + count] {
                ids[fill[Int(slot)]] = Int32(number)
                fill[Int(slot)] += 1
            }
            position += count
        }
        for (slot, gram) in inserted.enumerated().sorted(by: { $0.element < $1.element }) {
            writer.addPostings(gram: gram, ids: ids[starts[slot]..<starts[slot + 1]])
        }
        return writer.finish()
    }

    /// Merges the segments if they piled up (as `record` does after writing one).
    public func compact() {
        withLock {
            guard var manifest = readManifest() else {
                removeEverything()
                return
            }
            merge(&manifest)
        }
    }

    /// A segment's size class: its records over 1024, in powers of `mergeWidth`.
    private static func sizeClass(_ records: Int) -> Int {
        var count = records / 1024
        var level = 0
        while count >= mergeWidth {
            count /= mergeWidth
            level += 1
        }
        return level
    }

    /// Merges every segment into one when there are more than `mergeLimit` (segments
    /// recorded without merging: each record is then rewritten once); then, while the
    /// last `mergeWidth` segments are of one size class, merges them into one. The lock
    /// is held.
    private func merge(_ manifest: inout IndexManifest) {
        if manifest.segments.count > IndexStore.mergeLimit {
            guard mergeLast(manifest.segments.count, of: &manifest) else { return }
        }
        while manifest.segments.count >= IndexStore.mergeWidth {
            var classes = Set<Int>()
            for number in manifest.segments.suffix(IndexStore.mergeWidth) {
                guard case .opened(let segment) = IndexSegment.open(path: segmentPath(number), number: number) else {
                    removeEverything()
                    return
                }
                classes.insert(IndexStore.sizeClass(segment.recordCount))
            }
            guard classes.count == 1, mergeLast(IndexStore.mergeWidth, of: &manifest) else { return }
        }
    }

    /// Merges the last `count` segments of `manifest` into one (the manifest is written
    /// anew, the inputs unlinked after); false when that could not be done (the index is
    /// emptied if a segment turned out corrupt).
    private func mergeLast(_ count: Int, of manifest: inout IndexManifest) -> Bool {
        var segments: [IndexSegment] = []
        for number in manifest.segments.suffix(count) {
            guard case .opened(let segment) = IndexSegment.open(path: segmentPath(number), number: number) else {
                removeEverything()
                return false
            }
            segments.append(segment)
        }
        let number = manifest.next
        let start = manifest.segments.count - segments.count
        guard let writer = SegmentWriter(path: segmentPath(number)) else { return false }
        guard SegmentMerger.merge(segments, dropTombstones: start == 0, into: writer) else {
            writer.discard()
            removeEverything()
            return false
        }
        manifest.segments.replaceSubrange(start..., with: [number])
        manifest.next += 1
        guard (try? AtomicFile.write(manifest.bytes, to: manifestPath)) != nil else {
            unlink(segmentPath(number))
            return false
        }
        for segment in segments { unlink(segmentPath(segment.number)) }
        return true
    }

    // MARK: The directory

    /// Runs `body` holding the writers' lock (`flock` on the `lock` file: writers of every
    /// process take turns; readers never wait).
    private func withLock(_ body: () -> Void) {
        let descriptor = open(directory + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { return }
        }
        body()
    }

    /// Removes the manifest and every segment (a corrupt index); the lock is held.
    private func removeEverything() {
        unlink(manifestPath)
        guard let listing = opendir(directory) else { return }
        defer { closedir(listing) }
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix("segment-") { unlink(directory + "/" + name) }
        }
    }
}
