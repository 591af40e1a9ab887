import ReaderCore
@testable import ReaderSources
import Testing

/// HTML pages and Markdown files: headings, blocks, lists, tables, links, encodings, exactly.
@Suite struct PageConversionTests {
    @Test func htmlPageStructure() throws {
        let result = try SourceFixture.outlined("page.html")
        #expect(result.name == "Evening & News")
        #expect(result.outline == [
            "## Evening & News",
            "¶ Before the first heading.",
            "## First story",
            "¶ A paragraph with a link[1], emphasis and an entity: café <tag> 中文.",
            "¶ Line one",
            "¶ Line two",
            "### Details",
            "¶ • First point",
            "¶ • Second point",
            "¶ 1. One",
            "¶ 2. Two",
            "¶ > Quoted words.",
            "¶ City | Rain",
            "¶ 重庆 | 12 mm",
            "¶ [A chart of rain]",
            "¶ ## not a heading",
            "¶ [1] https://example.com/more",
            "## Second story",
            "¶ Self link https://example.com/ and anchor.",
            "### Sub",
            "¶ 中文段落换行不加空格。",
        ])
    }

    /// A paragraph that reads `## …` is written after a space: a paragraph for the parser,
    /// its text unchanged (the space is trimmed), so search finds it as it is.
    @Test func paragraphStartingWithHashesIsNotAHeading() throws {
        let text = String(decoding: try SourceFixture.converted("page.html").text, as: UTF8.self)
        #expect(text.contains("\n\n ## not a heading\n\n"))
    }

    /// Scripts, styles and noscript are dropped; control bytes (not HTML characters) are U+FFFD.
    @Test func hostileHTMLKeepsNoMarkupOrControls() throws {
        let source = try SourceFixture.converted("hostile.html")
        #expect(!source.text.contains(0x1B) && !source.text.contains(0x07))
        #expect(source.name == "Hostile\u{FFFD}[2J")
        #expect(outline(Document(source: source.text, name: "hostile.html", repair: false)) == [
            "## Title \u{FFFD}[31mred", "¶ Text \u{FFFD}]0;owned\u{FFFD} end.",
        ])
    }

    @Test func big5PageIsDecoded() throws {
        let result = try SourceFixture.outlined("big5.html")
        #expect(result.name == "香港新聞")
        #expect(result.outline == ["## 立法會通過議案", "¶ 香港特別行政區立法會今日通過議案。", "¶ 港字：㗎嘅"])
    }

    /// `<meta http-equiv … charset=Shift_JIS>`, read as Windows-31J (0x8160 is U+FF5E).
    @Test func shiftJISPageIsDecoded() throws {
        let result = try SourceFixture.outlined("shift-jis.html")
        #expect(result.name == "日本のニュース")
        #expect(result.outline == ["## 東京で初雪", "¶ 気象庁は６日、東京都心で初雪を観測したと発表した。", "¶ ①～②"])
    }

    @Test func markdownHeadingsBecomeArticlesAndSections() throws {
        let result = try SourceFixture.outlined("notes.md")
        #expect(result.name == nil)
        #expect(result.outline == [
            "## Week notes",
            "¶ Intro paragraph with emphasis and a link[1].",
            "¶ [1] https://example.com/notes",
            "## Second article",
            "¶ Text of the second article.",
            "### A section",
            "¶ • item one",
            "¶ • item two",
            "¶ > a quote",
            "¶ ## escaped hashes stay text",
            "¶ code block line",
        ])
    }

    @Test func detectionByExtension() {
        let none: [UInt8] = []
        #expect(["a.html", "a.HTM", "a.xhtml", "a.md", "a.markdown", "a.rss", "a.atom", "a.txt", "a", "a.xml"]
            .map { SourceFormat.detect(name: $0, start: none) }
            == [.html, .html, .html, .markdown, .markdown, .xmlFeed, .xmlFeed, .text, .text, .text])
    }

    /// The suffix is the last non-empty dot-separated part of two or more, as splitting at
    /// dots gives it, for ASCII names (read as bytes) and others (lowercased whole).
    @Test func suffixesAreTheLastOfTwoOrMoreParts() {
        let names = ["a.TXT", "a.b.Md", ".txt", "a.", "a", "..", "", "a..md..", "..a.html", "新闻.HTML", "a.MAR\u{212A}DOWN", "x.\u{130}"]
        #expect(names.map(SourceFormat.suffix(of:)) == ["txt", "md", nil, nil, nil, nil, nil, "md", "html", "html", "markdown", "i\u{307}"])
        for name in names where name.utf8.allSatisfy({ $0 < 0x80 }) {
            let parts = name.lowercased().split(separator: ".")
            #expect(SourceFormat.suffix(of: name) == (parts.count > 1 ? parts.last.map(String.init) : nil))
        }
        #expect(SourceFormat.detect(name: "a.MAR\u{212A}DOWN", start: []) == .markdown)
    }

    @Test func detectionByContent() {
        let starts = [
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", "  <feed xmlns=\"http://www.w3.org/2005/Atom\">",
            "<!DOCTYPE html><p>", "<HTML>", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
            "{\"other\": 1}", "## 标题\n\n正文", "<?xml version=\"1.0\"?><note/>",
        ]
        #expect(starts.map { SourceFormat.detect(name: "stdin", start: Array($0.utf8)) }
            == [.xmlFeed, .xmlFeed, .html, .html, .jsonFeed, .text, .text, .text])
        // A text file that starts like a feed is still text: the extension decides.
        #expect(SourceFormat.detect(name: "issue.txt", start: Array("<rss>".utf8)) == .text)
    }

    @Test func utf16FeedWithoutExtensionIsSniffed() {
        let bytes = Fixtures.bytes(SourceFixture.path("utf-16.atom"))
        #expect(SourceFormat.detect(name: "stdin", start: bytes.prefix(1024)) == .xmlFeed)
    }
}
