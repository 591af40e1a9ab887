import ReaderSources
import Testing

/// Each feed item's identity and article range, as the store keys it.
@Suite struct ConvertedItemTests {
    func converted(_ name: String) throws -> ConvertedSource {
        let bytes = FeedFixture.bytes(name)
        return try SourceConverter.convert(bytes, format: SourceFormat.detect(name: name, start: bytes.prefix(1024)))
    }

    /// Each item's key, date and the first line of its article.
    func summary(_ source: ConvertedSource) -> [String] {
        source.items.map { item in
            let article = String(decoding: source.text[item.textRange], as: UTF8.self)
            return "\(item.key) | \(item.published) | \(article.split(separator: "\n").first ?? "")"
        }
    }

    @Test func rssItemsWithoutGUIDAreKeyedByLinkAndTitle() throws {
        let source = try converted("news.rss")
        #expect(summary(source) == [
            "https://example.com/a/1\n重庆计划3年内建成试点城市 | Sun, 06 Dec 2026 08:00:00 +0800 | ## 重庆计划3年内建成试点城市",
            "https://example.com/a/2\nSecond item |  | ## Second item",
        ])
        // The items' articles are the whole text, in order.
        #expect(source.items.first?.textRange.lowerBound == 0)
        #expect(source.items.last?.textRange.upperBound == source.text.count)
        #expect(zip(source.items, source.items.dropFirst()).allSatisfy { $0.textRange.upperBound == $1.textRange.lowerBound })
    }

    @Test func rdfAboutAndJSONIDAreKeys() throws {
        #expect(try converted("news.rdf").items.map(\.key) == ["https://example.com/r/1"])
        #expect(try converted("news.json").items.map(\.key) == ["1", "2"])
    }

    @Test func aNumericJSONIDIsAKeyNotAFailure() throws {
        let json = #"{"version": "https://jsonfeed.org/version/1", "title": "T", "items": [{"id": 42, "title": "A", "content_text": "x"}]}"#
        let source = try SourceConverter.convert(Array(json.utf8), format: .jsonFeed)
        #expect(source.items.map(\.key) == ["42"])
    }
}

extension ConvertedItemTests {
    @Test func atomEntriesWithoutIDAreKeyedByLinkAndTitle() throws {
        #expect(try converted("news.atom").items.map(\.key).prefix(2) == [
            "https://example.com/e/1\nHTML entry", "https://example.com/e/2\nXHTML entry",
        ])
    }
}
