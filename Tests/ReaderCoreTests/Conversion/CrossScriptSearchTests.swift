import ReaderCore
import Testing

/// A query in either script finds the text in either, in the article, across the issue
/// and across an archive; each place counts once; the shown characters are highlighted.
@Suite struct CrossScriptSearchTests {
    static let mixed = "## 重慶新聞\n\n重庆发展很快。重慶發展也很快。\n\n### 头发\n\n頭髮与头发。\n"

    @Test func foldingMakesTraditionalSimplified() {
        #expect(SearchFolding.fold("發展重慶乾淨幹部頭髮以後") == Array("发展重庆干净干部头发以后".unicodeScalars))
        // Simplified characters, and characters both scripts share, stay as they are.
        #expect(SearchFolding.fold("发展重庆皇后") == Array("发展重庆皇后".unicodeScalars))
    }

    @Test(arguments: [("重慶", 3), ("重庆", 3), ("发展", 2), ("發展", 2), ("头发", 3), ("頭髮", 3), ("很快", 2)])
    func eitherScriptFindsBoth(query: String, count: Int) {
        let document = Document(text: Self.mixed)
        let article = document.articles[0]
        #expect(ArticleSearch.matches(of: query, in: article, document: document).count == count)
        // The list's count (the search index) agrees.
        #expect(ListFilter(query: query, document: document).hits == [ListFilter.Hit(article: 0, count: count)])
    }

    @Test func matchesInAConvertedArticleHighlightTheShownCharacters() throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2t))
        let document = Document(text: Self.mixed).withConversion(conversion)
        let layout = ArticleLayout(article: document.articles[0], in: document, width: 40, style: .screen)
        let matches = ArticleSearch.matches(of: "重庆", in: layout)
        #expect(matches.map { layout.texts[$0.text].string($0.scalars) } == ["重慶", "重慶", "重慶"])
        #expect(matches.map(\.start) == [3, 17, 38])
        let hair = ArticleSearch.matches(of: "头发", in: layout)
        #expect(hair.map { layout.texts[$0.text].string($0.scalars) } == ["頭髮", "頭髮", "頭髮"])
    }

    @Test func lengthChangingConversionHighlightsThePhraseThatCameFromTheMatch() throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2twp))
        let document = Document(text: "## T\n\n我用U盘和互联网买方便面。\n").withConversion(conversion)
        let layout = ArticleLayout(article: document.articles[0], in: document, width: 40, style: .screen)
        let matches = ArticleSearch.matches(of: "互联网", in: layout)
        #expect(matches.count == 1)
        #expect(matches.map { layout.texts[$0.text].string($0.scalars) } == ["網際網路"])
        #expect(ArticleSearch.matches(of: "方便面", in: layout).map { layout.texts[$0.text].string($0.scalars) }
            == ["泡麵"])
    }

    /// The seed converted to Traditional by OpenCC and the seed itself: the same query in
    /// either script finds the same places in both.
    @Test func theSeedInTraditionalHasTheSameHits() throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2t))
        let lines = String(decoding: Fixtures.seedBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let traditional = Document(
            text: lines.map { conversion.convert(String($0)) }.joined(separator: "\n"), name: "t.txt")
        let original = Fixtures.seed
        for query in ["重庆", "重慶", "空天信息", "发展", "發展", "产业"] {
            let inOriginal = ListFilter(query: query, document: original).hits
            #expect(ListFilter(query: query, document: traditional).hits == inOriginal, "\(query)")
            #expect(!inOriginal.isEmpty, "\(query)")
        }
        #expect(ListFilter(query: "重慶", document: traditional).hits.map(\.count).reduce(0, +) == 59)
        // Across an archive of both, each issue's hits once.
        let archive = ArchiveFilter(query: "發展", documents: [original, traditional])
        #expect(archive.hits.filter { $0.issue == 0 }.map(\.count) == archive.hits.filter { $0.issue == 1 }.map(\.count))
        #expect(archive.hits.count == 2 * ListFilter(query: "发展", document: original).hits.count)
    }
}
