import PropertyBased
import Testing
@testable import ReaderCore

/// `SearchPrefilter` never rules out an issue the plain search finds the query in, and
/// does rule out issues that lack it.
@Suite struct SearchPrefilterTests {
    /// Queries made of the awkward pieces: case, full-width forms, Traditional characters,
    /// caret letters, spaces, U+FFFD, placeholder words.
    static let queryPieces = [
        "中", "文", "重庆", "重慶", "记者", "a", "A", "Ａ", "z", "ｚ", "1", "１", "^", "[", "?", "b", "word", "E",
        " ", "\u{FFFD}", "untitled", "(front", "，", "。", "发", "髮", "ß", "ä", "\u{1E01}", "한", "\u{2005E}",
    ]

    private func mayMatch(_ query: String, _ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { SearchPrefilter(needle: SearchFolding.fold(query)).mayMatch($0) }
    }

    @Test func examples() {
        #expect(!mayMatch("鲲鹏", Array("## 重庆\n\n正文\n".utf8)))
        #expect(mayMatch("鲲鹏", Array("## 重庆\n\n鯤\n鵬\n".utf8)))  // Traditional, and across a line end
        #expect(mayMatch("zephyrine", Array("## ZEPHYRINE\n".utf8)))
        #expect(mayMatch("zephyrine", Array("## Ｚｅｐｈｙｒｉｎｅ\n".utf8)))
        #expect(!mayMatch("zephyrine", Array("## zephyr ine\n".utf8)))
        #expect(mayMatch("4711093", Array("## 4711093\n".utf8)))
        #expect(!mayMatch("4711093", Array("## 47 11093\n".utf8)))
        // `^[x` comes from ESC and `x`; `(untitled)` from an empty heading.
        #expect(mayMatch("[x", Array("## T\n\n\u{1B}x\n".utf8)))
        #expect(mayMatch("titled", Array("## \n".utf8)))
    }

    @Test func neverRulesOutAnIssueWithHits() async {
        await propertyCheck(
            count: 1500, input: RandomIssue.bytes, Gen.int(in: 0..<Self.queryPieces.count).array(of: 1...3), Gen.bool
        ) { bytes, picks, repair in
            let query = picks.map { Self.queryPieces[$0] }.joined()
            let document = Document(source: bytes, name: "-", repair: repair)
            if !document.articleHits(of: SearchFolding.fold(query)).isEmpty {
                #expect(mayMatch(query, bytes), "\(bytes) \(query)")
            }
        }
    }
}
