import ReaderCore
import ReaderSources
import Testing

/// A source fixture (Tests/Fixtures) converted and parsed, for exact comparison.
enum SourceFixture {
    static func path(_ name: String) -> String { Fixtures.packageRoot + "/Tests/Fixtures/" + name }

    /// The fixture converted by the format its name and bytes show.
    static func converted(_ name: String) throws -> ConvertedSource {
        let bytes = Fixtures.bytes(path(name))
        return try SourceConverter.convert(bytes, format: SourceFormat.detect(name: name, start: bytes.prefix(1024)))
    }

    /// The issue name and the outline (`outline`) of the fixture as the reader parses it.
    static func outlined(_ name: String) throws -> (name: String?, outline: [String]) {
        let source = try converted(name)
        return (source.name, outline(Document(source: source.text, name: name, repair: false)))
    }

    /// The one-line failure converting the fixture gives, or nil.
    static func failure(_ name: String) -> String? {
        failure(Fixtures.bytes(path(name)), format: SourceFormat.detect(name: name, start: []))
    }

    /// The one-line failure converting `bytes` gives, or nil.
    static func failure(_ bytes: [UInt8], format: SourceFormat) -> String? {
        do {
            _ = try SourceConverter.convert(bytes, format: format)
            return nil
        } catch let failure as SourceConverter.Failure {
            return failure.message
        } catch {
            return "\(error)"
        }
    }
}

/// RSS 2.0, RSS 1.0, Atom and JSON Feed files: items as articles, exactly.
@Suite struct FeedConversionTests {
    @Test func rss2ItemsBecomeArticles() throws {
        let result = try SourceFixture.outlined("news.rss")
        #expect(result.name == "重庆日报 & Friends")
        #expect(result.outline == [
            "## 重庆计划3年内建成试点城市",
            "¶ Sun, 06 Dec 2026 08:00:00 +0800 · 夏元",
            "¶ 本报讯 11月20日，记者从市经信委[1]获悉。",
            "### 充电桩",
            "¶ 计划到2025年建成充电桩超过24万个。",
            "¶ ## not a heading",
            "¶ https://example.com/a/1",
            "¶ [1] https://example.com/jxw",
            "## Second item",
            "¶ Escaped HTML body & more.",
            "¶ https://example.com/a/2",
        ])
    }

    @Test func rss1RDFItemsBecomeArticles() throws {
        let result = try SourceFixture.outlined("news.rdf")
        #expect(result.name == "RDF Channel")
        #expect(result.outline == [
            "## RDF item one",
            "¶ 2026-12-06T09:00:00+08:00 · Reporter",
            "¶ Plain description.",
            "¶ https://example.com/r/1",
        ])
    }

    @Test func atomEntriesWithHTMLXHTMLAndTextContent() throws {
        let result = try SourceFixture.outlined("news.atom")
        #expect(result.name == "Atom Feed")
        #expect(result.outline == [
            "## HTML entry",
            "¶ 2026-12-06T10:00:00Z · Ann · Bo",
            "¶ First paragraph[1].",
            "### Part",
            "¶ Second.",
            "¶ https://example.com/e/1",
            "¶ [1] https://example.com/x",
            "## XHTML entry",
            "¶ 2026-12-05T10:00:00Z",
            "¶ Inline XHTML.",
            "¶ Two.",
            "¶ https://example.com/e/2",
            "## Summary only",
            "¶ Just text.",
        ])
    }

    @Test func jsonFeedItemsBecomeArticles() throws {
        let result = try SourceFixture.outlined("news.json")
        #expect(result.name == "JSON News")
        #expect(result.outline == [
            "## JSON item",
            "¶ 2026-12-06T11:00:00Z · Cy",
            "¶ HTML body.",
            "¶ 两段。",
            "¶ https://example.com/j/1",
            "## (untitled)",
            "¶ Untitled text item.",
            "¶ Second paragraph.",
        ])
    }

    /// Declared GB2312, read as GB18030 (its superset: 𠮷 is four bytes); the stray 0xFF is U+FFFD.
    @Test func gb18030FeedIsDecoded() throws {
        let result = try SourceFixture.outlined("gb18030.xml")
        #expect(result.name == "人民日报 GB 频道")
        #expect(result.outline == ["## 𠮷野家与“中国”", "¶ 2026-12-06", "¶ 新华社北京12月6日电。\u{FFFD}"])
    }

    @Test func utf16AtomWithByteOrderMarkIsDecoded() throws {
        let result = try SourceFixture.outlined("utf-16.atom")
        #expect(result.name == "UTF-16 新闻")
        #expect(result.outline == ["## 标题一", "¶ 2026-12-06T08:00:00Z · 记者", "¶ 第一段。", "¶ 第二段。"])
    }

    /// A feed cut off mid-item: what libxml2 recovers is read.
    @Test func brokenFeedIsRecovered() throws {
        let result = try SourceFixture.outlined("broken.rss")
        #expect(result.outline == ["## First item", "¶ Whole.", "## Cut item", "¶ Cut off in the mid"])
    }

    @Test func billionLaughsIsRefused() {
        #expect(SourceFixture.failure("billion-laughs.rss")
            == "entities refused (line 15: Detected an entity reference loop)")
    }

    /// `file:` and `http:` external entities are never loaded: they read as nothing.
    @Test func externalEntitiesAreNotResolved() throws {
        let result = try SourceFixture.outlined("external-entity.rss")
        #expect(result.outline == ["## Item []", "¶ Body [] end."])
    }

    /// Entities declared in the feed's own DTD are expanded (each once per reference).
    @Test func internalEntitiesAreExpanded() throws {
        let result = try SourceFixture.outlined("internal-entities.rss")
        #expect(result.name == "E Acme & Co")
        #expect(result.outline == ["## x\u{A0}y Acme & Co", "¶ by &co; and Acme & Co"])
    }

    /// One 100 KB entity referenced 20,000 times (2 GB expanded), which the parser keeps as
    /// references: refused by the converter's budget (ten times the input and 1 MiB).
    @Test func quadraticBlowupIsRefused() {
        let feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + String(repeating: "x", count: 100_000)
            + "\">]><rss version=\"2.0\"><channel><title>Q</title><item><title>t</title><description>"
            + String(repeating: "&a;", count: 20_000) + "</description></item></channel></rss>"
        #expect(SourceFixture.failure(Array(feed.utf8), format: .xmlFeed) == "entity expansion exceeds the limit")
    }

    @Test func notXMLIsOneLineError() {
        let bytes: [UInt8] = Array("not xml at all".utf8)
        #expect(SourceFixture.failure(bytes, format: .xmlFeed) == "not a feed: line 1: Start tag expected, '<' not found")
    }

    @Test func invalidJSONFeedIsOneLineError() {
        let bytes: [UInt8] = Array(#"{"version": "https://jsonfeed.org/version/1.1", "items": 3}"#.utf8)
        #expect(SourceFixture.failure(bytes, format: .jsonFeed)
            == "not a JSON Feed (invalid JSON or a field of the wrong type)")
    }
}
