#if canImport(Glibc)
import Glibc
#endif

extension SearchStore {
    /// A file's key in the index (its absolute path's bytes), hashed as one block of
    /// bytes: an `[UInt8]` key is hashed byte by byte, which was most of a search with a
    /// built index over thousands of files.
    public struct PathKey: Hashable, Sendable {
        public let bytes: [UInt8]

        public init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        public static func == (left: PathKey, right: PathKey) -> Bool {
            left.bytes.count == right.bytes.count && PathKey.sameBytes(left.bytes, right.bytes, count: left.bytes.count)
        }

        public func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        /// Whether the path lies under the directory `prefix` (its bytes, ending in `/`).
        public func isUnder(_ prefix: [UInt8]) -> Bool {
            bytes.count > prefix.count && PathKey.sameBytes(bytes, prefix, count: prefix.count)
        }

        /// Whether the first `count` bytes of `first` and `second` (both at least that long) are equal.
        private static func sameBytes(_ first: [UInt8], _ second: [UInt8], count: Int) -> Bool {
            first.withUnsafeBytes { first in
                second.withUnsafeBytes { second in
                    guard count > 0, let one = first.baseAddress, let other = second.baseAddress else { return true }
                    return memcmp(one, other, count) == 0
                }
            }
        }
    }

    /// The files the index knows (`paths[i]` is recorded as `records[i]`), and the ids of
    /// those that hold every gram of a query (nil: every file is a candidate), read from
    /// one snapshot of the database.
    public struct Snapshot: Sendable {
        public let paths: [PathKey]
        public let records: [FileRecord]
        public let candidates: Set<Int64>?
        /// Where each path is in `paths`.
        private let positions: [PathKey: Int]

        init(paths: [PathKey], records: [FileRecord], candidates: Set<Int64>?) {
            self.paths = paths
            self.records = records
            self.candidates = candidates
            var positions: [PathKey: Int] = [:]
            positions.reserveCapacity(paths.count)
            for (position, path) in paths.enumerated() { positions[path] = position }
            self.positions = positions
        }

        /// What the index knows of the file at `path`.
        public func record(for path: PathKey) -> FileRecord? {
            positions[path].map { records[$0] }
        }

        /// Where `path` is in `paths` (and its record in `records`).
        public func position(of path: PathKey) -> Int? {
            positions[path]
        }

        /// Whether the file recorded as `record` may hold the query.
        public func isCandidate(_ record: FileRecord) -> Bool {
            candidates?.contains(record.id) ?? true
        }
    }
}
