/// Pairs of adjacent folded scalars ("bigrams") of an issue's search texts: what the
/// persistent index (ARCHITECTURE.md, "Search index") keeps per file to narrow a search
/// to the files that may hold the query.
///
/// Every match of a needle of two or more scalars lies inside one search text (as
/// `SearchIndex` writes it: folded, lines joined, repair applied, texts separated), so
/// each adjacent pair of the needle's scalars is a pair of that text: a file lacking one
/// of the needle's grams cannot match. The grams are computed from the very bytes the
/// plain search scans (`SearchIndex`), never from a second reading of the source.
public enum SearchGrams {
    /// A pair's key: the two scalar values side by side (21 bits each), so keys never
    /// collide.
    @inline(__always)
    static func key(_ first: UInt32, _ second: UInt32) -> Int64 {
        Int64(first) << 21 | Int64(second)
    }

    /// The sorted distinct grams every match of the folded `needle` contains; empty when
    /// the needle is shorter than a pair (then no file can be ruled out).
    public static func grams(of needle: [Unicode.Scalar]) -> [Int64] {
        guard needle.count >= 2 else { return [] }
        var keys: [Int64] = []
        for index in 1..<needle.count { keys.append(key(needle[index - 1].value, needle[index].value)) }
        return Array(Set(keys)).sorted()
    }

    /// The distinct grams of every search text of `document`, in the order first met.
    public static func grams(of document: Document) -> [Int64] {
        let table = GramTable(capacity: document.source.count / 4)
        document.searchIndex.forEachChunk { chunk in
            chunk.bytes.withUnsafeBufferPointer { addGrams(of: $0, to: table) }
        }
        return table.inserted
    }

    /// Adds the pairs of scalars of the folded UTF-8 `bytes` (valid UTF-8 but for the
    /// `SearchIndex.separator`s that end each text; no pair spans a separator).
    private static func addGrams(of bytes: UnsafeBufferPointer<UInt8>, to table: GramTable) {
        var previous: UInt32? = nil
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead == SearchIndex.separator {
                previous = nil
                index += 1
                continue
            }
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead < 0xE0 {
                value = UInt32(lead & 0x1F)
                length = 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F)
                length = 3
            } else {
                value = UInt32(lead & 0x07)
                length = 4
            }
            var next = 1
            while next < length, index + next < count {
                value = value << 6 | UInt32(bytes[index + next] & 0x3F)
                next += 1
            }
            if let previous { table.insert(key(previous, value)) }
            previous = value
            index += length
        }
    }
}
