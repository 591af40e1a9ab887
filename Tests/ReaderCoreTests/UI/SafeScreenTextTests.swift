import ReaderCore
import Testing

/// Whatever writes text into the screen grid — the search prompt, a message quoting a
/// search or a state file, the help — shows it through `SafeText`: no control character,
/// escape sequence or bidi override reaches the terminal raw.
@Suite struct SafeScreenTextTests {
    @Test func putShowsControlsAndBidiOverridesSafely() {
        var grid = ScreenGrid(rows: 1, columns: 20)
        grid.put("a\u{202E}b\u{1B}]0;x\u{07}c\u{2066}", row: 0, column: 0, style: .normal)
        #expect(grid.lines() == ["a\u{FFFD}b^[]0;x^Gc\u{FFFD}"])
    }

    /// A bidi override typed into the search prompt (it used to reach the terminal raw,
    /// reversing the rest of the line) shows as U+FFFD, in the prompt and in "not found".
    @Test func bidiOverrideTypedIntoTheSearchPrompt() {
        let document = Document(text: "## 标题\n\n正文。\n", name: "t.txt")
        var state = ReaderState(document: document, size: ScreenSize(rows: 6, columns: 30))
        state.press(.character("/"))
        for character in "ab\u{202E}c" { state.press(.character(character)) }
        #expect(Renderer.render(state).lines().last == "/ab\u{FFFD}c               not found")
        state.press(.enter)
        #expect(Renderer.render(state).lines().last == " not found: ab\u{FFFD}c        [1/1]")
    }
}
