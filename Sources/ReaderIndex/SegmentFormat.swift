import ReaderCore

/// The layout of an index segment file (ARCHITECTURE.md, "Search index"). Little-endian
/// 64-bit fields; every section lies inside the file, as the header says:
///
/// - header (`headerSize` bytes): `magic`, the file's size, the record and gram counts,
///   the offset (and size) of each section, and an FNV-1a checksum of the fields before it;
/// - records: `recordSize` bytes each, in `TreeOrder` of their paths — path offset and
///   length (32 bits each, into the paths section), size, modification time, content
///   hash, flags (`repairFlag`, `removedFlag`: a removed file's tombstone);
/// - paths: the records' absolute paths, bytes end to end;
/// - postings: per gram, the record numbers holding it, ascending, LEB128 varints of the
///   gaps (the first as it is);
/// - gram keys: the grams (`SearchGrams` keys), ascending;
/// - gram starts: where each gram's list starts in the postings section, one more for
///   the end of the last.
enum SegmentFormat {
    static let magic: UInt64 = 0x3130_4745_5352_4452 // "RDRSEG01"
    static let headerSize = 96
    static let recordSize = 40
    static let repairFlag: UInt64 = 1
    static let removedFlag: UInt64 = 2

    /// Field offsets in the header.
    enum Field: Int {
        case magic = 0
        case totalSize = 8
        case recordCount = 16
        case gramCount = 24
        case recordsOffset = 32
        case pathsOffset = 40
        case pathsSize = 48
        case postingsOffset = 56
        case postingsSize = 64
        case gramKeysOffset = 72
        case gramStartsOffset = 80
        case checksum = 88
    }

    /// The checksum of a header's fields before the checksum.
    static func checksum(_ header: UnsafeRawBufferPointer) -> UInt64 {
        FNV1a.hash(header[0..<Field.checksum.rawValue])
    }

    /// Appends `value`'s LEB128 varint to `bytes`.
    @inline(__always)
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The record numbers of an encoded posting list, each below `limit`; nil when the
    /// list is not one (a corrupt segment).
    static func decodePostings(_ bytes: UnsafeRawBufferPointer, limit: Int) -> [Int32]? {
        var ids: [Int32] = []
        ids.reserveCapacity(bytes.count)
        return forEachPosting(bytes, limit: limit) { ids.append($0) } ? ids : nil
    }

    /// Calls `body` with each record number of an encoded posting list, ascending, each
    /// below `limit`; false when the list is not one (a corrupt segment: then `body` may
    /// have been called with the numbers before the fault).
    static func forEachPosting(_ bytes: UnsafeRawBufferPointer, limit: Int, _ body: (Int32) -> Void) -> Bool {
        var previous = -1
        var gap = 0
        var shift = 0
        var isFirst = true
        for byte in bytes {
            gap |= Int(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                if shift > 28 { return false }
                continue
            }
            let id = isFirst ? gap : previous + gap
            guard id < limit, id > previous else { return false }
            body(Int32(id))
            isFirst = false
            previous = id
            gap = 0
            shift = 0
        }
        return shift == 0
    }
}
