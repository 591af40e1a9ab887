import Testing
@testable import ReaderCore

/// `--dump` of the seed and of a mixed CJK/Latin paragraph, compared with files in
/// Tests/Golden that were reviewed by eye. After an intended layout change, regenerate
/// them with `reader --dump --width N FILE > Tests/Golden/…` and review the diff.
@Suite struct GoldenDumpTests {
    static let golden = Fixtures.packageRoot + "/Tests/Golden/"

    @Test(arguments: [20, 40, 80])
    func seedDump(width: Int) {
        let expected = Fixtures.text(Self.golden + "seed-width-\(width).txt")
        #expect(!expected.isEmpty)
        #expect(DocumentDump.render(Fixtures.seed, width: width) == expected)
    }

    @Test(arguments: [16, 30])
    func mixedParagraphDump(width: Int) {
        let document = Document(source: Fixtures.bytes(Self.golden + "mixed.txt"), name: "mixed.txt")
        let expected = Fixtures.text(Self.golden + "mixed-width-\(width).txt")
        #expect(!expected.isEmpty)
        #expect(DocumentDump.render(document, width: width) == expected)
    }

    /// The tokens that must never be split, at a width where all of them fit.
    @Test func numbersURLsAndEmailsStayWhole() {
        let document = Document(source: Fixtures.bytes(Self.golden + "mixed.txt"), name: "mixed.txt")
        let lines = DocumentDump.render(document, width: 60).split(separator: "\n").map(String.init)
        #expect(lines == [
            "## 混排测试:数字、网址和邮箱",
            "  到2025年将建成充电桩超24万个,增速24.6%,版本v2.10.3已发布。",
            "详情见https://service.most.gov.cn/guide?id=2024&lang=zh ,或",
            "写信至press-office@example.com.cn 咨询。English words like",
            "internationalization stay whole too.",
        ])
    }

    @Test func everyDumpLineFitsItsWidth() {
        for width in [20, 40, 80] {
            let lines = DocumentDump.render(Fixtures.seed, width: width).split(separator: "\n")
            #expect(lines.allSatisfy { TextWidth.of(String($0)) <= width })
        }
    }
}
