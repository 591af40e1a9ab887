/// Everything layout asks about a code point, packed into 16 bits so that one lookup
/// serves the grapheme breaker, the line breaker and the width (three lookups in three
/// tables, each with its own index, cost more than the rest of the per-scalar work):
///
/// * bits 0–7: the packed line-break value (`UnicodeTables.lineBreak`),
/// * bits 8–11: the `GraphemeBreakClass` raw value (`UnicodeTables.graphemeBreak`),
/// * bits 12–14: the width code (`UnicodeTables.width`),
/// * bit 15 (`marked`): one of the code points the table was asked to mark (those the
///   Chinese tailoring looks at, so that it need not compare every scalar with each).
///
/// Stored like `CodePointTable`: an index of 128-code-point blocks into distinct blocks,
/// built from the blocks of the three tables (a combination of their blocks occurs only
/// a few hundred times), in memory that is never freed.
struct ScalarPropertyTable: @unchecked Sendable {
    private let index: UnsafePointer<UInt16>
    private let blocks: UnsafePointer<UInt16>
    /// The value every CJK Unified Ideograph (U+4E00…U+9FFF, most of a Chinese text)
    /// has, and how many of them from U+4E00 share it (all, unless the data changes):
    /// those are answered without a look-up.
    private let ideograph: UInt16
    private let ideographSpan: UInt32

    /// The first CJK Unified Ideograph, and the number of them in the basic block.
    static let firstIdeograph: UInt32 = 0x4E00, ideographCount: UInt32 = 0x5200

    /// The flag of the code points in `marked`.
    static let marked: UInt16 = 0x8000

    init(width: CodePointTable, lineBreak: CodePointTable, graphemeBreak: CodePointTable, marked: [UInt32]) {
        let shift = CodePointTable.blockShift
        let size = CodePointTable.blockSize
        // The marked code points by block.
        let markedBlocks = Dictionary(grouping: marked) { Int($0) >> shift }
        var index = [UInt16]()
        index.reserveCapacity(CodePointTable.blockCount)
        var blocks = [UInt16]()
        var known = [UInt64: UInt16]()
        for number in 0..<CodePointTable.blockCount {
            let parts = (width.storedBlock(number), lineBreak.storedBlock(number), graphemeBreak.storedBlock(number))
            // A block with a marked code point is its own.
            let markedHere = markedBlocks[number]
            let key = markedHere != nil
                ? UInt64(1) << 63 | UInt64(number)
                : UInt64(parts.0) << 40 | UInt64(parts.1) << 20 | UInt64(parts.2)
            if let existing = known[key] {
                index.append(existing)
                continue
            }
            let stored = UInt16(blocks.count >> shift)
            known[key] = stored
            index.append(stored)
            for offset in 0..<size {
                blocks.append(Self.pack(
                    width: width.value(inStoredBlock: parts.0, at: offset),
                    lineBreak: lineBreak.value(inStoredBlock: parts.1, at: offset),
                    grapheme: graphemeBreak.value(inStoredBlock: parts.2, at: offset)))
            }
            for codePoint in markedHere ?? [] {
                blocks[Int(stored) << shift | Int(codePoint) & (size - 1)] |= Self.marked
            }
        }
        func value(_ codePoint: Int) -> UInt16 { blocks[Int(index[codePoint >> shift]) << shift | codePoint & (size - 1)] }
        let first = Int(Self.firstIdeograph)
        let shared = value(first)
        let allSame = (first..<first + Int(Self.ideographCount)).allSatisfy { value($0) == shared }
        ideograph = shared
        ideographSpan = allSame ? Self.ideographCount : 0
        self.index = permanentCopy(of: index)
        self.blocks = permanentCopy(of: blocks)
    }

    /// The packed properties of `codePoint` (at most U+10FFFF, as any `Unicode.Scalar`).
    @inline(__always)
    subscript(codePoint: UInt32) -> UInt16 {
        if codePoint &- Self.firstIdeograph < ideographSpan { return ideograph }
        let block = Int(index[Int(codePoint >> UInt32(CodePointTable.blockShift))])
        return blocks[block << CodePointTable.blockShift | Int(codePoint & UInt32(CodePointTable.blockSize - 1))]
    }

    /// The packed form of one code point's three values.
    static func pack(width: UInt8, lineBreak: UInt8, grapheme: UInt8) -> UInt16 {
        UInt16(width & 0x07) << 12 | UInt16(grapheme & 0x0F) << 8 | UInt16(lineBreak)
    }

    /// The packed line-break value (class and flags, as `UnicodeTables.lineBreak`).
    @inline(__always)
    static func lineBreak(_ properties: UInt16) -> UInt8 { UInt8(truncatingIfNeeded: properties) }

    /// The `GraphemeBreakClass` raw value.
    @inline(__always)
    static func grapheme(_ properties: UInt16) -> UInt8 { UInt8(truncatingIfNeeded: properties >> 8) & 0x0F }

    /// The columns a scalar takes when wrapping: its width, 0 for a non-printable one
    /// (as `max(0, DisplayWidth.of(_:ambiguousWide:))`).
    @inline(__always)
    static func columns(_ properties: UInt16, ambiguousWide: Bool) -> UInt8 {
        let code = UInt8(truncatingIfNeeded: properties >> 12) & 0x07
        if code == UnicodeTableData.widthAmbiguous { return ambiguousWide ? 2 : 1 }
        return code == 0 ? 0 : code - 1
    }
}
