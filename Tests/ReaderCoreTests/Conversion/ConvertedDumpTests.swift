import ReaderCore
import Testing

/// `--dump --convert s2t` of the seed: laid out by the same rules as the source.
@Suite struct ConvertedDumpTests {
    static let noStart: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’"]
    static let noEnd: Set<Character> = ["（", "《", "「", "『", "“", "‘"]

    @Test(arguments: [20, 33, 40, 80])
    func seedInTraditionalKeepsTheLineRules(width: Int) throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2t))
        let document = Fixtures.seed.withConversion(conversion)
        let dump = DocumentDump.render(document, width: width)
        let lines = dump.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (number, line) in lines.enumerated() {
            #expect(TextWidth.of(line) <= width, "line \(number) is over \(width): \(line)")
            let text = line.drop { $0 == " " }
            if let first = text.first, !line.hasPrefix("## "), !line.hasPrefix("### ") {
                #expect(!Self.noStart.contains(first), "line \(number) starts with \(first)")
            }
            if let last = line.last { #expect(!Self.noEnd.contains(last), "line \(number) ends with \(last)") }
        }
        // The text is the converted text: the first lines at width 40.
        if width == 40 {
            #expect(Array(lines.prefix(4)) == [
                "## 重慶計劃3年內建成公共領域車輛全面電動",
                "   化試點城市 到2025年將建成充電樁超24萬",
                "   個",
                "",
            ])
        }
    }

    /// The dump and the screen's layout give the same converted lines.
    @Test func dumpAndLayoutAgree() throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2twp))
        let document = Fixtures.seed.withConversion(conversion)
        var laidOut: [UInt8] = []
        for index in document.articles.indices {
            if index > 0 { laidOut.append(0x0A) }
            ArticleLayout(article: document.articles[index], in: document, width: 36, style: .dump)
                .appendText(to: &laidOut)
        }
        #expect(DocumentDump.render(document, width: 36) == String(decoding: laidOut, as: UTF8.self))
    }
}
