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

    /// `find` looks for the last byte first: a pattern at the very start, at the very end,
    /// one byte short, and bytes that share the last byte only.
    @Test func findsPatternsAnywhereInTheBytes() {
        func find(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
            text.withUnsafeBufferPointer { SearchPrefilter.find(pattern, in: $0) }
        }
        let kun = Array("鲲".utf8)
        #expect(find(kun, kun))
        #expect(find(kun, Array("正文鲲".utf8)))
        #expect(find(kun, Array("鲲正文".utf8)))
        #expect(!find(kun, Array("正文".utf8)))
        #expect(!find(kun, Array(kun.dropFirst())))
        #expect(!find(kun, [0xE9, 0xB2, 0xB1, 0xB2]))
        #expect(find(Array("a".utf8), Array("xa".utf8)))
        #expect(!find(Array("ab".utf8), Array("b".utf8)))
        #expect(!find(Array("x".utf8), []))
    }

    /// Any of a few patterns: full-width letters among full-width punctuation (the same
    /// lead byte), a two-byte pattern, and a pattern cut off by the end of the bytes.
    @Test func patternSetsFindAnyOfTheirPatterns() {
        let set = PatternSet(["ｚ", "Ｚ", "ä"].map { Array($0.utf8) })
        func isFound(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { set.isFound(in: $0) }
        }
        #expect(isFound(Array("，，Ｚ，".utf8)))
        #expect(isFound(Array("，ｚ".utf8)))
        #expect(isFound(Array("xä".utf8)))
        #expect(!isFound(Array("，，：（）！ａ".utf8)))
        #expect(!isFound(Array("zZa".utf8)))
        #expect(!isFound([]))
        #expect(!isFound(Array(Array("，ｚ".utf8).dropLast())))
        #expect(!mayMatch("zephyrine", Array("## ，，：（）\n".utf8)))
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
