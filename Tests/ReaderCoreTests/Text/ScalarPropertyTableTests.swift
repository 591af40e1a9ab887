@testable import ReaderCore
import Testing

/// The packed table the layout reads must give, for every code point, exactly what the
/// three tables it is built from give.
@Suite struct ScalarPropertyTableTests {
    @Test func agreesWithTheSeparateTablesEverywhere() {
        let properties = ScalarPropertyTable.layout
        let marked = Set(ChineseTailoring.examinedCodePoints)
        var mismatches: [UInt32] = []
        for codePoint in UInt32(0)..<UInt32(CodePointTable.codePointCount) {
            let packed = properties[codePoint]
            let expected = ScalarPropertyTable.pack(
                width: UnicodeTables.width[codePoint], lineBreak: UnicodeTables.lineBreak[codePoint],
                grapheme: UnicodeTables.graphemeBreak[codePoint])
            let isMarked = packed & ScalarPropertyTable.marked != 0
            if packed & ~ScalarPropertyTable.marked != expected || isMarked != marked.contains(codePoint) {
                mismatches.append(codePoint)
                if mismatches.count > 10 { break }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.map { String($0, radix: 16) })")
    }

    @Test func columnsAreTheWrappersWidths() {
        for scalar in ["a", "中", "\u{301}", "\u{7}", "\u{A1}", "…", "\u{1F600}"] as [Unicode.Scalar] {
            for ambiguousWide in [false, true] {
                let columns = ScalarPropertyTable.columns(ScalarPropertyTable.layout[scalar.value], ambiguousWide: ambiguousWide)
                #expect(Int(columns) == max(0, DisplayWidth.of(scalar, ambiguousWide: ambiguousWide)))
            }
        }
    }

    /// The shortcuts for U+4E00…U+9FFF (`ScalarPropertyTable`'s subscript, `SafeText`)
    /// hold: every one of them is printable, two columns wide, and a plain ideograph.
    @Test func unifiedIdeographsAreAllAlike() {
        let first = ScalarPropertyTable.firstIdeograph
        for codePoint in first..<(first + ScalarPropertyTable.ideographCount) {
            guard let scalar = Unicode.Scalar(codePoint) else { continue }
            #expect(DisplayWidth.of(scalar, ambiguousWide: false) == 2, "U+\(String(codePoint, radix: 16))")
            #expect(UnicodeTables.lineBreak[codePoint] & 0x3F == LineBreakClass.id.rawValue)
            #expect(UnicodeTables.graphemeBreak[codePoint] == GraphemeBreakClass.other.rawValue)
        }
    }
}
