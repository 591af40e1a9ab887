import ReaderCore
import Testing

/// `y` and `Y`: the exact `Effect.copy` an action returns, and the status line after.
@Suite struct CopyTests {
    static let issue = Document(
        text: "## 标题一\n\n第一段，很短。\n\n### 小节\n\n第二段 with English words.\n\n## 乙\n\n内容\n", name: "c.txt")

    /// The first article open at 40×`rows` (its 7 lines scroll at 8 rows and fewer).
    func opened(rows: Int = 12) -> ReaderState {
        var state = ReaderState(document: CopyTests.issue, size: ScreenSize(rows: rows, columns: 40))
        state.press(.enter)
        return state
    }

    @Test func yAtTheTopCopiesTheTitle() {
        let (_, effects) = ReaderState.update(opened(), .copyParagraph)
        #expect(effects == [.copy(text: "标题一", what: "title")])
    }

    @Test func yCopiesTheParagraphBelowABlankTopLine() {
        var state = opened(rows: 6)
        state.press(.character("j"))
        let (_, effects) = ReaderState.update(state, .copyParagraph)
        #expect(effects == [.copy(text: "第一段，很短。", what: "paragraph")])
    }

    @Test func yCopiesTheCurrentMatchsParagraph() {
        var state = opened()
        state.press(.character("/"))
        UIFixtures.type("English", on: &state)
        state.press(.enter)
        let (_, effects) = ReaderState.update(state, .copyParagraph)
        #expect(effects == [.copy(text: "第二段 with English words.", what: "paragraph")])
    }

    @Test func capitalYCopiesTheArticleUnwrapped() {
        var state = ReaderState(document: CopyTests.issue, size: ScreenSize(rows: 12, columns: 20))
        state.press(.enter)
        let (_, effects) = ReaderState.update(state, .copyArticle)
        #expect(effects == [.copy(text: "标题一\n\n第一段，很短。\n\n小节\n\n第二段 with English words.\n", what: "article")])
    }

    @Test func copyKeysAreArticleKeysOnly() {
        var state = ReaderState(document: CopyTests.issue, size: ScreenSize(rows: 12, columns: 40))
        state.press(.character("y"))
        #expect(state.takeEffects() == [])
        state.press(.enter)
        state.press(.character("Y"))
        #expect(state.takeEffects().count == 1)
    }

    @Test func theStatusLineSaysWhatWasCopied() {
        var state = opened()
        state.press(.character("j"))
        state.apply(.effectFinished(ReaderState.copiedMessage("paragraph", text: "第一段，很短。")))
        let screen = Renderer.render(state).lines()
        #expect(screen.last == " copied paragraph (7 characters)   100%")
        state.press(.character("j"))
        #expect(Renderer.render(state).lines().last?.hasPrefix(" copied") == false)
    }
}
