import ReaderCore
import Testing

/// `o`: the link overlay, choosing a link, and the exact effect that asks to open it.
@Suite struct LinkListTests {
    @Test func linksAreFoundByTheWrappingRule() {
        let state = LinkFixtures.articleState()
        #expect(state.currentLayout.links.map(\.written) == [
            "https://example.com/a?b=1&c=2", "news@example.org", "www.example.net/path", "ftp://files.example.com/x",
            "https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html",
        ])
        #expect(state.currentLayout.links.map(\.url) == [
            "https://example.com/a?b=1&c=2", "mailto:news@example.org", "https://www.example.net/path",
            "ftp://files.example.com/x",
            "https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html",
        ])
    }

    @Test func overlay80x24() {
        var state = LinkFixtures.articleState()
        state.press(.character("o"))
        #expect(state.keyContext == .links)
        expectScreen(Renderer.render(state), [
            " Reader | links.txt                                                 article 1/2",
            "                                   标题 Title",
            "",
            "     请访问 https://example.com/a?b=1&c=2 或者发邮件到 news@example.org。也见",
            " www.example.net/path。",
            "",
            " 一节",
            "",
            " Links",
            "",
            " 1 https://example.com/a?b=1&c=2",
            " 2 news@example.org",
            " 3 www.example.net/path",
            " 4 ftp://files.example.com/x",
            " 5 https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/…",
            " j/k move  ⏎ open  Esc close  ? help",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "                         100%  1 min left  q back  t sections  / search  ? help",
        ], "links 80x24")
    }

    @Test func overlay40x12() {
        var state = LinkFixtures.articleState(rows: 12, columns: 40)
        state.press(.character("o"))
        expectScreen(Renderer.render(state), [
            " Reader | links.txt         article 1/2",
            "               标题 Title",
            " Links",
            "",
            " 1 https://example.com/a?b=1&c=2",
            " 2 news@example.org",
            " 3 www.example.net/path",
            " 4 ftp://files.example.com/x",
            " 5 https://example.com/very/long/path/…",
            " j/k move  ⏎ open  Esc close  ? help",
            "   ftp://files.example.com/x 与",
            "        76%  1 min left  q back  ? help",
        ], "links 40x12")
    }

    @Test func aDigitOpensThatLink() {
        var state = LinkFixtures.articleState()
        state.press(.character("o"))
        let (next, effects) = ReaderState.update(state, .number(2))
        #expect(effects == [.openLink("mailto:news@example.org")])
        #expect(next.overlay == nil)
        // The runner's answer is what the status bar shows.
        let (shown, more) = ReaderState.update(next, .effectFinished("opened mailto:news@example.org"))
        #expect(more == [])
        #expect(Renderer.render(shown).lines()[23].hasPrefix(" opened mailto:news@example.org"))
    }

    @Test func arrowsAndEnterOpenTheSelectedLink() {
        var state = LinkFixtures.articleState()
        UIFixtures.press([.character("o"), .down, .down, .up, .down, .down], on: &state)
        #expect(state.overlay.map { if case .links(let list) = $0 { list.selected } else { -1 } } == 3)
        state.press(.up)
        let (_, effects) = ReaderState.update(state, .accept)
        #expect(effects == [.openLink("https://www.example.net/path")])
    }

    @Test func onlyHttpHttpsAndMailtoAreOpened() {
        var state = LinkFixtures.articleState()
        state.press(.character("o"))
        let (next, effects) = ReaderState.update(state, .number(4))
        #expect(effects == [])
        #expect(next.message == "not opened: only http, https and mailto links are opened")
        let (_, none) = ReaderState.update(state, .number(9))
        #expect(none == [])
    }

    @Test func escClosesWithoutAnEffect() {
        var state = LinkFixtures.articleState()
        state.press(.character("o"))
        let (next, effects) = ReaderState.update(state, .close)
        #expect(effects == [])
        #expect(next.overlay == nil)
        #expect(next.keyContext == .article)
    }

    @Test func theLinksOnScreenComeFirst() {
        var state = LinkFixtures.articleState(rows: 6, columns: 40)
        // Scroll until the first paragraph's links are above the screen.
        while state.currentLayout.lines[state.topLine].kind != .heading { state.press(.down) }
        state.press(.character("o"))
        guard case .links(let list) = state.overlay else {
            Issue.record("no link list")
            return
        }
        #expect(list.onScreen == 2)
        #expect(list.links.map(\.written) == [
            "ftp://files.example.com/x",
            "https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html",
            "https://example.com/a?b=1&c=2", "news@example.org", "www.example.net/path",
        ])
    }

    @Test func anArticleWithoutLinksSaysSo() {
        var state = LinkFixtures.state()
        UIFixtures.press([.down, .enter, .character("o")], on: &state)
        #expect(state.overlay == nil)
        #expect(state.message == "this article has no links")
    }

    @Test func oIsInTheHelpAndCanBeRebound() {
        #expect(KeyMap.action(for: .character("o"), in: .article) == .showLinks)
        #expect(KeyMap.action(for: .character("3"), in: .links) == .number(3))
        #expect(Action(configurationName: "links") == .showLinks)
        var state = LinkFixtures.articleState(rows: 80, columns: 100)
        state.press(.character("?"))
        let help = Renderer.render(state).lines().joined(separator: "\n")
        #expect(help.contains("o                links, to open one"))
        #expect(help.contains("\n                        Links\n"))
        #expect(help.contains("  1-9                     open link N\n"))
    }
}
