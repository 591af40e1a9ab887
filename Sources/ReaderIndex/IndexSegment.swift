#if canImport(Glibc)
import Glibc
#endif

/// One segment file (`SegmentFormat`), mapped read-only and read in place. Every section
/// is checked against the file's size when it is opened, and every read within it is
/// bounds-checked, so a truncated, foreign or corrupt file is refused (`open` gives
/// `.corrupt`) or reads as such (`postings` gives nil), never read out of bounds.
/// Segments are only ever replaced by rename, never rewritten, so the mapping never
/// shrinks under the reader (which would be SIGBUS).
final class IndexSegment: @unchecked Sendable {
    /// What opening a segment gave.
    enum Opened {
        case opened(IndexSegment)
        /// No such file (a writer merged it away since the manifest was read).
        case missing
        case corrupt
    }

    /// A file as a segment records it.
    struct Record: Equatable {
        var size: Int
        var modified: Int64
        var contentHash: Int64
        var repair: Bool
        var removed: Bool
    }

    let number: UInt64
    let recordCount: Int
    let gramCount: Int
    private let bytes: UnsafeRawBufferPointer
    private let recordsOffset: Int
    private let pathsOffset: Int
    private let pathsSize: Int
    private let postingsOffset: Int
    private let postingsSize: Int
    private let gramKeysOffset: Int
    private let gramStartsOffset: Int

