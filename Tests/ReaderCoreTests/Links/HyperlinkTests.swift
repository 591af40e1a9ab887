import ReaderCore
import Testing

/// The OSC 8 hyperlinks a frame carries, the URLs allowed in them, and when they are on.
@Suite struct HyperlinkTests {
    @Test func aWrappedLinkIsOneLinkOnTwoRows() {
        let state = LinkFixtures.articleState(rows: 24, columns: 40)
        let grid = Renderer.render(state)
        let long = "https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html"
        let parts = grid.hyperlinks.filter { $0.url == long }
        #expect(parts.count == 3)
        #expect(Set(parts.map(\.id)).count == 1)
        // Each part covers exactly the cells that show its text.
        let shown = parts.map { part in
            String(part.columns.map { grid[part.row, $0].text }.joined())
        }.joined()
        #expect(shown == long)
        // The ftp link is shown but is no hyperlink.
        #expect(!grid.hyperlinks.contains { $0.url.hasPrefix("ftp:") })
        #expect(grid.hyperlinks.map(\.url).filter { $0 != long } == [
            "https://example.com/a?b=1&c=2", "mailto:news@example.org", "https://www.example.net/path",
        ])
    }

    @Test func aLinkEndsAtAControlCharacter() {
        var state = ReaderState(
            document: Document(text: "## T\n\nhttps://evil.example/\u{1B}]8;;https://attacker.example/\u{07}x\n"),
            size: ScreenSize(rows: 24, columns: 80))
        state.press(.enter)
        #expect(state.currentLayout.links.map(\.url) == ["https://evil.example/"])
        #expect(Renderer.render(state).lines()[3] == "   https://evil.example/^[]8;;https://attacker.example/^Gx")
    }

    /// The screen's fast path (only the lines shown are looked at) against the whole article's links.
    @Test func theLinksOfSomeLinesAreThoseOfTheWholeArticleOnThem() {
        let layout = LinkFixtures.articleState(rows: 24, columns: 40).currentLayout
        let all = layout.links
        #expect(all.count == 5)
        for start in layout.lines.indices {
            for count in 1...6 {
                let lines = start..<min(layout.lines.count, start + count)
                let expected = all.filter { link in
                    lines.contains { layout.lines[$0].text == link.text && layout.lines[$0].range.overlaps(link.scalars) }
                }
                #expect(layout.links(onLines: lines) == expected, "lines \(lines)")
            }
        }
    }

    @Test func noHyperlinksUnderAnOverlay() {
        var state = LinkFixtures.articleState()
        state.press(.character("o"))
        #expect(Renderer.render(state).hyperlinks == [])
    }

    @Test func openableURLs() {
        #expect(LinkTarget.isOpenable("https://example.com/"))
        #expect(LinkTarget.isOpenable("HTTP://example.com/"))
        #expect(LinkTarget.isOpenable("mailto:a@b.c"))
        #expect(!LinkTarget.isOpenable("ftp://example.com/"))
        #expect(!LinkTarget.isOpenable("file:///etc/passwd"))
        #expect(!LinkTarget.isOpenable("javascript:alert(1)"))
        #expect(!LinkTarget.isOpenable("https://"))
        #expect(!LinkTarget.isOpenable("https://a b"))
        #expect(!LinkTarget.isOpenable("https://a\u{1B}]8;;x"))
        #expect(!LinkTarget.isOpenable("https://a\nb"))
    }

    @Test func terminalSafeURLsHaveNoControls() {
        #expect(LinkTarget.terminalSafe("https://a/b?c=d;e") == "https://a/b?c=d;e")
        #expect(LinkTarget.terminalSafe("https://a\u{1B}\\\u{07}\n b/é") == "https://a%1B\\%07%0A%20b/%C3%A9")
    }

    @Test func browserCommand() {
        let url = "https://example.com/$(id);x"
        #expect(BrowserCommand.arguments(configured: ["w3m", "-N"], environment: ["BROWSER": "lynx"], url: url)
            == ["w3m", "-N", url])
        #expect(BrowserCommand.arguments(configured: ["open", "--url=%s"], environment: [:], url: url)
            == ["open", "--url=" + url])
        #expect(BrowserCommand.arguments(configured: nil, environment: ["BROWSER": "firefox --new-tab:lynx"], url: url)
            == ["firefox", "--new-tab", url])
        #expect(BrowserCommand.arguments(configured: nil, environment: [:], url: url) == ["xdg-open", url])
    }

    @Test func autoIsOnOnlyForTerminalsKnownToShowHyperlinks() {
        func auto(_ environment: [String: String]) -> Bool { HyperlinkChoice.auto.isEnabled(environment: environment) }
        #expect(auto(["TERM": "xterm-kitty"]))
        #expect(auto(["TERM": "foot"]))
        #expect(auto(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        #expect(auto(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        #expect(auto(["TERM": "xterm-256color", "VTE_VERSION": "7600"]))
        #expect(!auto(["TERM": "xterm-256color"]))
        #expect(!auto(["TERM": "linux"]))
        #expect(!auto(["TERM": "xterm-256color", "VTE_VERSION": "4800"]))
        // tmux passes them on from 3.4; GNU screen never.
        #expect(auto(["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.4"]))
        #expect(auto(["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.5a"]))
        #expect(!auto(["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.3a"]))
        #expect(!auto(["TERM": "screen-256color", "TMUX": "/tmp/t,1,0", "VTE_VERSION": "7600"]))
        #expect(!auto(["TERM": "screen", "STY": "1.pts", "VTE_VERSION": "7600"]))
        #expect(HyperlinkChoice.on.isEnabled(environment: [:]))
        #expect(!HyperlinkChoice.off.isEnabled(environment: ["TERM": "xterm-kitty"]))
    }

    @Test func dumpListsTheLinksAsFootnotes() {
        var output: [UInt8] = []
        DocumentDump.writeBytes(Document(text: LinkFixtures.text), width: 40, links: true) { output += $0 }
        #expect(String(decoding: output, as: UTF8.self) == """
            ## 标题 Title

              请访问 https://example.com/a?b=1&c=2
            或者发邮件到 news@example.org。也见
            www.example.net/path。

            ### 一节

              ftp://files.example.com/x 与
            https://example.com/very/long/path/that/
            wraps/over/two/lines/of/the/screen/
            index.html 结束。

            [1] https://example.com/a?b=1&c=2
            [2] mailto:news@example.org
            [3] https://www.example.net/path
            [4] ftp://files.example.com/x
            [5] https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html

            ## Second

              No links here.

            """)
    }
}
