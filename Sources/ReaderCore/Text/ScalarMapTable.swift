/// A read-only map from code points to code points (most map to themselves), stored as
/// a two-level table like `CodePointTable`: `index[value >> 8]` selects a block of 256
/// entries, 0 meaning "unchanged". Blocks without an entry share the first, all zeros.
///
/// Built once from sorted pairs into memory that is never freed (it backs `static let`s
/// that last as long as the process), so a lookup is two pointer reads without bounds
/// checks or reference counting (`@unchecked Sendable`: never written after `init`).
struct ScalarMapTable: @unchecked Sendable {
    static let blockShift = 8
    static let blockSize = 1 << blockShift
    static let blockCount = 0x110000 >> blockShift

    private let index: UnsafePointer<UInt16>
    private let blocks: UnsafePointer<UInt32>

    /// - Parameter pairs: `from << 32 | to`, sorted by `from`, every value a scalar value.
    init(pairs: [UInt64]) {
        var index = [UInt16](repeating: 0, count: Self.blockCount)
        var blockCount = 1
        for pair in pairs {
            let block = Int(pair >> 32) >> Self.blockShift
            if index[block] == 0 {
                index[block] = UInt16(blockCount)
                blockCount += 1
            }
        }
        let blocks = UnsafeMutablePointer<UInt32>.allocate(capacity: blockCount * Self.blockSize)
        blocks.initialize(repeating: 0, count: blockCount * Self.blockSize)
        for pair in pairs {
            let from = Int(pair >> 32)
            let slot = Int(index[from >> Self.blockShift]) << Self.blockShift | from & (Self.blockSize - 1)
            blocks[slot] = UInt32(truncatingIfNeeded: pair)
        }
        let storedIndex = UnsafeMutablePointer<UInt16>.allocate(capacity: Self.blockCount)
        storedIndex.initialize(from: index, count: Self.blockCount)
        self.index = UnsafePointer(storedIndex)
        self.blocks = UnsafePointer(blocks)
    }

    /// Whether the table has an entry for `scalar`.
    func hasEntry(for scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let block = Int(index[Int(value >> UInt32(Self.blockShift))])
        return blocks[block << Self.blockShift | Int(value) & (Self.blockSize - 1)] != 0
    }

    /// What `scalar` maps to (itself when the table has no entry for it).
    @inline(__always)
    subscript(scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        let block = Int(index[Int(value >> UInt32(Self.blockShift))])
        let mapped = blocks[block << Self.blockShift | Int(value) & (Self.blockSize - 1)]
        guard mapped != 0, let result = Unicode.Scalar(mapped) else { return scalar }
        return result
    }
}
