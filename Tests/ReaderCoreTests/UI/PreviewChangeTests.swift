import ReaderCore
import Testing

/// A large file that changes between its preview and the whole read (emptied, rewritten)
/// gives the issue as it is now, with a message, never an article view of an article that
/// is gone; and `G` then Enter on the preview opens the whole issue's last article.
struct PreviewChangeTests {
    static let preview: Document? = Document.preview(
        prefix: Array(UIFixtures.seedBytes[..<12000]), name: UIFixtures.seedName)

    /// Emptied while it loads, with an article of the preview open: the list of the
    /// empty issue, and the message (this crashed: the article view of an issue with no articles).
    @Test func anEmptiedFileWithAnArticleOpenShowsTheEmptyList() throws {
        let preview = try #require(PreviewChangeTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 5, columns: 64))
        UIFixtures.press([.down, .down, .enter], on: &state)
        #expect(state.screen == .article)
        state.completeLoading(with: Document(source: [], name: UIFixtures.seedName))
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt                   0 articles",
            "",
            "",
            "",
            " the file changed while it was read: shown as it is now   [0/0]",
        ], "emptied 64x5")
        #expect(state.screen == .list)
        state.press(.enter)
        #expect(state.message == "no articles")
    }

    /// Rewritten with other articles: the new issue from its first article, no read
    /// marks carried over from articles that are not there any more.
    @Test func aRewrittenFileShowsTheNewIssueFromItsStart() throws {
        let preview = try #require(PreviewChangeTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 5, columns: 64))
        UIFixtures.press([.down, .enter], on: &state)
        state.completeLoading(with: Document(text: "## 新的第一篇\n\n正文。\n\n## 第二篇\n\n正文。\n", name: "x"))
        expectScreen(Renderer.render(state), [
            " Reader | x                                          2 articles",
            "▸ 1 新的第一篇                                        7字 1 min",
            "  2 第二篇                                            5字 1 min",
            "",
            " the file changed while it was read: shown as it is now   [1/2]",
        ], "rewritten 64x5")
        #expect(state.readArticles.isEmpty)
        state.press(.enter)
        #expect(state.screen == .article)
        #expect(state.current == 0)
    }

    /// Truncated to fewer articles than the preview, in the article view of the last
    /// preview article: the list, never an index past the articles.
    @Test func aTruncatedFileLeavesNoArticleOutOfRange() throws {
        let preview = try #require(PreviewChangeTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 5, columns: 64))
        UIFixtures.press([.character("G"), .up, .enter], on: &state)
        state.completeLoading(with: Document(source: Array(UIFixtures.seedBytes[..<3000]), name: "x"))
        #expect(state.screen == .list)
        #expect(state.document.articles.indices.contains(state.selected))
        #expect(UIFixtures.screen(state)[1].hasPrefix("▸ 1 重庆计划3年内建成公共领域车辆全面电动化"))
    }

    /// `G` then Enter before the whole issue is read: "last article: loading...", then
    /// the whole issue's last article opens (it opened the preview's last one).
    @Test func bottomThenEnterOpensTheLastArticleOfTheWholeIssue() throws {
        let preview = try #require(PreviewChangeTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 5, columns: 40))
        UIFixtures.press([.character("G"), .enter], on: &state)
        #expect(state.screen == .list)
        #expect(UIFixtures.screen(state)[4] == " last article: loading...        [6/6+]")
        state.completeLoading(with: UIFixtures.seed)
        #expect(state.screen == .article)
        #expect(state.current == 9)
        #expect(UIFixtures.screen(state)[0] == " Reader | 000_87085fd...  article 10/10")
    }
}
