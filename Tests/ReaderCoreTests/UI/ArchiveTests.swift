import ReaderCore
import Testing

/// Archives: the issue list, opening an issue and coming back, and searching all issues.
@Suite struct ArchiveTests {
    static let small = Document(text: "## 甲文章\n\n重庆正文\n\n## 乙\n\n内容\n", name: "b.txt")

    /// The seed (as a.txt) and a two-article issue (b.txt).
    func archive(rows: Int = 10, columns: Int = 60) -> ReaderState {
        let seed = Document(source: UIFixtures.seedBytes, name: "a.txt")
        return ReaderState(
            issues: [seed, ArchiveTests.small], archiveName: "papers/", size: ScreenSize(rows: rows, columns: columns))
    }

    @Test func issueList60x10() {
        var state = archive()
        #expect(state.screen == .issues)
        #expect(state.keyContext == .issues)
        state.restore(ReadingState(contentHash: 0, screen: .list, article: 0, offset: 0, read: [0, 1]), issue: 1)
        let grid = Renderer.render(state)
        expectScreen(grid, [
            " Reader | papers/                                  2 issues",
            "▸ 1 a.txt                            10 articles  10 unread",
            "  2 b.txt                              2 articles  all read",
            "",
            "",
            "",
            "",
            "",
            "",
            " [1/2]                   j/k move  ⏎ open  / search  ? help",
        ], "issues 60x10")
        // An issue with unread articles stands out; a read one is plain.
        #expect(grid.styleLines()[1].allSatisfy { $0 == "S" })
        #expect(grid.styleLines()[2] == ".......................................dddddddddddddddddddd.")
    }

    @Test func enterOpensTheIssueAndQGoesBack() {
        var state = archive()
        UIFixtures.press([.down, .enter], on: &state)
        #expect(state.screen == .list)
        #expect(state.issueIndex == 1)
        #expect(state.document.name == "b.txt")
        expectScreen(UIFixtures.render(state, size: ScreenSize(rows: 5, columns: 30)), [
            " Reader | b.txt    2 articles",
            "▸ 1 甲文章",
            "  2 乙",
            "",
            " [1/2]       j/k move  ? help",
        ], "b.txt list")
        UIFixtures.press([.down, .enter], on: &state)
        #expect(state.screen == .article)
        #expect(state.current == 1)
        UIFixtures.press([.character("q"), .character("q")], on: &state)
        #expect(state.screen == .issues)
        #expect(state.issueSelected == 1)
        #expect(!state.isFinished)
        // The marks of the issue left are kept, and shown in the counts.
        #expect(state.slot(1).read == [1])
        #expect(Renderer.render(state).lines()[2] == "▸ 2 b.txt                              2 articles  1 unread")
        // Back in the issue: same selection. Esc also goes back.
        state.press(.enter)
        #expect(state.selected == 1)
        state.press(.escape)
        #expect(state.screen == .issues)
        state.press(.character("q"))
        #expect(state.isFinished)
    }

    @Test func searchSpansEveryIssueAndLabelsHits() {
        var state = archive()
        state.press(.character("/"))
        UIFixtures.type("重庆正文", on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "/重庆正文                              1 article in 1 issue",
        ], "search one hit")
        UIFixtures.press([.backspace, .backspace], on: &state)
        state.press(.enter)
        let hits = state.archiveFilter?.hits ?? []
        #expect(hits.count == 10)
        #expect(hits.last == ArchiveFilter.Hit(issue: 1, article: 0, count: 1))
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸  1 a.txt │ 重庆计划3年内建成公共领域车辆全面电…    2 hits",
            "   2 a.txt │ 国内首个空天信息产业共同体和千亿基金…  10 hits",
            "   3 a.txt │ 首届明月湖空天信息产业国际生态活动上…  13 hits",
            "   4 a.txt │ 重庆高新区: 特色科普阵地揭牌启用        3 hits",
            "   5 a.txt │ 重庆智能建造7项经验全国推广            10 hits",
            "   6 a.txt │ 西部(重庆)科学城人才产业园正式启动…     4 hits",
            "   7 a.txt │ 重庆启动产业知识产权运营中心建设        5 hits",
            "   8 a.txt │ 2023年全市物联网十大应用案例评选“出…   11 hits",
            " [1/10] /重庆            j/k move  ⏎ open  / search  ? help",
        ], "search all issues")
        // Enter on the last hit opens b.txt's first article at its match.
        UIFixtures.press([.character("G"), .enter], on: &state)
        #expect(state.issueIndex == 1)
        #expect(state.screen == .article)
        #expect(state.current == 0)
        #expect(state.search?.current == 0)
        #expect(state.listFilter?.query == "重庆")
        // Back: the issue's list, filtered; Esc clears it, Esc again goes to the issues,
        // still filtered; Esc there clears that too.
        state.press(.character("q"))
        #expect(state.screen == .list)
        UIFixtures.press([.escape, .escape], on: &state)
        #expect(state.screen == .issues)
        #expect(state.archiveFilter?.query == "重庆")
        state.press(.escape)
        #expect(state.archiveFilter == nil)
        #expect(state.issueSelected == 1)
    }

    @Test func searchWithoutHitsRestoresTheList() {
        var state = archive()
        state.press(.character("/"))
        UIFixtures.type("没有这个词", on: &state)
        state.press(.enter)
        #expect(state.archiveFilter == nil)
        #expect(state.message == "not found: 没有这个词")
    }

    @Test func readingStatesOfEachIssue() {
        var state = archive()
        UIFixtures.press([.enter, .character("3"), .character("q"), .character("q"), .down, .enter, .character("u")], on: &state)
        #expect(state.readingState(ofIssue: 0, contentHash: 5)
            == ReadingState(contentHash: 5, screen: .list, article: 2, offset: UIFixtures.seed.articles[2].titleOffset, read: [2]))
        #expect(state.readingState(ofIssue: 1, contentHash: 6)
            == ReadingState(contentHash: 6, screen: .list, article: 0, offset: ArchiveTests.small.articles[0].titleOffset, read: [0]))
    }
}
