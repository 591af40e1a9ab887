import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reading state across runs of the real binary in tmux, with XDG_STATE_HOME in a
/// temporary directory.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ReadingStateEndToEndTests {
    /// A new empty state home.
    static func makeStateHome() -> String {
        let path = "/tmp/reader-state-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(path, 0o700)
        return path
    }

    static func command(stateHome: String, _ arguments: String = TmuxSession.quote(TmuxSession.seedPath)) -> String {
        "env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME=\(TmuxSession.quote(stateHome)) "
            + "\(TmuxSession.quote(TmuxSession.readerPath)) \(arguments)"
    }

    /// The text of every state file under `home`.
    static func stateFiles(_ home: String) -> String {
        TmuxSession.run("cat \(TmuxSession.quote(home))/reader/*.state 2>/dev/null").output
    }

    /// Waits (up to 5 s) for the state files to contain `text`.
    static func waitForState(_ home: String, containing text: String) -> String {
        var contents = stateFiles(home)
        var waited = 0.0
        while !contents.contains(text), waited < 5 {
            usleep(50_000)
            waited += 0.05
            contents = stateFiles(home)
        }
        return contents
    }

    @Test func reopeningReturnsToTheSameArticleAndTopLine() {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home))") }
        let first = TmuxSession(columns: 40, rows: 10, command: ReadingStateEndToEndTests.command(stateHome: home))
        first.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        first.send("4")
        first.waitFor { $0.first?.hasSuffix("article 4/10") == true }
        first.send("Down", "Down", "Down")
        let article = UIScreen.seedArticleFourTop(rows: 10, columns: 40, down: 3)
        let scrolled = first.waitFor { $0.count > 1 && $0[1] == article }
        #expect(scrolled[1] == article)
        first.send("Q")
        let saved = ReadingStateEndToEndTests.waitForState(home, containing: "screen article\narticle 3\n")
        #expect(saved.contains("screen article\narticle 3\n"), "\(saved)")
        #expect(saved.contains("read 3\n"))

        let second = TmuxSession(columns: 40, rows: 10, command: ReadingStateEndToEndTests.command(stateHome: home))
        let reopened = second.waitFor { $0 == scrolled }
        #expect(reopened == scrolled)
    }

    @Test func noStateNeitherReadsNorWrites() {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home))") }
        let command = ReadingStateEndToEndTests.command(
            stateHome: home, "--no-state " + TmuxSession.quote(TmuxSession.seedPath))
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type(command + "; echo exit=$?")
        session.send("Enter")
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        session.send("2", "Q")
        let done = session.waitFor { $0.contains("exit=0") }
        #expect(done.contains("exit=0"))
        #expect(TmuxSession.run("ls -A \(TmuxSession.quote(home))").output == "")
    }

    @Test func corruptStateIsAWarningAndTheReaderStarts() {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home))") }
        // Make the state once, then damage it.
        let first = TmuxSession(command: ReadingStateEndToEndTests.command(stateHome: home))
        first.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        first.send("2", "Q")
        _ = ReadingStateEndToEndTests.waitForState(home, containing: "article 1\n")
        _ = TmuxSession.run("for f in \(TmuxSession.quote(home))/reader/*.state; do printf 'reader-state 1\\nhash zz\\n' > \"$f\"; done")
        let second = TmuxSession(command: ReadingStateEndToEndTests.command(stateHome: home))
        let screen = second.waitFor { $0.last?.contains("is corrupt") == true }
        #expect(screen.first?.hasPrefix(" Reader | ") == true)
        #expect(screen.last?.hasPrefix(" reading state ") == true, "\(screen.last ?? "")")
    }
}

/// Expected screen lines, computed with ReaderCore.
enum UIScreen {
    /// Row 1 of the article view of seed article 4 after `down` lines of scrolling.
    static func seedArticleFourTop(rows: Int, columns: Int, down: Int) -> String {
        let layout = ArticleLayout(
            article: InteractiveReaderTests.seed.articles[3], in: InteractiveReaderTests.seed,
            width: columns - 2, style: .screen)
        return " " + layout.string(at: down)
    }
}

