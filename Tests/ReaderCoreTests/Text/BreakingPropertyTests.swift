import PropertyBased
import Testing
@testable import ReaderCore

/// Random mixtures of the material real Chinese news text is made of, plus the
/// awkward cases: combining marks (also orphaned ones), ZWJ sequences, flags and lone
/// regional indicators, emoji modifiers, Hangul jamo, hard line breaks, links.
private let pieces: [String] = [
    "中", "国", "新", "闻", "a", "Z", "word", "7", "2025", "24.6", "%", "$",
    "，", "。", "、", "：", "！", "“", "”", "‘", "’", "（", "）", "《", "》", "·", "—", "……",
    ",", ".", ";", "(", ")", "-", "/", "\"", "'", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{2028}",
    "😀", "👩‍💻", "👍🏽", "🏽", "🇨🇳", "🇺🇸", "\u{1F1E8}", "e\u{301}", "\u{301}", "\u{200D}", "\u{FE0F}",
    "\u{200B}", "\u{00A0}", "\u{2060}", "한", "\u{1100}", "\u{1161}", "\u{11A8}", "ก", "\u{0E31}",
    "https://service.most.gov.cn/", "www.example.com/path?q=1", "name@example.com",
]

/// Grapheme boundaries as Swift's own `Character` segmentation sees them.
private func swiftBoundaries(_ text: String) -> [Bool] {
    var result = [Bool](repeating: false, count: text.unicodeScalars.count)
    var offset = 0
    for character in text {
        result[offset] = true
        offset += character.unicodeScalars.count
    }
    return result
}

@Suite struct BreakingPropertyTests {
    static let texts = Gen.int(in: 0..<pieces.count).array(of: 0...40).map { $0.map { pieces[$0] }.joined() }

    @Test func graphemeBoundariesAgreeWithSwift() async {
        await propertyCheck(count: 1000, input: Self.texts) { text in
            let scalars = Array(text.unicodeScalars)
            #expect(GraphemeBreaker.boundaries(scalars) == swiftBoundaries(text), "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func chineseBreaksOnlyAtGraphemeBoundaries() async {
        await propertyCheck(count: 1000, input: Self.texts) { text in
            let scalars = Array(text.unicodeScalars)
            let actions = LineBreaker.actions(scalars, tailoring: .chinese)
            let boundaries = GraphemeBreaker.boundaries(scalars)
            #expect(actions.count == scalars.count)
            #expect(actions.first.map { $0 == .prohibited } ?? true)
            for i in actions.indices where actions[i] != .prohibited {
                #expect(boundaries[i], "break inside a cluster at \(i): \(scalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
