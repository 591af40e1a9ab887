import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Bookmarks in tmux: set in one file, listed (with the date) while reading another, and
/// kept across restarts in the state directory's bookmark index.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct BookmarkEndToEndTests {
    @Test(arguments: [(80, 24), (40, 12)])
    func bookmarksOfTwoFilesAreListedTogether(size: (columns: Int, rows: Int)) {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home))") }
        let first = home + "/a.txt"
        let second = home + "/b.txt"
        ReaderBinary.writeFile(first, "## 甲一\n\n正文一\n\n## 甲二\n\n正文二\n")
        ReaderBinary.writeFile(second, "## 乙一\n\n内容\n")
        let today = TmuxSession.run("date -u +%F").output.trimmingCharacters(in: .whitespacesAndNewlines)

        let one = TmuxSession(
            columns: size.columns, rows: size.rows,
            command: ReadingStateEndToEndTests.command(stateHome: home, TmuxSession.quote(first)))
        one.waitFor { $0.first?.hasPrefix(" Reader | a.txt") == true }
        one.send("j", "*")
        let starred = one.waitFor { $0.count > 2 && $0[2].hasPrefix("▸ 2 *甲二") }
        // From 60 columns the row ends in the article's length and reading time.
        #expect(starred[2] == (size.columns >= 60 ? "▸ 2 *甲二" + String(repeating: " ", count: 61) + "5字 1 min" : "▸ 2 *甲二"))
        one.send("Q")
        let index = BookmarkEndToEndTests.waitForFile(home + "/reader/bookmarks", containing: "甲二")
        #expect(index.hasPrefix("reader-bookmarks 1\nbookmark "), "\(index)")

        let two = TmuxSession(
            columns: size.columns, rows: size.rows,
            command: ReadingStateEndToEndTests.command(stateHome: home, TmuxSession.quote(second)))
        two.waitFor { $0.first?.hasPrefix(" Reader | b.txt") == true }
        two.send("*", "B")
        let list = two.waitFor { screen in
            screen.contains { $0.contains("a.txt | 甲二") } && screen.contains { $0.contains("b.txt | 乙一") }
        }
        #expect(list.contains { $0.hasSuffix("\(today)  b.txt | 乙一") }, "\(list)")
        #expect(list.contains { $0.hasSuffix("\(today)  a.txt | 甲二") }, "\(list)")
        // Newest first (within one second, by issue name): choose a.txt's row.
        if !BookmarkEndToEndTests.isFirst("a.txt", before: "b.txt", in: list) { two.send("j") }
        // Enter opens a.txt (not open in this run) at its bookmarked article.
        two.send("Enter")
        let other = two.waitFor { $0.first?.hasPrefix(" Reader | a.txt") == true }
        #expect(other.first?.hasSuffix("article 2/2") == true, "\(other)")
        two.send("Q")
        _ = BookmarkEndToEndTests.waitForFile(home + "/reader/bookmarks", containing: "乙一")

        // The first file again: its star came back from its reading state, and the list has both.
        let three = TmuxSession(
            columns: size.columns, rows: size.rows,
            command: ReadingStateEndToEndTests.command(stateHome: home, TmuxSession.quote(first)))
        three.waitFor { $0.first?.hasPrefix(" Reader | a.txt") == true }
        three.send("B")
        let again = three.waitFor { screen in
            screen.contains { $0.contains("a.txt | 甲二") } && screen.contains { $0.contains("b.txt | 乙一") }
        }
        // a.txt opens where the second run left it: at the bookmarked article.
        #expect(again.first?.hasSuffix("article 2/2") == true, "\(again)")
        if !BookmarkEndToEndTests.isFirst("a.txt", before: "b.txt", in: again) { three.send("j") }
        three.send("Enter")
        let opened = three.waitFor { $0.first?.hasSuffix("article 2/2") == true }
        #expect(opened.first?.hasSuffix("article 2/2") == true, "\(opened)")
    }

    /// A bookmark set in issue A, in a run that only has issue B open: `B`, Enter opens A's
    /// file at the bookmarked article; once A's file is gone, the status line says so.
    @Test func aBookmarkOfAnIssueNotOpenOpensItsFile() {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home))") }
        let first = home + "/a.txt"
        let second = home + "/b.txt"
        ReaderBinary.writeFile(first, "## 甲一\n\n正文一\n\n## 甲二\n\n第二篇的正文。\n\n第二段。\n")
        ReaderBinary.writeFile(second, "## 乙一\n\n内容\n")
        let one = TmuxSession(command: ReadingStateEndToEndTests.command(stateHome: home, TmuxSession.quote(first)))
        one.waitFor { $0.first?.hasPrefix(" Reader | a.txt") == true }
        one.send("j", "*", "Q")
        _ = BookmarkEndToEndTests.waitForFile(home + "/reader/bookmarks", containing: "甲二")

        let two = TmuxSession(command: ReadingStateEndToEndTests.command(stateHome: home, TmuxSession.quote(second)))
        two.waitFor { $0.first?.hasPrefix(" Reader | b.txt") == true }
        two.send("B")
        two.waitFor { $0.contains { $0.hasSuffix("a.txt | 甲二") } }
        two.send("Enter")
        let opened = two.waitFor { $0.first?.hasPrefix(" Reader | a.txt") == true && $0.count == 24 && $0[5] != "" }
        #expect(opened == [
            " Reader | a.txt" + String(repeating: " ", count: 53) + "article 2/2",
            String(repeating: " ", count: 38) + "甲二",
            "",
            "     第二篇的正文。",
            "",
            "     第二段。",
        ] + Array(repeating: "", count: 17) + [
            String(repeating: " ", count: 25) + "100%  1 min left  q back  t sections  / search  ? help",
        ], "\(opened)")
        two.send("Q")
        two.waitFor { $0.isEmpty }  // the reader has ended (and saved)

        _ = TmuxSession.run("rm -f \(TmuxSession.quote(first))")
        let three = TmuxSession(command: ReadingStateEndToEndTests.command(stateHome: home, TmuxSession.quote(second)))
        three.waitFor { $0.first?.hasPrefix(" Reader | b.txt") == true }
        three.send("B")
        three.waitFor { $0.contains { $0.hasSuffix("a.txt | 甲二") } }
        three.send("Enter")
        let gone = three.waitFor { $0.last?.hasPrefix(" cannot open the bookmark") == true }
        #expect(gone.last == " cannot open the bookmark: a.txt: No such file or directory" + String(repeating: " ", count: 15) + "[1/1]", "\(gone)")
        #expect(gone.first?.hasPrefix(" Reader | b.txt") == true, "\(gone)")
        three.send("Q")
    }

    /// Whether the row naming `one` comes before the row naming `other`.
    static func isFirst(_ one: String, before other: String, in screen: [String]) -> Bool {
        (screen.firstIndex { $0.contains(one + " |") } ?? 0) < (screen.firstIndex { $0.contains(other + " |") } ?? 0)
    }

    /// Waits (up to 5 s) for `path` to contain `text`; returns what it holds.
    static func waitForFile(_ path: String, containing text: String) -> String {
        var contents = ReaderBinary.readFile(path)
        var waited = 0.0
        while !contents.contains(text), waited < 5 {
            usleep(50_000)
            waited += 0.05
            contents = ReaderBinary.readFile(path)
        }
        return contents
    }
}