    private init(
        number: UInt64, bytes: UnsafeRawBufferPointer, header: (Int, Int, Int, Int, Int, Int, Int, Int, Int)
    ) {
        self.number = number
        self.bytes = bytes
        (recordCount, gramCount, recordsOffset, pathsOffset, pathsSize, postingsOffset, postingsSize,
         gramKeysOffset, gramStartsOffset) = header
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// Maps the segment file at `path` and checks its header.
    static func open(path: String, number: UInt64) -> Opened {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? .missing : .corrupt }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size >= SegmentFormat.headerSize, info.st_size < Int.max / 2
        else { return .corrupt }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), base != MAP_FAILED else {
            return .corrupt
        }
        let bytes = UnsafeRawBufferPointer(start: base, count: size)
        guard let header = checkedHeader(bytes) else {
            munmap(base, size)
            return .corrupt
        }
        return .opened(IndexSegment(number: number, bytes: bytes, header: header))
    }

    /// The header's counts and offsets, when they describe sections inside `bytes`.
    private static func checkedHeader(_ bytes: UnsafeRawBufferPointer) -> (Int, Int, Int, Int, Int, Int, Int, Int, Int)? {
        func field(_ field: SegmentFormat.Field) -> Int? {
            let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: field.rawValue, as: UInt64.self))
            return value <= UInt64(bytes.count) ? Int(value) : nil
        }
        let header = UnsafeRawBufferPointer(rebasing: bytes[0..<SegmentFormat.headerSize])
        let magic = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let checksum = UInt64(littleEndian: bytes.loadUnaligned(
            fromByteOffset: SegmentFormat.Field.checksum.rawValue, as: UInt64.self))
        guard magic == SegmentFormat.magic, checksum == SegmentFormat.checksum(header),
              field(.totalSize) == bytes.count,
              let records = field(.recordCount), let grams = field(.gramCount),
              let recordsOffset = field(.recordsOffset), let pathsOffset = field(.pathsOffset),
              let pathsSize = field(.pathsSize), let postingsOffset = field(.postingsOffset),
              let postingsSize = field(.postingsSize), let keysOffset = field(.gramKeysOffset),
              let startsOffset = field(.gramStartsOffset)
        else { return nil }
        // Each section within the file (every value is at most the file's size, so no sum overflows).
        func fits(_ offset: Int, _ count: Int, _ width: Int) -> Bool {
            offset >= SegmentFormat.headerSize && count <= bytes.count / width && offset + count * width <= bytes.count
        }
        guard fits(recordsOffset, records, SegmentFormat.recordSize), fits(pathsOffset, pathsSize, 1),
              fits(postingsOffset, postingsSize, 1), fits(keysOffset, grams, 8), fits(startsOffset, grams + 1, 8)
        else { return nil }
        return (records, grams, recordsOffset, pathsOffset, pathsSize, postingsOffset, postingsSize, keysOffset, startsOffset)
    }

    @inline(__always)
    private func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The path of record `index` (< `recordCount`); empty when its bounds are not in the paths section.
    func path(at index: Int) -> UnsafeRawBufferPointer {
        let location = word(at: recordsOffset + index * SegmentFormat.recordSize)
        let offset = Int(location & 0xFFFF_FFFF)
        let length = Int(location >> 32)
        guard offset <= pathsSize, length <= pathsSize - offset else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: bytes[(pathsOffset + offset)..<(pathsOffset + offset + length)])
    }

    /// Record `index` (< `recordCount`).
    func record(at index: Int) -> Record {
        let start = recordsOffset + index * SegmentFormat.recordSize
        let flags = word(at: start + 32)
        return Record(
            size: Int(truncatingIfNeeded: word(at: start + 8)), modified: Int64(bitPattern: word(at: start + 16)),
            contentHash: Int64(bitPattern: word(at: start + 24)), repair: flags & SegmentFormat.repairFlag != 0,
            removed: flags & SegmentFormat.removedFlag != 0)
    }

    /// The gram at `index` (< `gramCount`) of the ascending gram table.
    func gram(at index: Int) -> Int64 {
        Int64(bitPattern: word(at: gramKeysOffset + index * 8))
    }

    /// Where `gram` is in the gram table, if there.
    func gramIndex(of gram: Int64) -> Int? {
        var low = 0
        var high = gramCount
        while low < high {
            let middle = (low + high) / 2
            if self.gram(at: middle) < gram { low = middle + 1 } else { high = middle }
        }
        return low < gramCount && self.gram(at: low) == gram ? low : nil
    }

    /// The encoded posting list of the gram at `index`; nil when its bounds are not in the postings section.
    func postingBytes(at index: Int) -> UnsafeRawBufferPointer? {
        let start = word(at: gramStartsOffset + index * 8)
        let end = word(at: gramStartsOffset + (index + 1) * 8)
        guard start <= end, end <= UInt64(postingsSize) else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[(postingsOffset + Int(start))..<(postingsOffset + Int(end))])
    }

    /// The records holding the gram at `index`, ascending; nil when the list is corrupt.
    func postings(at index: Int) -> [Int32]? {
        postingBytes(at: index).flatMap { SegmentFormat.decodePostings($0, limit: recordCount) }
    }

    /// Where the first record not before `key` is, at or after `start` (whose records
    /// all come before `key`), and whether it is `key`'s: galloping forwards, then
    /// halving. The files of a search come in `TreeOrder`, so each is at `start` or a
    /// step beyond: one comparison, mostly.
    func search(_ key: UnsafeRawBufferPointer, from start: Int) -> (position: Int, found: Bool) {
        guard start < recordCount else { return (recordCount, false) }
        let first = TreeOrder.compare(path(at: start), key)
        if first >= 0 { return (start, first == 0) }
        var low = start + 1
        var high = low
        var step = 1
        while high < recordCount, TreeOrder.compare(path(at: high), key) < 0 {
            low = high + 1
            step *= 2
            high = start + step
        }
        high = min(high, recordCount)
        while low < high {
            let middle = (low + high) / 2
            if TreeOrder.compare(path(at: middle), key) < 0 { low = middle + 1 } else { high = middle }
        }
        return (low, low < recordCount && TreeOrder.compare(path(at: low), key) == 0)
    }

    /// Where the record of `key` is, if any (searching from the start).
    func find(_ key: UnsafeRawBufferPointer) -> Int? {
        let (position, found) = search(key, from: 0)
        return found ? position : nil
    }

    /// The file's size in bytes.
    var byteSize: Int { bytes.count }
}
