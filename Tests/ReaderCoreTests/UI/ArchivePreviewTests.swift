import ReaderCore
import Testing

/// An archive opens its large files on previews: the issue list says "loading..." for
/// them until each is read whole (`ReaderState.completeLoading(with:issue:)`), then shows
/// its counts; an open issue keeps its place.
@Suite struct ArchivePreviewTests {
    static let whole = Document(source: UIFixtures.seedBytes, name: "a.txt")

    func archive() throws -> ReaderState {
        let preview = try #require(Document.preview(prefix: Array(UIFixtures.seedBytes[..<12000]), name: "a.txt"))
        return ReaderState(
            issues: [ArchiveTests.small, preview], archiveName: "papers/", size: ScreenSize(rows: 5, columns: 60))
    }

    @Test func theIssueListCountsALargeIssueOnceItIsRead() throws {
        var state = try archive()
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 b.txt                              2 articles  2 unread",
            "  2 a.txt                                        loading...",
            "",
            " [1/2]                   j/k move  ⏎ open  / search  ? help",
        ], "preview")
        state.completeLoading(with: ArchivePreviewTests.whole, issue: 1)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 b.txt                              2 articles  2 unread",
            "  2 a.txt                            10 articles  10 unread",
            "",
            " [1/2]                   j/k move  ⏎ open  / search  ? help",
        ], "whole")
        UIFixtures.press([.down, .enter, .character("G")], on: &state)
        #expect(state.selected == 9)
    }

    @Test func anOpenIssueKeepsItsSelectionWhenItIsRead() throws {
        var state = try archive()
        UIFixtures.press([.down, .enter, .down, .down], on: &state)
        state.completeLoading(with: ArchivePreviewTests.whole, issue: 1)
        #expect(state.selected == 2)
        expectScreen(Renderer.render(state), [
            " Reader | a.txt                                 10 articles",
            "   1 重庆计划3年内建成公共领域车辆全面电…       512字 2 min",
            "   2 国内首个空天信息产业共同体和千亿基…   3§  1.2k字 4 min",
            "▸  3 首届明月湖空天信息产业国际生态活动…        739字 2 min",
            " [3/10]                  j/k move  ⏎ open  / search  ? help",
        ], "open issue, whole")
        UIFixtures.press([.character("q")], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "  1 b.txt                              2 articles  2 unread",
            "▸ 2 a.txt                            10 articles  10 unread",
            "",
            " [2/2]                   j/k move  ⏎ open  / search  ? help",
        ], "back on the list")
    }
}