/// `reader DIR` in tmux: the issue list before any file is read, the counts as the files
/// are read, a binary file's row saying it is not text, and the files of subfolders.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ArchiveEndToEndTests {
    @Test func directoryOpensTheIssueList() {
        let directory = "/tmp/reader-archive-\(getpid())"
        mkdir(directory, 0o700)
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(directory)) \(TmuxSession.quote(directory)).err") }
        _ = TmuxSession.run("cp \(TmuxSession.quote(TmuxSession.seedPath)) \(directory)/2024-01-02.txt")
        ReaderBinary.writeFile(directory + "/2024-01-01.txt", "## 甲文章\n\n正文\n")
        ReaderBinary.writeFile(directory + "/.notes", "## 隐藏\n")
        _ = TmuxSession.run("head -c 4096 /dev/zero > \(directory)/picture.bin")
        let session = TmuxSession(columns: 60, rows: 8, command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type(TmuxSession.readerCommand(TmuxSession.quote(directory)) + " 2>\(directory).err; echo exit=$?")
        session.send("Enter")
        // The files are read after the list shows: waited for until every row has its counts.
        let rows = [
            "▸ 1 2024-01-01.txt                      1 article  1 unread",
            "  2 2024-01-02.txt                   10 articles  10 unread",
            "  3 picture.bin                             not a text file",
        ]
        let list = session.waitFor { $0.count > 3 && Array($0[1...3]) == rows }
        let name = "reader-archive-\(getpid())/"
        #expect(list[0].hasPrefix(" Reader | \(name)"))
        #expect(list[0].hasSuffix("3 issues"))
        #expect(Array(list[1...3]) == rows)
        session.send("G", "Enter")
        let refused = session.waitFor { $0.last?.hasPrefix(" picture.bin: not a text file") == true }
        #expect(refused.last == " picture.bin: not a text file (binary data, or no...  [3/3]")
        session.send("k", "Enter")
        let articles = session.waitFor { $0.first?.hasPrefix(" Reader | 2024-01-02.txt") == true }
        #expect(articles[0].hasSuffix("10 articles"))
        session.send("q", "q")
        let done = session.waitFor { $0.contains("exit=0") }
        #expect(done.contains("exit=0"))
        #expect(ReaderBinary.readFile(directory + ".err") == "")
    }

    /// A decade kept in year folders opens as one list, each issue named by its path
    /// below the directory (as `reader --search` walks it: a folder's files first).
    @Test func yearFoldersOpenAsOneList() {
        let directory = "/tmp/reader-years-\(getpid())"
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(directory))") }
        _ = TmuxSession.run("mkdir -p \(directory)/2015 \(directory)/2016 \(directory)/.hidden")
        ReaderBinary.writeFile(directory + "/2015/01-01.txt", "## 甲\n\n正文\n")
        ReaderBinary.writeFile(directory + "/2015/01-02.txt", "## 乙\n\n正文\n\n## 丙\n\n正文\n")
        ReaderBinary.writeFile(directory + "/2016/01-01.txt", "## 丁\n\n正文\n")
        ReaderBinary.writeFile(directory + "/.hidden/x.txt", "## 隐藏\n")
        ReaderBinary.writeFile(directory + "/notes.txt", "## 说明\n\n正文\n")
        ArchiveEndToEndTests.expectList(of: directory, "4 issues", [
            "▸ 1 notes.txt                           1 article  1 unread",
            "  2 2015/01-01.txt                      1 article  1 unread",
            "  3 2015/01-02.txt                     2 articles  2 unread",
            "  4 2016/01-01.txt                      1 article  1 unread",
        ])
    }

    /// The list's walk takes each entry's type from the directory and follows symbolic
    /// links as `reader --search` does: a link to a file or a folder is followed, a link
    /// to a folder above it is not walked again, a dangling link and a named pipe are
    /// left out.
    @Test func linksInAnArchiveAreFollowedAsTheSearchFollowsThem() {
        let directory = "/tmp/reader-links-\(getpid())"
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(directory))") }
        _ = TmuxSession.run("mkdir -p \(directory)/2015 && mkfifo \(directory)/pipe")
        ReaderBinary.writeFile(directory + "/2015/01-01.txt", "## 甲\n\n正文\n")
        symlink("2015/01-01.txt", directory + "/latest.txt")
        symlink("2015", directory + "/mirror")
        symlink("..", directory + "/2015/up")
        symlink("nowhere.txt", directory + "/broken.txt")
        ArchiveEndToEndTests.expectList(of: directory, "3 issues", [
            "▸ 1 latest.txt                          1 article  1 unread",
            "  2 2015/01-01.txt                      1 article  1 unread",
            "  3 mirror/01-01.txt                    1 article  1 unread",
            "",
        ])
    }

    /// `reader directory` (60×8) shows the title bar ending in `count` and the first four
    /// rows `rows` once every file was read; then quits.
    static func expectList(of directory: String, _ count: String, _ rows: [String]) {
        let session = TmuxSession(columns: 60, rows: 8, command: TmuxSession.readerCommand(TmuxSession.quote(directory)))
        let list = session.waitFor { $0.count > 4 && Array($0[1...4]) == rows && $0[0].hasSuffix(count) }
        #expect(list[0].hasSuffix(count))
        #expect(Array(list[1...4]) == rows)
        session.send("q")
    }
}
