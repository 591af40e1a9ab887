#if canImport(Glibc)
import Glibc
#endif

/// The live segments of the index at one moment (`IndexStore.snapshot`), mapped: what a
/// search asks of it. A file's record is the one in the newest segment holding its path
/// (a tombstone there: not indexed); records are looked up by path (`Finder`) and the
/// candidates of a query are a set of records per segment (`Candidates`). Nothing is
/// copied out of the files but what a query touches.
public final class IndexSnapshot: @unchecked Sendable {
    /// Oldest first.
    let segments: [IndexSegment]

    init(segments: [IndexSegment]) {
        self.segments = segments
    }

    /// Whether more segments are live than `IndexStore.compact` leaves (a search that
    /// recorded its segments unmerged was cut short): the next search compacts them.
    public var hasPiledUp: Bool { segments.count > IndexStore.mergeLimit }

    /// Where a record is: segment and record number.
    public struct Location: Equatable, Sendable {
        let segment: Int
        let record: Int
    }

    /// A file as the index knows it.
    public struct IndexedFile: Equatable, Sendable {
        public var size: Int
        public var modified: Int64
        public var contentHash: Int64
        public var repair: Bool

        /// Whether this record is of the file as it is now: the same size and modification
        /// time (nanoseconds), read with the same repair setting. Anything else is read again.
        public func isCurrent(size: Int, modified: Int64, repair: Bool) -> Bool {
            self.size == size && self.modified == modified && self.repair == repair
        }
    }

    /// The records that hold every gram of a query, per segment.
    public struct Candidates: Sendable {
        /// Per segment, one flag per record (nil: the segment holds none).
        let flags: [[Bool]?]

        public func contains(_ location: IndexSnapshot.Location) -> Bool {
            flags[location.segment]?[location.record] ?? false
        }
    }

    /// The records holding every gram of `grams` (nil: no gram, every file may hold the
    /// query; also nil when a posting list is corrupt, so that nothing is ruled out).
    public func candidates(grams: [Int64]) -> Candidates? {
        guard !grams.isEmpty else { return nil }
        var flags: [[Bool]?] = []
        for segment in segments {
            // The shortest lists first: the intersection only shrinks.
            var lists: [Int] = []
            for gram in grams {
                guard let index = segment.gramIndex(of: gram) else { break }
                lists.append(index)
            }
            guard lists.count == grams.count else {
                flags.append(nil)
                continue
            }
            lists.sort { (segment.postingBytes(at: $0)?.count ?? 0) < (segment.postingBytes(at: $1)?.count ?? 0) }
            var found: [Int32]? = nil
            for list in lists {
                guard let ids = segment.postings(at: list) else { return nil }
                found = found.map { IndexSnapshot.intersection($0, ids) } ?? ids
                if found?.isEmpty ?? false { break }
            }
            var segmentFlags = [Bool](repeating: false, count: segment.recordCount)
            for id in found ?? [] { segmentFlags[Int(id)] = true }
            flags.append(segmentFlags)
        }
        return Candidates(flags: flags)
    }

    /// The record at `location`.
    public func file(at location: Location) -> IndexedFile {
        let record = segments[location.segment].record(at: location.record)
        return IndexedFile(
            size: record.size, modified: record.modified, contentHash: record.contentHash, repair: record.repair)
    }

    /// Looks files up by path, fastest when they come in `TreeOrder` (`IssueTree`'s
    /// order): each segment's cursor then stands at or just before the next one's record,
    /// about one comparison per segment. Remembers which records were found (`unseenPaths`).
    public struct Finder {
        let snapshot: IndexSnapshot
        private var cursors: [Int]
        private var seen: [[Bool]]
        private var lastKey: [UInt8] = []

        init(snapshot: IndexSnapshot) {
            self.snapshot = snapshot
            cursors = snapshot.segments.map { _ in 0 }
            seen = snapshot.segments.map { [Bool](repeating: false, count: $0.recordCount) }
        }

        /// The live record of the file at the absolute path `key`; nil when the index
        /// does not know it (or knows it removed).
        public mutating func find(_ key: [UInt8]) -> Location? {
            key.withUnsafeBytes { find($0) }
        }

        /// `find` of the path in `key`'s bytes.
        public mutating func find(_ key: UnsafeRawBufferPointer) -> Location? {
            // Not after the last one asked: search every segment from its start.
            if lastKey.withUnsafeBytes({ TreeOrder.compare($0, key) }) >= 0 { cursors = cursors.map { _ in 0 } }
            lastKey.removeAll(keepingCapacity: true)
            lastKey.append(contentsOf: key)
            // Newest first, by index (`enumerated().reversed()` made an array each time).
            for number in stride(from: snapshot.segments.count - 1, through: 0, by: -1) {
                let segment = snapshot.segments[number]
                let (position, found) = segment.search(key, from: cursors[number])
                cursors[number] = found ? position + 1 : position
                guard found else { continue }
                seen[number][position] = true
                return segment.record(at: position).removed ? nil : Location(segment: number, record: position)
            }
            return nil
        }

        /// The paths of the live records under the directories `prefixes` (absolute,
        /// each ending in '/') that no `find` asked for: files removed since.
        public func unseenPaths(under prefixes: [[UInt8]]) -> [[UInt8]] {
            guard !prefixes.isEmpty else { return [] }
            var paths: [[UInt8]] = []
            let segments = snapshot.segments
            for (number, segment) in segments.enumerated() {
                for index in 0..<segment.recordCount where !seen[number][index] {
                    let path = segment.path(at: index)
                    guard prefixes.contains(where: { IndexSnapshot.isUnder(path, $0) }),
                          !segment.record(at: index).removed,
                          // A newer segment's record (or tombstone) replaced it.
                          !segments[(number + 1)...].contains(where: { $0.find(path) != nil })
                    else { continue }
                    paths.append(Array(path))
                }
            }
            return paths
        }
    }

    public func makeFinder() -> Finder { Finder(snapshot: self) }

    /// Whether `path` lies under the directory `prefix` (its bytes, ending in '/').
    static func isUnder(_ path: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        path.count > prefix.count && prefix.withUnsafeBytes { prefix in
            guard let start = path.baseAddress, let prefixStart = prefix.baseAddress else { return true }
            return memcmp(start, prefixStart, prefix.count) == 0
        }
    }

    /// The ids in both ascending lists.
    static func intersection(_ first: [Int32], _ second: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var left = 0
        var right = 0
        while left < first.count, right < second.count {
            if first[left] < second[right] {
                left += 1
            } else if first[left] > second[right] {
                right += 1
            } else {
                result.append(first[left])
                left += 1
                right += 1
            }
        }
        return result
    }
}
