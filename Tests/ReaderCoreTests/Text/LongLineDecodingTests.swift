import PropertyBased
import Testing
@testable import ReaderCore

/// A paragraph that is one line of at least `DisplayText.halvedLineBytes` is decoded in
/// two halves at once; its scalars and offsets are those of decoding it whole, whatever
/// lies at the cut (a multi-byte sequence, invalid UTF-8, a control byte shown as `^X`).
@Suite struct LongLineDecodingTests {
    /// `DisplayText.decode` of `bytes` as one line, and the whole-text decoding to compare.
    static func decodedBothWays(_ bytes: [UInt8]) -> (halves: DisplayText, whole: DisplayText) {
        bytes.withUnsafeBufferPointer { source in
            var scalars: [Unicode.Scalar] = []
            var offsets: [Int] = []
            let count = DisplayText.decode(lines: CollectionOfOne(0..<source.count), in: source,
                                           into: &scalars, offsets: &offsets)
            let halves = DisplayText(scalars: Array(scalars[..<count]), offsets: Array(offsets[..<count]))
            return (halves, DisplayText.joining(lines: CollectionOfOne(0..<source.count), in: source))
        }
    }

    /// A line of `halvedLineBytes` bytes of `filler`, with `middle` at its middle.
    static func line(filler: String, middle: [UInt8]) -> [UInt8] {
        let unit = Array(filler.utf8)
        var bytes: [UInt8] = []
        while bytes.count < DisplayText.halvedLineBytes / 2 { bytes += unit }
        bytes += middle
        while bytes.count < DisplayText.halvedLineBytes + 16 { bytes += unit }
        return bytes
    }

    @Test(arguments: [
        [], Array("中".utf8), [0x1B], [0x09], [0x7F], [0xE4, 0xB8], [0x80], [0xFF], [0xED, 0xA0, 0x80],
        Array("\u{202A}".utf8), Array("😀".utf8), [0xF0, 0x9F], Array("\u{0085}".utf8),
    ] as [[UInt8]])
    func whatLiesAtTheCut(middle: [UInt8]) {
        for filler in ["重庆日报记者", "News a1 ", "中a"] {
            let (halves, whole) = Self.decodedBothWays(Self.line(filler: filler, middle: middle))
            #expect(halves == whole, "filler \(filler), middle \(middle)")
        }
    }

    @Test func randomLongLines() async {
        let pieces = RandomIssue.pieces.filter { !$0.contains(0x0A) && !$0.contains(0x0D) }
        await propertyCheck(count: 12, input: Gen.int(in: 0..<pieces.count).array(of: 1...40)) { picks in
            let unit = picks.flatMap { pieces[$0] }
            var bytes: [UInt8] = []
            while bytes.count < DisplayText.halvedLineBytes + 1 { bytes += unit }
            let (halves, whole) = Self.decodedBothWays(bytes)
            #expect(halves == whole, "unit \(unit)")
        }
    }
}
