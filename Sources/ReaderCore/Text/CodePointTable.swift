/// A read-only map from every code point (U+0000…U+10FFFF) to a `UInt8`, stored as a
/// two-level table: `index[cp >> 7]` selects a 128-byte block in `blocks`. Identical
/// blocks are shared, so the tables stay small (tens of KB) while a lookup is two
/// array reads and no branches.
///
/// Built once from the run-length data in `UnicodeTableData` (see
/// `UnicodeTables.generated.swift`).
struct CodePointTable: Sendable {
    static let blockShift = 7
    static let blockSize = 1 << blockShift
    static let codePointCount = 0x110000

    private let index: [UInt16]
    private let blocks: [UInt8]

    /// - Parameter runs: sorted runs `start << 8 | value`, the first one starting at 0.
    init(runs: [UInt32]) {
        let size = Self.codePointCount
        var flat = [UInt8](repeating: 0, count: size)
        for (i, run) in runs.enumerated() {
            let start = Int(run >> 8)
            let end = i + 1 < runs.count ? Int(runs[i + 1] >> 8) : size
            let value = UInt8(truncatingIfNeeded: run)
            for cp in start..<min(end, size) { flat[cp] = value }
        }
        var index = [UInt16]()
        index.reserveCapacity(size >> Self.blockShift)
        var blocks = [UInt8]()
        // Most blocks hold one value throughout: those are found by that value, without
        // hashing 128 bytes each (the tables are built while the first screen waits).
        var uniform = [UInt16?](repeating: nil, count: 256)
        var known = [ArraySlice<UInt8>: UInt16]()
        for blockStart in stride(from: 0, to: size, by: Self.blockSize) {
            let block = flat[blockStart..<(blockStart + Self.blockSize)]
            let first = flat[blockStart]
            if block.allSatisfy({ $0 == first }) {
                if let existing = uniform[Int(first)] {
                    index.append(existing)
                } else {
                    let number = UInt16(blocks.count >> Self.blockShift)
                    uniform[Int(first)] = number
                    known[block] = number
                    index.append(number)
                    blocks.append(contentsOf: block)
                }
            } else if let existing = known[block] {
                index.append(existing)
            } else {
                let number = UInt16(blocks.count >> Self.blockShift)
                known[block] = number
                index.append(number)
                blocks.append(contentsOf: block)
            }
        }
        self.index = index
        self.blocks = blocks
    }

    /// The value for `codePoint`, which must be at most U+10FFFF (any `Unicode.Scalar` is).
    @inline(__always)
    subscript(codePoint: UInt32) -> UInt8 {
        let block = Int(index[Int(codePoint >> UInt32(Self.blockShift))])
        return blocks[block << Self.blockShift | Int(codePoint & UInt32(Self.blockSize - 1))]
    }

    /// Number of bytes the two levels occupy (for tests and curiosity).
    var byteCount: Int { index.count * 2 + blocks.count }
}

/// The lookup tables built from the generated data, on first use.
enum UnicodeTables {
    /// Display width codes: wcwidth + 1, or `UnicodeTableData.widthAmbiguous`.
    static let width = CodePointTable(runs: UnicodeTableData.widthRuns)
    /// `LineBreakClass` raw value plus flag bits.
    static let lineBreak = CodePointTable(runs: UnicodeTableData.lineBreakRuns)
    /// `GraphemeBreakClass` raw values.
    static let graphemeBreak = CodePointTable(runs: UnicodeTableData.graphemeBreakRuns)
}
