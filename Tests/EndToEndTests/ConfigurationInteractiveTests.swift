import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Configured keys and colors in the real reader (tmux).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ConfigurationInteractiveTests {
    @Test func configuredKeysWorkAndShowInTheHints() {
        let home = ConfigurationEndToEndTests.configHome("""
            [colors]
            title = "bright_green"
            match = "blue"
            [keys]
            search = ["s"]
            open = ["o", "Enter"]
            quit = ["x"]
            """)
        defer { ConfigurationEndToEndTests.remove(home) }
        let session = TmuxSession(
            columns: 80, rows: 24, command: "env XDG_CONFIG_HOME=\(TmuxSession.quote(home)) " + TmuxSession.readerCommand())
        let list = session.waitFor { $0.last?.hasSuffix("? help") == true }
        // Enter is still an open key, so the hint keeps its ⏎.
        #expect(list.last == " [1/10]                                      j/k move  ⏎ open  s search  ? help")
        session.send("/")
        session.send("s")
        let prompt = session.waitFor { $0.last?.hasPrefix("/") == true }
        #expect(prompt.last == "/" + String(repeating: " ", count: 58) + "⏎ accept  Esc cancel")
        session.send("Escape")
        session.send("Down", "o")
        let article = session.waitFor { $0.first?.hasSuffix("article 2/10") == true }
        #expect(article.first?.hasSuffix("article 2/10") == true)
        session.send("x")
        let closed = session.waitFor { !$0.contains { $0.hasSuffix("article 2/10") } }
        #expect(!closed.contains { $0.hasSuffix("article 2/10") })
    }
}
