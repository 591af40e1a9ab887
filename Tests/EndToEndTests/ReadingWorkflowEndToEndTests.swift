import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Links, save and pipe in the real reader (tmux), at 80×24 and 40×12: a `browser` script
/// that records its arguments, a hostile URL that must reach it as one argument and run
/// nothing else, a pipe into a file, and a save that never overwrites unasked.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ReadingWorkflowEndToEndTests {
    static let sizes = [(80, 24), (40, 12)]

    /// A fresh directory with the issue `text`, a config (`settings`, with `DIR` standing
    /// for the directory) and the argument-recording browser script `browser.sh`.
    static func workspace(_ text: String, settings: String) -> String {
        let directory = "/tmp/reader-workflow-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(directory, 0o700)
        mkdir(directory + "/reader", 0o700)
        ReaderBinary.writeFile(directory + "/issue.txt", text)
        ReaderBinary.writeFile(
            directory + "/reader/config.toml", settings.replacing("DIR", with: directory))
        ReaderBinary.writeFile(directory + "/browser.sh", """
            #!/bin/sh
            { printf '%s\\n' "$#"; for argument in "$@"; do printf '%s\\n' "$argument"; done; } >> '\(directory)/args.txt'

            """)
        chmod(directory + "/browser.sh", 0o755)
        return directory
    }

    static func session(_ directory: String, columns: Int, rows: Int) -> TmuxSession {
        TmuxSession(
            columns: columns, rows: rows,
            command: "cd \(TmuxSession.quote(directory)) && env XDG_CONFIG_HOME=\(TmuxSession.quote(directory)) "
                + TmuxSession.readerCommand("issue.txt"))
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    @Test(arguments: sizes)
    func aHostileURLReachesOnlyTheConfiguredBrowserAsOneArgument(columns: Int, rows: Int) {
        let placeholder = "DIR"
        let hostile = "https://example.com/a';touch${IFS}\(placeholder)/pwned1;'$(touch${IFS}\(placeholder)/pwned2)\"x"
        let text = """
            ## Links 链接

            危险 \(hostile) 结束。

            转义 https://evil.example/\u{1B}]8;;https://attacker.example/\u{07}点击\u{1B}]8;;\u{07} 结束。

            """
        let directory = Self.workspace(text.replacing(placeholder, with: "DIRECTORY"), settings: """
            browser = ["DIR/browser.sh"]
            hyperlinks = true

            """)
        let marker = hostile.replacing(placeholder, with: directory)
        // The document names the workspace only once it exists.
        ReaderBinary.writeFile(directory + "/issue.txt", text.replacing(placeholder, with: directory))
        defer { ConfigurationEndToEndTests.remove(directory) }
        let session = Self.session(directory, columns: columns, rows: rows)
        session.waitFor { $0.last?.contains("help") == true }
        // What the reader writes to the terminal, byte for byte.
        session.tmux("pipe-pane -o " + TmuxSession.quote("cat >> " + TmuxSession.quote(directory + "/output.bin")))
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/1") == true }
        // hyperlinks = true: each link is an OSC 8 hyperlink of the recognised URL; the file's
        // own OSC 8 (after ESC, shown as ^[) is never passed through.
        // (At 40×12 the second paragraph is below the screen.)
        // The id is the article and the link's byte offset in the file.
        let written = text.replacing(placeholder, with: directory)
        func id(_ link: String) -> String {
            let start = written.firstRange(of: link)?.lowerBound ?? written.endIndex
            return "reader-0-\(written.utf8.distance(from: written.startIndex, to: start))"
        }
        var expected = ["\u{1B}]8;id=\(id("https://example.com/a"));\(marker)\u{1B}\\"]
        if rows >= 24 { expected.append("\u{1B}]8;id=\(id("https://evil"));https://evil.example/\u{1B}\\") }
        var output = ""
        for _ in 0..<100 where !expected.allSatisfy(output.contains) {
            usleep(50_000)
            output = ReaderBinary.readFile(directory + "/output.bin")
        }
        for sequence in expected { #expect(output.contains(sequence)) }
        #expect(!output.contains("\u{1B}]8;;https://attacker"))
        #expect(!output.contains("\u{07}"))
        session.send("o")
        // The row checked, not only the header: the overlay's rows can come after it.
        let list = session.waitFor { $0.contains { $0.hasPrefix(" 1 https://example.com/a';touch") } }
        #expect(list.contains { $0.hasPrefix(" Links") })
        #expect(list.contains { $0.hasPrefix(" 1 https://example.com/a';touch") })
        session.send("1")
        let opened = session.waitFor { $0.last?.hasPrefix(" opened https://example.com/a';") == true }
        #expect(opened.first?.hasPrefix(" Reader | issue.txt") == true)
        #expect(ReaderBinary.readFile(directory + "/args.txt") == "1\n\(marker)\n")
        #expect(!Self.exists(directory + "/pwned1"))
        #expect(!Self.exists(directory + "/pwned2"))
        // The link before an escape sequence ends at the ESC: the file's OSC is text, never a link.
        session.send("o")
        session.waitFor { $0.contains { $0.hasPrefix(" Links") } }
        session.send("2")
        session.waitFor { $0.last?.hasPrefix(" opened https://evil.example/") == true }
        #expect(ReaderBinary.readFile(directory + "/args.txt") == "1\n\(marker)\n1\nhttps://evil.example/\n")
        session.send("q", "q")
    }

    static let exportIssue = """
        ## Save 保存

        第一段 first paragraph.

        ### 一节

        第二段。

        """

    static let exportedText = "Save 保存\n\n第一段 first paragraph.\n\n一节\n\n第二段。\n"
    static let exportedMarkdown = "# Save 保存\n\n第一段 first paragraph.\n\n## 一节\n\n第二段。\n"

    @Test(arguments: sizes)
    func pipeIntoAFile(columns: Int, rows: Int) {
        let directory = Self.workspace(Self.exportIssue, settings: "")
        defer { ConfigurationEndToEndTests.remove(directory) }
        let session = Self.session(directory, columns: columns, rows: rows)
        session.waitFor { $0.last?.contains("help") == true }
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/1") == true }
        session.send("|")
        session.type("cat > piped.txt")
        session.waitFor { $0.last?.hasPrefix("| cat > piped.txt") == true }
        session.send("Enter")
        let paused = session.waitFor { $0.joined().contains("press Enter to go back") }
        #expect(paused.joined().contains("[exit 0 - press Enter to go back"))
        session.send("Enter")
        let back = session.waitFor { $0.last?.hasPrefix(" | cat > piped.txt: exit 0") == true }
        #expect(back.last?.hasPrefix(" | cat > piped.txt: exit 0") == true)
        #expect(back.first?.hasPrefix(" Reader | issue.txt") == true)
        #expect(ReaderBinary.readFile(directory + "/piped.txt") == Self.exportedText)
        session.send("|")
        session.type("exit 3")
        session.send("Enter")
        session.waitFor { $0.joined().contains("press Enter to go back") }
        session.send("Enter")
        let failed = session.waitFor { $0.last?.hasPrefix(" | exit 3: exit 3") == true }
        #expect(failed.last?.hasPrefix(" | exit 3: exit 3") == true)
        // Ctrl-C stops the command, not the reader.
        session.send("|")
        session.type("echo started; sleep 30")
        session.send("Enter")
        session.waitFor { $0.contains("started") }
        session.send("C-c")
        session.waitFor { $0.joined().contains("press Enter to go back") }
        session.send("Enter")
        let interrupted = session.waitFor { $0.last?.hasPrefix(" | echo sta...ep 30: exit 130") == true }
        #expect(interrupted.last?.hasPrefix(" | echo sta...ep 30: exit 130") == true)
        #expect(interrupted.first?.hasPrefix(" Reader | issue.txt") == true)
        session.send("q", "q")
    }

    @Test(arguments: sizes)
    func saveNeverOverwritesWithoutAsking(columns: Int, rows: Int) {
        let directory = Self.workspace(Self.exportIssue, settings: "save_dir = \"DIR/saved\"\n")
        defer { ConfigurationEndToEndTests.remove(directory) }
        let saved = directory + "/saved/Save_保存.txt"
        let session = Self.session(directory, columns: columns, rows: rows)
        session.waitFor { $0.last?.contains("help") == true }
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/1") == true }
        session.send("s")
        let prompt = session.waitFor { $0.last?.hasPrefix("save as: ") == true }
        #expect(prompt.last?.contains("Save_保存.txt") == true)
        session.send("Enter")
        session.waitFor { $0.last?.hasPrefix(" saved to ") == true }
        #expect(ReaderBinary.readFile(saved) == Self.exportedText)
        // The file is there now: it is kept unless the answer is y.
        ReaderBinary.writeFile(saved, "kept\n")
        session.send("s")
        session.waitFor { $0.last?.hasPrefix("save as: ") == true }
        session.send("Enter")
        let question = session.waitFor { $0.last?.hasPrefix("exists, overwrite? (y/n) ") == true }
        #expect(question.last?.hasPrefix("exists, overwrite? (y/n) ") == true)
        session.send("n")
        session.waitFor { $0.last?.hasPrefix(" not saved") == true }
        #expect(ReaderBinary.readFile(saved) == "kept\n")
        session.send("s")
        session.waitFor { $0.last?.hasPrefix("save as: ") == true }
        session.send("Enter")
        session.waitFor { $0.last?.hasPrefix("exists, overwrite? (y/n) ") == true }
        session.send("y")
        session.waitFor { $0.last?.hasPrefix(" saved to ") == true }
        #expect(ReaderBinary.readFile(saved) == Self.exportedText)
        // A name ending .md is written as Markdown.
        session.send("s")
        session.waitFor { $0.last?.hasPrefix("save as: ") == true }
        session.send("BSpace", "BSpace", "BSpace")
        session.type("md")
        session.send("Enter")
        session.waitFor { $0.last?.hasPrefix(" saved to ") == true }
        #expect(ReaderBinary.readFile(directory + "/saved/Save_保存.md") == Self.exportedMarkdown)
        session.send("q", "q")
    }
}
