import ReaderCore
import Testing

/// Zero-width format characters inside a text take no column on screen and show
/// nothing (they showed as blanks: the grid gave each a cell of its own).
struct ZeroWidthScreenTests {
    @Test func zeroWidthCharactersShowNothing() {
        let text = "## 标\u{200B}题\n\n甲\u{200B}乙\u{200C}丙\u{200D}丁\u{2060}戊\u{FEFF}己。\n"
        var state = ReaderState(document: Document(text: text, name: "zw.txt"), size: ScreenSize(rows: 6, columns: 40))
        state.press(.enter)
        // U+200C and U+200D join the character before them (one cell, as a terminal
        // draws it); U+200B, U+2060 and U+FEFF stand alone and take no cell.
        expectScreen(Renderer.render(state), [
            " Reader | zw.txt            article 1/1",
            "                  标题",
            "",
            "     甲乙\u{200C}丙\u{200D}丁戊己。",
            "",
            "       100%  1 min left  q back  ? help",
        ], "zero-width 40x6")
    }

    /// A combining mark on its own still gets a cell (on a space), and control characters
    /// are still made visible by SafeText.
    @Test func combiningMarksAndControlsStayVisible() {
        var grid = ScreenGrid(rows: 1, columns: 10)
        grid.put("a\u{200B}\u{0301}b^[", row: 0, column: 0, style: .normal)
        #expect(grid.lines() == ["a \u{0301}b^["])
    }
}
