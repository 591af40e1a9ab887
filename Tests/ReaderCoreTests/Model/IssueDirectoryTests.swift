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

    @Test func precedesIsLexicographicOrder() async {
        let name = Gen.int(in: 0...255).array(of: 0...6)
        await propertyCheck(count: 500, input: name, name) { first, second in
            let bytes = (first.map(UInt8.init), second.map(UInt8.init))
            #expect(IssueDirectory.precedes(bytes.0, bytes.1) == bytes.0.lexicographicallyPrecedes(bytes.1))
        }
    }
}
