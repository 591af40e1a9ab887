import ReaderCore
import Testing

/// The reading state going out of and back into `ReaderState`, and the `u` marks.
@Suite struct ReadingStateRestoreTests {
    let seed = UIFixtures.seed

    @Test func savedArticlePositionAndMarksComeBack() {
        var state = UIFixtures.state(rows: 10, columns: 40)
        UIFixtures.press([.character("4"), .down, .down, .down], on: &state)
        let top = state.topOffset(of: 3)
        #expect(top > seed.articles[3].titleOffset)
        let saved = state.readingState(contentHash: 42)
        #expect(saved == ReadingState(contentHash: 42, screen: .article, article: 3, offset: top, read: [3]))

        var reopened = UIFixtures.state(rows: 10, columns: 40)
        reopened.restore(saved)
        #expect(reopened.screen == .article)
        #expect(reopened.current == 3)
        #expect(reopened.topLine == 3)
        #expect(reopened.readArticles == [3])
        #expect(UIFixtures.screen(reopened) == UIFixtures.screen(state))
    }

    @Test func listStateKeepsTheSelectionAndThePositionInsideIt() {
        var state = UIFixtures.state()
        UIFixtures.press([.character("6"), .pageDown, .character("q")], on: &state)
        let saved = state.readingState(contentHash: 1)
        #expect(saved.screen == .list)
        #expect(saved.article == 5)
        var reopened = UIFixtures.state()
        reopened.restore(saved)
        #expect(reopened.screen == .list)
        #expect(reopened.selected == 5)
        reopened.press(.enter)
        #expect(reopened.topOffset(of: 5) == state.topOffset(of: 5))
    }

    /// An archive's issue nothing has touched has the untouched state (so that a quit does
    /// not write it), and one the user opened and read in does not (so that a quit does).
    @Test func theUntouchedStateIsAnUntouchedIssuesState() {
        let small = Document(text: "## 甲\n\n正文\n\n## 乙\n\n内容\n", name: "b.txt")
        var state = ReaderState(issues: [seed, small], archiveName: "papers/", size: ScreenSize(rows: 10, columns: 40))
        let untouched = ReaderState.untouchedReadingState(of: small, contentHash: 7)
        #expect(untouched == ReadingState(contentHash: 7, screen: .list, article: 0, offset: 3, read: []))
        #expect(state.readingState(ofIssue: 1, contentHash: 7) == untouched)
        #expect(state.readingState(ofIssue: 0, contentHash: 7)
            == ReaderState.untouchedReadingState(of: seed, contentHash: 7))
        UIFixtures.press([.down, .enter, .enter], on: &state)
        #expect(state.readingState(ofIssue: 1, contentHash: 7) != untouched)
        #expect(state.readingState(ofIssue: 1, contentHash: 7).screen == .article)
    }

    @Test func outOfRangeValuesAreDropped() {
        var state = UIFixtures.state()
        state.restore(ReadingState(contentHash: 0, screen: .article, article: 99, offset: 5, read: [1, 50]))
        #expect(state.screen == .list)
        #expect(state.selected == 0)
        #expect(state.readArticles == [1])
        // An offset outside the article falls back to its top.
        state.restore(ReadingState(contentHash: 0, screen: .article, article: 2, offset: 0, read: []))
        #expect(state.current == 2)
        #expect(state.topOffset(of: 2) == seed.articles[2].titleOffset)
        #expect(state.topLine == 0)
    }

    @Test func uTogglesTheMarkInTheListAndTheArticle() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .character("u")], on: &state)
        #expect(state.readArticles == [1])
        #expect(state.message == "marked read")
        state.press(.character("u"))
        #expect(state.readArticles == [])
        #expect(state.message == "marked unread")
        UIFixtures.press([.enter], on: &state)
        #expect(state.readArticles == [1])
        UIFixtures.press([.character("u")], on: &state)
        #expect(state.readArticles == [])
        #expect(state.screen == .article)
    }

    @Test func unreadTitlesAreDrawnDistinctly() {
        var state = UIFixtures.state(rows: 6, columns: 30)
        UIFixtures.press([.down, .down, .character("u"), .up], on: &state)
        let grid = Renderer.render(state)
        expectScreen(grid, [
            " Reader | 000...  10 articles",
            "   1 重庆计划3年内建成公…",
            "▸  2 国内首个空天信息产…   3§",
            " ✓ 3 首届明月湖空天信息…",
            "   4 重庆高新区: 特色科…",
            " [2/10]      j/k move  ? help",
        ], "unread marks 30x6")
        // Unread titles (U) stand out, also when selected (B); the read one is plain, its ✓ dim.
        #expect(grid.styleLines() == [
            "==============================",
            ".d...UUUUUUUUUUUUUUUUUUUU.....",
            "SSSSSBBBBBBBBBBBBBBBBBBBSSSSSS",
            ".d............................",
            ".d...UUUUUUUUUUUUUUUUUUU......",
            "==============================",
        ])
    }
}
