import PropertyBased
import Testing
@testable import ReaderCore

/// The order of a directory's names: bytes compared as unsigned, a prefix first.
@Suite struct IssueDirectoryTests {
    @Test func namesAreInByteOrder() {
        let names: [[UInt8]] = [Array("b.txt".utf8), Array("a.txt".utf8), Array("a".utf8), [0xE4, 0xB8], [0x7F], Array("a.txt0".utf8)]
        #expect(names.sorted(by: IssueDirectory.precedes) == [
            Array("a".utf8), Array("a.txt".utf8), Array("a.txt0".utf8), Array("b.txt".utf8), [0x7F], [0xE4, 0xB8],
        ])
    }

    /// The listing's sort (by a leading word, then `precedes`) gives the byte order,
    /// names sharing their first sixteen bytes and names shorter than eight included.
    @Test func listingSortIsByteOrder() async {
        let names = Gen.int(in: 0...5).map { [0x61, 0x30, 0xE4, 0xFF, 0x01, 0x2D][$0] }.array(of: 0...20).array(of: 0...40)
        await propertyCheck(count: 200, input: names) { names in
            let bytes = names.map { $0.map(UInt8.init) }
            #expect(IssueDirectory.sorted(bytes) == bytes.sorted(by: IssueDirectory.precedes))
        }
    }

    /// Names alike in their first sixteen bytes (a daily's), or shorter than eight.
    @Test func listingSortBreaksTiesOnTheWholeName() {
        let names = ["01-01-000-p02.txt", "01-01-000-p01.txt0", "01-01-000-p01.txt", "01-01-000-p01.tx", "a", "01-01-000-p1", "01"]
        #expect(IssueDirectory.sorted(names.map { Array($0.utf8) }).map { String(decoding: $0, as: UTF8.self) } == [
            "01", "01-01-000-p01.tx", "01-01-000-p01.txt", "01-01-000-p01.txt0", "01-01-000-p02.txt", "01-01-000-p1", "a",
        ])
    }

    @Test func precedesIsLexicographicOrder() async {
        let name = Gen.int(in: 0...255).array(of: 0...6)
        await propertyCheck(count: 500, input: name, name) { first, second in
            let bytes = (first.map(UInt8.init), second.map(UInt8.init))
            #expect(IssueDirectory.precedes(bytes.0, bytes.1) == bytes.0.lexicographicallyPrecedes(bytes.1))
        }
    }
}
