import ReaderCore
import Testing

/// The issue list moves, pages, scrolls and takes clicks like every list (`ListCursor`).
@Suite struct IssueListCursorTests {
    /// Six one-article issues, 1.txt to 6.txt, on a screen with three list rows.
    func archive() -> ReaderState {
        let issues = (1...6).map { Document(text: "## 第\($0)篇\n\n正文\n", name: "\($0).txt") }
        return ReaderState(issues: issues, archiveName: "six/", size: ScreenSize(rows: 5, columns: 36))
    }

    @Test func endShowsTheLastScreenfulAndAClickSelectsTheRowClicked() {
        var state = archive()
        state.press(.end)
        expectScreen(Renderer.render(state), [
            " Reader | six/             6 issues",
            "  4 4.txt       1 article  1 unread",
            "  5 5.txt       1 article  1 unread",
            "▸ 6 6.txt       1 article  1 unread",
            " [6/6]     j/k move  ⏎ open  ? help",
        ], "end")
        state.apply(.click(row: 1, column: 3))
        #expect(state.issueSelected == 3)
        #expect(state.issueListTop == 3)
        // The bars and the rows past the list select nothing.
        state.apply(.click(row: 4, column: 3))
        #expect(state.issueSelected == 3)
        state.press(.pageUp)
        #expect(state.issueSelected == 0)
        #expect(state.issueListTop == 0)
        state.press(.pageDown)
        #expect(state.issueSelected == 3)
        #expect(state.issueListTop == 1)
    }
}
