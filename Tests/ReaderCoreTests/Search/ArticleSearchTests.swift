import ReaderCore
import Testing

@Suite struct ArticleSearchTests {
    @Test func foldsCaseAndFullWidthForms() {
        #expect(SearchFolding.fold("ＡbＣ２０２５，　x") == Array("abc2025, x".unicodeScalars))
        #expect(SearchFolding.fold("ÉCOLE") == Array("école".unicodeScalars))
        #expect(SearchFolding.fold("重庆") == Array("重庆".unicodeScalars))
    }

    @Test func findsFullWidthDigitsWithHalfWidthQuery() {
        let document = Document(text: "## T\n\n到２０２５年，Ａ计划。2025 a\n")
        let matches = ArticleSearch.matches(of: "2025", in: document.articles[0], document: document)
        #expect(matches.map(\.scalars) == [1..<5, 11..<15])
        let comma = ArticleSearch.matches(of: ",a", in: document.articles[0], document: document)
        #expect(comma.count == 1)
    }

    @Test func searchesTitleHeadingsAndParagraphsInLayoutOrder() {
        let document = Document(text: "## 重庆 A\n\n重庆一\n\n### 重庆节\n\n二重庆三重庆\n")
        let article = document.articles[0]
        let matches = ArticleSearch.matches(of: "重庆", in: article, document: document)
        #expect(matches.map(\.text) == [0, 1, 2, 3, 3])
        let layout = ArticleLayout(article: article, in: document, width: 40, style: .screen)
        for match in matches {
            let text = layout.texts[match.text]
            #expect(text.string(match.scalars) == "重庆")
            #expect(text.offsets[match.scalars.lowerBound] == match.start)
            #expect(Array(document.source[match.start..<match.start + 6]) == Array("重庆".utf8))
        }
    }

    @Test func matchAcrossJoinedSourceLinesIsFound() {
        // "Reader" is split over two source lines of one paragraph; the join adds a space.
        let document = Document(text: "## T\n\n空天信\n息产业 and Rea\nder\n")
        let article = document.articles[0]
        #expect(ArticleSearch.matches(of: "空天信息", in: article, document: document).count == 1)
        #expect(ArticleSearch.matches(of: "rea der", in: article, document: document).count == 1)
    }

    @Test func seedCounts() {
        let document = UIFixtures.seed
        let counts = document.articles.map {
            ArticleSearch.count(of: SearchFolding.fold("重庆"), in: $0, document: document)
        }
        let perArticle = document.articles.map {
            ArticleSearch.matches(of: "重庆", in: $0, document: document).count
        }
        #expect(counts == perArticle)
        #expect(counts.reduce(0, +) > 10)
        #expect(ArticleSearch.matches(of: "", in: document.articles[0], document: document).isEmpty)
    }

    @Test func matchesDoNotOverlap() {
        let document = Document(text: "## T\n\naaaa\n")
        #expect(ArticleSearch.matches(of: "aa", in: document.articles[0], document: document).map(\.scalars)
            == [0..<2, 2..<4])
    }
}
