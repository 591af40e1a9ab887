import Testing
@testable import ReaderCore

/// A paragraph that is one huge line is written by `--dump` window by window
/// (`WindowedWrap`): the bytes must be exactly those of the whole paragraph's layout.
@Suite struct WindowedWrapTests {
    /// The dump of `document`'s articles by a `DumpWriter` with windows of `windowBound` bytes.
    static func dump(_ document: Document, width: Int, ambiguousWide: Bool = false, windowBound: Int) -> [UInt8] {
        var writer = DumpWriter(width: width, style: .dump, ambiguousWide: ambiguousWide, windowBound: windowBound)
        var output: [UInt8] = []
        document.source.withUnsafeBufferPointer { source in
            for (index, article) in document.articles.enumerated() {
                if index > 0 { output.append(0x0A) }
                writer.write(article, source: source, to: &output)
            }
        }
        return output
    }

    /// The pieces paragraphs are made of: CJK, Latin, long URLs, numbers, kinsoku
    /// punctuation, quotes, spaces, clusters, controls.
    static let pieces: [String] = [
        "中文报纸的段落", "经济", "发展，", "。", "、", "“引号”", "（括号）", "《书名》", "——", "……",
        "The quick brown fox ", "jumps", " over ", "lazy-dog ", "--color ", "don’t ",
        "https://example.com/a/very/long/path/that/goes/on/and/on?query=1&b=2#frag",
        "http://www.example.org/x.", "mail@example.com", "www.example.net/index.html)",
        "3.14159", "2—3年", "1,234,567", "100%", "$20", "12:30", "2026年12月7日",
        " ", "  ", "\u{3000}", "\"好\"", "他说\"对\"。", "e\u{301}", "👍🏽", "🇨🇳🇺🇸", "\u{1B}", "·",
        "한국어 단어", "ー", "ぁ", "！？", "：；", "x",
    ]

    /// A paragraph of `count` of `pieces` chosen by a fixed generator (the same every run).
    static func paragraph(seed: UInt64, count: Int, of pieces: [String] = pieces) -> String {
        var state = seed
        var text = ""
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        return text
    }

    @Test(arguments: [1, 2, 3, 7, 13, 20, 40, 80])
    func windowsGiveTheWholeParagraphsLines(width: Int) {
        for seed in UInt64(1)...12 {
            let text = "## 标题\n\n" + Self.paragraph(seed: seed, count: 40 + Int(seed) * 25) + "\n\n短段落。\n"
            let document = Document(source: Array(text.utf8), name: "test")
            for ambiguousWide in [false, true] {
                let whole = Self.dump(document, width: width, ambiguousWide: ambiguousWide, windowBound: .max)
                for bound in [16, 64, 200] {
                    #expect(Self.dump(document, width: width, ambiguousWide: ambiguousWide, windowBound: bound) == whole,
                            "seed \(seed), bound \(bound), ambiguousWide \(ambiguousWide)")
                }
            }
        }
    }

    /// Text without ideographs has no restart point: the windows grow, the lines stay.
    @Test func latinTextGivesTheSameLines() {
        let text = "## T\n\n" + String(repeating: "word https://example.com/long/path 3.14 ", count: 30) + "\n"
        let document = Document(source: Array(text.utf8), name: "test")
        for width in [5, 20, 80] {
            #expect(Self.dump(document, width: width, windowBound: 64) == Self.dump(document, width: width, windowBound: .max))
        }
    }

    @Test func exactOutputOfAWindowedParagraph() {
        let text = "## 标题\n\n" + String(repeating: "中文报纸，“引号”。", count: 4) + "https://example.com/a/b 2—3年。\n"
        let document = Document(source: Array(text.utf8), name: "test")
        let dump = String(decoding: Self.dump(document, width: 20, windowBound: 16), as: UTF8.self)
        #expect(dump.split(separator: "\n", omittingEmptySubsequences: false) == [
            "## 标题",
            "",
            "  中文报纸，“引号”。",
            "中文报纸，“引号”。中",
            "文报纸，“引号”。中文",
            "报纸，“引号”。",
            "https://example.com/",
            "a/b 2—3年。",
            "",
        ])
    }

    /// Chinese text has restart points everywhere: no window holds much more than its
    /// bound and the context before it, however long the paragraph.
    @Test func windowsOfChineseTextStaySmall() {
        let text = Array(Self.paragraph(seed: 99, count: 3000).utf8)
        let wrapper = Wrapper(width: 30)
        let whole: [String] = text.withUnsafeBufferPointer { source in
            let scalars = DisplayText.joining(lines: CollectionOfOne(0..<source.count), in: source).scalars
            return wrapper.wrap(scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        var lines: [String] = []
        var largest = 0
        var scratch = WrapScratch()
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        text.withUnsafeBufferPointer { source in
            WindowedWrap(wrapper: wrapper, bound: 64).wrap(
                line: 0..<source.count, in: source, firstIndent: 0, indent: 0, scratch: &scratch, scalars: &scalars,
                offsets: &offsets
            ) { window, ranges in
                largest = max(largest, window.count)
                lines += ranges.map { String(String.UnicodeScalarView(window[$0])) }
            }
        }
        #expect(lines == whole)
        #expect(text.count > 20_000)
        #expect(largest <= 2048)
    }

    /// A paragraph over the default bound goes through `DocumentDump` in windows, its
    /// output written as it grows: the same bytes as the whole paragraph's layout.
    @Test func documentDumpOfAParagraphOverTheBound() {
        let body = Self.paragraph(seed: 7, count: 120_000)
        let document = Document(source: Array(("## 标题\n\n" + body + "\n\n## 二\n\n尾。\n").utf8), name: "test")
        #expect(body.utf8.count > WindowedWrap.defaultBound)
        var output: [UInt8] = []
        DocumentDump.writeBytes(document, width: 40) { output += $0 }
        #expect(output == Self.dump(document, width: 40, windowBound: .max))
    }

    /// The seed's paragraphs run together on one line past the bound (as
    /// `Scripts/make-huge-corpus.py` makes its 200 MB line): real text, several widths.
    @Test(arguments: [7, 33])
    func seedTextOnOneLineOverTheBound(width: Int) {
        let seed = String(decoding: Fixtures.seedBytes, as: UTF8.self)
        let body = seed.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined()
        let line = String(repeating: body, count: WindowedWrap.defaultBound / max(1, body.utf8.count) + 1)
        let document = Document(source: Array(("## 标题\n\n" + line + "\n").utf8), name: "test")
        #expect(line.utf8.count > WindowedWrap.defaultBound)
        #expect(Self.dump(document, width: width, windowBound: WindowedWrap.defaultBound)
                == Self.dump(document, width: width, windowBound: .max))
    }
}
