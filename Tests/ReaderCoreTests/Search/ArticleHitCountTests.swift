import PropertyBased
import Testing
@testable import ReaderCore

/// `reader --search` counts each issue once, article by article, without a kept index
/// (`Document.articleHits(prefilteredBy:)`): the counts are the index's
/// (`Document.articleHits(of:)`, the interactive search's) exactly.
@Suite struct ArticleHitCountTests {
    /// The prefilter tests' awkward pieces, and pieces that cross a line join or a
    /// page-break repair join of `RandomIssue`'s cut (`…重庆对` + `政府投资…`).
    static let queryPieces = SearchPrefilterTests.queryPieces + [
        "对政", "对政府", "庆对", "府", "对", " ", "word a", "d w", "中文", "文中", "。中", "报道", "\u{3000}",
    ]

    private func counted(_ query: String, _ document: Document) -> [ArticleHit] {
        document.articleHits(prefilteredBy: SearchPrefilter(needle: SearchFolding.fold(query)))
    }

    @Test func countsAreTheIndexCounts() async {
        let pieces = Self.queryPieces
        let queries = Gen.int(in: 0..<pieces.count).array(of: 1...3).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 2000, input: queries, RandomIssue.bytes, Gen.bool) { query, bytes, repair in
            let document = Document(source: bytes, name: "-", repair: repair)
            #expect(counted(query, document) == document.articleHits(of: SearchFolding.fold(query)), "\(bytes) \(query)")
        }
    }

    @Test func aMatchAcrossAJoinCountsAsTheIndexCountsIt() {
        let text = "## 一\n\n在明确专项成本列支依据方面,重庆对\n\n政府投资的试点项目,允许列支。\n\n## 二\n\nno 重庆 here\nWord\nand\n"
        let repaired = Document(text: text)
        #expect(counted("重庆对政府", repaired) == [ArticleHit(article: 0, count: 1)])
        #expect(counted("重慶", repaired) == [ArticleHit(article: 0, count: 1), ArticleHit(article: 1, count: 1)])
        #expect(counted("word and", repaired) == [ArticleHit(article: 1, count: 1)])
        #expect(counted("重庆对政府", Document(text: text, repair: false)) == [])
        #expect(counted("(untitled)", Document(text: "## \n\n##\n")) == [
            ArticleHit(article: 0, count: 1), ArticleHit(article: 1, count: 1),
        ])
        #expect(counted("", repaired) == [])
    }
}
