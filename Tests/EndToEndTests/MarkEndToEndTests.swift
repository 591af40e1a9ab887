import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Marks in tmux: set in one run, kept in the reading state, jumped to in the next.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct MarkEndToEndTests {
    @Test(arguments: [(80, 24), (40, 12)])
    func aMarkSurvivesARestart(size: (columns: Int, rows: Int)) {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home))") }
        let command = ReadingStateEndToEndTests.command(stateHome: home)
        let first = TmuxSession(columns: size.columns, rows: size.rows, command: command)
        first.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        first.send("4")
        first.waitFor { $0.first?.hasSuffix("article 4/10") == true }
        first.send("j", "j", "j", "m", "a")
        let marked = first.waitFor { $0.last?.hasPrefix(" mark a set") == true }
        // At 40×12 the article scrolls; at 80×24 it fits, and the mark is at its title.
        let top = marked[1]
        if size.columns == 40 { #expect(top == UIScreen.seedArticleFourTop(rows: 12, columns: 40, down: 3)) }
        first.send("g", "q", "Q")
        let saved = ReadingStateEndToEndTests.waitForState(home, containing: "mark a 3 ")
        #expect(saved.contains("mark a 3 "), "\(saved)")

        let second = TmuxSession(columns: size.columns, rows: size.rows, command: command)
        second.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.count > 2 }
        second.send("1")
        second.waitFor { $0.first?.hasSuffix("article 1/10") == true }
        second.send("'", "a")
        let jumped = second.waitFor { $0.first?.hasSuffix("article 4/10") == true && $0.count > 1 && $0[1] == top }
        #expect(jumped[1] == top)
        second.send("'", "'")
        let back = second.waitFor { $0.first?.hasSuffix("article 1/10") == true }
        #expect(back.first?.hasSuffix("article 1/10") == true)
    }
}
