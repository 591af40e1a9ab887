import PropertyBased
import Testing
@testable import ReaderCore

/// Long texts are analysed in two halves at once (`LineBreaker.splitPoint`): the halves
/// must give exactly what one pass over the whole text gives.
@Suite struct SplitAnalysisTests {
    /// News-like material with the awkward cases around it, and ideographs often enough
    /// that two of them meet near the middle (where the text can be split).
    static let pieces: [String] = [
        "中", "国", "新", "闻", "中国", "新闻", "a", "word", "7", "2025", "24.6", "%", "$",
        "，", "。", "、", "：", "！", "“", "”", "‘", "’", "（", "）", "《", "》", "·", "—", "2—3",
        ",", ".", "(", ")", "-", "/", "'", " ", "\u{3000}", "\n", "\r\n", "\t",
        "😀", "👩‍💻", "👍🏽", "🇨🇳", "e\u{301}", "\u{301}", "\u{200D}", "\u{200B}", "\u{2060}", "한",
        "https://service.most.gov.cn/", "name@example.com",
    ]

    static let texts = Gen.int(in: 0..<pieces.count).array(of: 0...200).map { $0.map { pieces[$0] }.joined() }

    @Test func halvesGiveWhatTheWholeGives() async {
        await propertyCheck(count: 500, input: Self.texts) { text in
            let scalars = Array(text.unicodeScalars)
            for tailoring in [LineBreaker.Tailoring.chinese, .uax14] {
                #expect(LineBreaker.actions(scalars, tailoring: tailoring, splitting: 2)
                        == LineBreaker.actions(scalars, tailoring: tailoring, splitting: Int.max),
                        "\(scalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func splitsBetweenTwoIdeographsNearTheMiddle() {
        let scalars = Array(String(repeating: "中文，测试。", count: 100).unicodeScalars)
        let split = scalars.withUnsafeBufferPointer { LineBreaker.splitPoint($0) }
        #expect(split == 301)
        #expect(Array("abc,. ".unicodeScalars).withUnsafeBufferPointer { LineBreaker.splitPoint($0) } == nil)
    }
}
