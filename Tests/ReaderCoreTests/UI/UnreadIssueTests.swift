import ReaderCore
import Testing

/// A feed list opens on issues not read yet (`Document.unread`): each row shows the
/// counts the store knows, and the issue's text comes later
/// (`ReaderState.completeLoading(with:issue:)`), when it is opened or in the background.
@Suite struct UnreadIssueTests {
    static let whole = Document(source: UIFixtures.seedBytes, name: "a.txt")

    func feeds() -> ReaderState {
        ReaderState(
            issues: [Document.unread(name: "a.txt", counts: Document.KnownCounts(articles: 10, unread: 7)), ArchiveTests.small],
            archiveName: "feeds", size: ScreenSize(rows: 5, columns: 60))
    }

    @Test func theListShowsTheStoresCountsThenEnterOpensTheFeed() {
        var state = feeds()
        expectScreen(Renderer.render(state), [
            " Reader | feeds                                    2 issues",
            "▸ 1 a.txt                             10 articles  7 unread",
            "  2 b.txt                              2 articles  2 unread",
            "",
            " [1/2]                   j/k move  ⏎ open  / search  ? help",
        ], "before any feed is read")
        UIFixtures.press([.enter], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | a.txt                                  loading...",
            "",
            "",
            "",
            " [0/0]                   j/k move  ⏎ open  / search  ? help",
        ], "opened before it is read")
        state.completeLoading(with: UnreadIssueTests.whole, issue: 0)
        expectScreen(Renderer.render(state), [
            " Reader | a.txt                                 10 articles",
            "▸  1 重庆计划3年内建成公共领域车辆全面电…       512字 2 min",
            "   2 国内首个空天信息产业共同体和千亿基…   3§  1.2k字 4 min",
            "   3 首届明月湖空天信息产业国际生态活动…        739字 2 min",
            " [1/10]                  j/k move  ⏎ open  / search  ? help",
        ], "read")
        UIFixtures.press([.enter], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | a.txt                                article 1/10",
            " 重庆计划3年内建成公共领域车辆全面电动化试点城市 到2025年将",
            " 建成充电桩超24万个",
            "",
            "            raw  9%  2 min left  q back  t sections  ? help",
        ], "first article")
    }
}
