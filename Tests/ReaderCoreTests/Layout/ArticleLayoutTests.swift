import Testing
@testable import ReaderCore

@Suite struct ArticleLayoutTests {
    /// Every line starts at a later source offset than the one before, so that a scroll
    /// position (a source offset) names exactly one line — also for placeholder titles,
    /// which have no text of their own in the source.
    @Test func lineOffsetsStrictlyIncreaseEvenWithPlaceholderTitles() {
        let document = Document(text: "## \n\n正文第一段落很长很长很长。\n\n###\n\n段落二也很长很长很长。\n")
        for width in [8, 10, 18, 40] {
            let layout = ArticleLayout(article: document.articles[0], in: document, width: width, style: .screen)
            let offsets = layout.lines.map(\.offset)
            #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 < $1 }, "width \(width): \(offsets)")
        }
    }

    @Test func placeholderTitlesAreCutNotWrapped() {
        let document = Document(text: "## \n\n###\n")
        let layout = ArticleLayout(article: document.articles[0], in: document, width: 12, style: .screen)
        #expect(layout.lines.indices.map(layout.string(at:)) == ["(untitled)", "", "(untitled s…"])
    }
}

/// Inputs the fuzzer found that once broke the width guarantee; each is pinned here.
@Suite struct FuzzRegressionTests {
    /// A heading marker that leaves no room for a wide character is dropped, not overflowed.
    @Test func markerWiderThanTheRoomIsDropped() {
        #expect(DocumentDump.render(Document(text: "## 甲\n### 节\n"), width: 5) == "## 甲\n\n节\n")
    }

    /// A space that overflows the line ends it: nothing may follow it on the same line.
    @Test func overflowingIdeographicSpaceEndsTheLine() {
        let dump = DocumentDump.render(Document(text: "## 甲\n\n域也是如此\u{3000}\u{FFFD}\n"), width: 11)
        #expect(dump == "## 甲\n\n  域也是如\n此\u{3000}\u{FFFD}\n")
        #expect(dump.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 11 })
    }
}

/// The first-line indent on screen: two ideographs for a Chinese or Japanese paragraph,
/// two columns for others; the `indent` setting makes it one width for all.
@Suite struct ParagraphIndentTests {
    static let document = Document(text: "## T\n\n\u{3000}\u{3000}中文段落。\n\n2023年，数字开头。\n\nLatin text.\n\nかなの段落。\n")

    static func lines(_ style: LayoutStyle) -> [String] {
        let layout = ArticleLayout(article: document.articles[0], in: document, width: 30, style: style)
        return layout.lines.indices.map(layout.string(at:))
    }

    @Test func chineseAndJapaneseParagraphsGetTwoIdeographs() {
        #expect(Self.lines(.screen) == ["T", "", "    中文段落。", "", "    2023年，数字开头。", "", "  Latin text.", "", "    かなの段落。"])
    }

    @Test func aSetIndentAppliesToEveryParagraph() {
        #expect(Self.lines(.screen(indent: .columns(2))) == ["T", "", "  中文段落。", "", "  2023年，数字开头。", "", "  Latin text.", "", "  かなの段落。"])
        #expect(Self.lines(.screen(indent: .columns(0))) == ["T", "", "中文段落。", "", "2023年，数字开头。", "", "Latin text.", "", "かなの段落。"])
    }

    @Test func theDumpKeepsTwoColumns() {
        #expect(Self.lines(.dump) == ["## T", "", "  中文段落。", "", "  2023年，数字开头。", "", "  Latin text.", "", "  かなの段落。"])
    }
}
