/// A read-only map from every code point (U+0000…U+10FFFF) to a `UInt8`, stored as a
/// two-level table: `index[cp >> 7]` selects a 128-byte block in `blocks`. Identical
/// blocks are shared, so the tables stay small (tens of KB) while a lookup is two
/// array reads and no branches.
///
/// Built once from the run-length data in `UnicodeTableData` (see
/// `UnicodeTables.generated.swift`).
///
/// Both levels live in memory that is allocated once and never freed: the tables are
/// built into `static let`s that last as long as the process. A lookup is then two
/// pointer reads, with no bounds checks and no reference counting (`@unchecked
/// Sendable`: the memory is never written after `init`).
struct CodePointTable: @unchecked Sendable {
    static let blockShift = 7
    static let blockSize = 1 << blockShift
    static let codePointCount = 0x110000
    /// Number of entries of `index`: one per block of code points.
    static let blockCount = codePointCount >> blockShift

    private let index: UnsafePointer<UInt16>
    private let blocks: UnsafePointer<UInt8>
    /// Number of distinct blocks stored.
    private let storedBlocks: Int

    /// - Parameter runs: sorted runs `start << 8 | value`, the first one starting at 0.
    init(runs: [UInt32]) {
        let size = Self.codePointCount
        /// The end of run `run`: where the next one starts.
        func end(of run: Int) -> Int { run + 1 < runs.count ? Int(runs[run + 1] >> 8) : size }
        var index = [UInt16]()
        index.reserveCapacity(Self.blockCount)
        var blocks = [UInt8]()
        // Most blocks lie inside one run: those are found by its value, without filling
        // or hashing 128 bytes each (the tables are built while the first screen waits).
        var uniform = [UInt16?](repeating: nil, count: 256)
        var known = [Block: UInt16]()
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var run = 0
        for blockStart in stride(from: 0, to: size, by: Self.blockSize) {
            while end(of: run) <= blockStart { run += 1 }
            if end(of: run) >= blockStart + Self.blockSize {
                let value = UInt8(truncatingIfNeeded: runs[run])
                if let existing = uniform[Int(value)] {
                    index.append(existing)
                } else {
                    let number = UInt16(blocks.count >> Self.blockShift)
                    uniform[Int(value)] = number
                    index.append(number)
                    blocks.append(contentsOf: repeatElement(value, count: Self.blockSize))
                }
                continue
            }
            var covering = run
            for offset in 0..<Self.blockSize {
                while end(of: covering) <= blockStart + offset { covering += 1 }
                block[offset] = UInt8(truncatingIfNeeded: runs[covering])
            }
            if let existing = known[Block(bytes: block)] {
                index.append(existing)
            } else {
                let number = UInt16(blocks.count >> Self.blockShift)
                known[Block(bytes: block)] = number
                index.append(number)
                blocks.append(contentsOf: block)
            }
        }
        self.index = permanentCopy(of: index)
        self.blocks = permanentCopy(of: blocks)
        self.storedBlocks = blocks.count >> Self.blockShift
    }

    /// A block's values as a dictionary key, hashed as one run of bytes rather than
    /// byte by byte as `[UInt8]` is (which took most of the time to build a table).
    private struct Block: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The value for `codePoint`, which must be at most U+10FFFF (any `Unicode.Scalar` is).
    @inline(__always)
    subscript(codePoint: UInt32) -> UInt8 {
        let block = Int(index[Int(codePoint >> UInt32(Self.blockShift))])
        return blocks[block << Self.blockShift | Int(codePoint & UInt32(Self.blockSize - 1))]
    }

    /// The stored block that block `number` of the code points (`codePoint >> blockShift`) uses.
    func storedBlock(_ number: Int) -> Int { Int(index[number]) }

    /// Entry `offset` of stored block `block`.
    func value(inStoredBlock block: Int, at offset: Int) -> UInt8 { blocks[block << Self.blockShift | offset] }

    /// Number of bytes the two levels occupy (for tests and curiosity).
    var byteCount: Int { Self.blockCount * 2 + storedBlocks << Self.blockShift }
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

/// `elements` copied into memory that is never freed: a table's levels, built once into a
/// `static let` that lasts as long as the process, read through a plain pointer.
func permanentCopy<Element>(of elements: [Element]) -> UnsafePointer<Element> {
    let memory = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(1, elements.count))
    memory.initialize(from: elements, count: elements.count)
    return UnsafePointer(memory)
}
