import ReaderCore
import Testing

/// `s` and `|`: the prompts, and the exact effects Enter and the overwrite question return.
@Suite struct ExportTests {
    static let plain = """
        标题 Title

        请访问 https://example.com/a?b=1&c=2 或者发邮件到 news@example.org。也见 www.example.net/path。

        一节

        ftp://files.example.com/x 与 https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html 结束。

        """

    static let markdown = """
        # 标题 Title

        请访问 https://example.com/a?b=1&c=2 或者发邮件到 news@example.org。也见 www.example.net/path。

        ## 一节

        ftp://files.example.com/x 与 https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html 结束。

        """

    @Test func savePrompt80x24() {
        var state = LinkFixtures.articleState()
        state.press(.character("s"))
        #expect(state.keyContext == .prompt)
        let grid = Renderer.render(state)
        #expect(grid.lines()[23] == "save as: 标题_Title.txt                                    ⏎ accept  Esc cancel")
        #expect(grid.cursor?.row == 23)
        #expect(grid.cursor?.column == 23)
    }

    @Test func savePrompt40x12InTheSaveDirectory() {
        var state = LinkFixtures.articleState(rows: 12, columns: 40)
        state.saveDirectory = "/home/me/news/"
        state.press(.character("s"))
        #expect(state.textPrompt?.text == "/home/me/news/标题_Title.txt")
        // The end of the path shows, where the typing happens.
        #expect(Renderer.render(state).lines()[11] == "save as: ws/标题_Title.txt   Esc cancel")
    }

    @Test func enterSavesTextAndMarkdown() {
        var state = LinkFixtures.articleState()
        state.press(.character("s"))
        let (_, effects) = ReaderState.update(state, .accept)
        #expect(effects == [.saveArticle(path: "标题_Title.txt", text: ExportTests.plain, replacing: false)])
        UIFixtures.press([.backspace, .backspace, .backspace], on: &state)
        UIFixtures.type("md", on: &state)
        let (next, markdown) = ReaderState.update(state, .accept)
        #expect(markdown == [.saveArticle(path: "标题_Title.md", text: ExportTests.markdown, replacing: false)])
        #expect(next.textPrompt == nil)
        #expect(next.keyContext == .article)
    }

    @Test func anExistingFileIsOverwrittenOnlyAfterYes() {
        var state = LinkFixtures.articleState()
        state.apply(.confirmOverwrite(path: "a.txt", text: "x\n"))
        #expect(Renderer.render(state).lines()[23] == "exists, overwrite? (y/n) a.txt")
        let (_, yes) = ReaderState.update(state, .insert("y"))
        #expect(yes == [.saveArticle(path: "a.txt", text: "x\n", replacing: true)])
        let (kept, no) = ReaderState.update(state, .insert("n"))
        #expect(no == [])
        #expect(kept.message == "not saved")
        let (escaped, none) = ReaderState.update(state, .cancel)
        #expect(none == [])
        #expect(escaped.textPrompt == nil)
        #expect(escaped.message == "not saved")
    }

    @Test func escCancelsTheSaveWithoutAnEffect() {
        var state = LinkFixtures.articleState()
        state.press(.character("s"))
        let (next, effects) = ReaderState.update(state, .cancel)
        #expect(effects == [])
        #expect(next.textPrompt == nil)
    }

    @Test func pipeSendsTheTypedCommandAndThePlainText() {
        var state = LinkFixtures.articleState(rows: 12, columns: 40)
        state.press(.character("|"))
        UIFixtures.type("wc -m", on: &state)
        #expect(Renderer.render(state).lines()[11] == "| wc -m                      Esc cancel")
        let (next, effects) = ReaderState.update(state, .accept)
        #expect(effects == [.pipeArticle(command: "wc -m", text: ExportTests.plain)])
        let (shown, _) = ReaderState.update(next, .effectFinished("| wc -m: exit 0"))
        #expect(Renderer.render(shown).lines()[11] == " | wc -m: exit 0        76%  1 min left")
        // Enter with nothing typed runs nothing.
        state = LinkFixtures.articleState()
        state.press(.character("|"))
        let (empty, none) = ReaderState.update(state, .accept)
        #expect(none == [])
        #expect(empty.message == "nothing run")
    }

    @Test func fileNamesFromTitles() {
        #expect(ArticleExport.fileName(forTitle: "国内首个空天信息应用场景发布") == "国内首个空天信息应用场景发布.txt")
        #expect(ArticleExport.fileName(forTitle: "../../etc/passwd") == "etc-passwd.txt")
        #expect(ArticleExport.fileName(forTitle: "a/b: c? \"d\"\u{1B}[2J") == "a-b-_c-_-d--[2J.txt")
        #expect(ArticleExport.fileName(forTitle: "  ") == "article.txt")
        #expect(ArticleExport.fileName(forTitle: "-rf x", suffix: ".md") == "rf_x.md")
        #expect(ArticleExport.fileName(forTitle: String(repeating: "长", count: 100)) == String(repeating: "长", count: 66) + ".txt")
        #expect(ArticleExport.Format(path: "x.MD") == .markdown)
        #expect(ArticleExport.Format(path: "x.md.txt") == .text)
    }

    @Test func sAndPipeAreInTheKeyMap() {
        #expect(KeyMap.action(for: .character("s"), in: .article) == .saveArticle)
        #expect(KeyMap.action(for: .character("|"), in: .article) == .pipeArticle)
        #expect(Action(configurationName: "save") == .saveArticle)
        #expect(Action(configurationName: "pipe") == .pipeArticle)
    }
}
