import Foundation

/// The file ids of one gram in one segment of the `SearchStore`: sorted, stored as
/// LEB128 varints of the gaps (the first id as it is). The ids of a segment were given
/// together, so the gaps are small: a byte each, mostly.
enum PostingList {
    /// `ids` (sorted ascending) encoded.
    static func encode(_ ids: [Int64]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count + 8)
        var previous: Int64 = 0
        for id in ids {
            var gap = UInt64(bitPattern: id &- previous)
            previous = id
            while gap >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: gap) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }
        return Data(bytes)
    }

    /// The ids of an encoded list (a truncated or garbled list gives what it can: the
    /// candidates are checked by the plain search anyway).
    static func decode(_ data: Data) -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(data.count)
        var previous: Int64 = 0
        var gap: UInt64 = 0
        var shift: UInt64 = 0
        for byte in data {
            guard shift < 64 else { break }
            gap |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                continue
            }
            previous = previous &+ Int64(bitPattern: gap)
            ids.append(previous)
            gap = 0
            shift = 0
        }
        return ids
    }

    /// The ids in both sorted lists.
    static func intersection(_ first: [Int64], _ second: [Int64]) -> [Int64] {
        var result: [Int64] = []
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
