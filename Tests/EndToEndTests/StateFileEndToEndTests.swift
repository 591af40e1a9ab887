import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// State files the reader did not write as it writes them — a FIFO, a tampered file in a
/// state home whose name holds escape sequences —, an archive's quit, and settings files
/// that crashed the TOML reader, run in tmux.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct StateFileEndToEndTests {
    /// A shell in tmux, waiting at its `$ ` prompt.
    func shell(columns: Int = 80, rows: Int = 24) -> TmuxSession {
        let session = TmuxSession(columns: columns, rows: rows, command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        return session
    }

    /// Runs `reader ARGUMENTS` with XDG_STATE_HOME=`home` from the shell, stderr to `errors`.
    func startReader(_ arguments: String, home: String, errors: String, in session: TmuxSession) {
        session.type("env XDG_STATE_HOME=\(TmuxSession.quote(home)) \(TmuxSession.quote(TmuxSession.readerPath)) "
            + "\(arguments) 2>\(TmuxSession.quote(errors)); echo exit=$?")
        session.send("Enter")
    }

    /// The state file the reader uses for `path` under `home`.
    func stateFile(home: String, for path: String) -> String {
        let bytes = ReaderBinary.readBytes(path)
        let hash = bytes.withUnsafeBufferPointer { FNV1a.wordHash($0) }
        return StateStore(directory: home + "/reader").file(forPath: path, contentHash: hash)
    }

    /// The terminal after the reader: cooked, and the alternate screen off.
    func expectSaneTerminal(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(session.tmux("display-message -p '#{alternate_on}'").output == "0\n", sourceLocation: sourceLocation)
        session.type("echo sane=$(stty -a | tr ' ;' '\\n\\n' | grep -cxE 'icanon|echo|isig|icrnl|opost')")
        session.send("Enter")
        let screen = session.waitFor { $0.contains { $0.hasPrefix("sane=") } }
        #expect(screen.contains("sane=5"), "\(screen)", sourceLocation: sourceLocation)
    }

    /// A FIFO where the state file goes used to hang the reader before any screen: now
    /// the reader opens at once, with one warning.
    @Test func fifoAtTheStatePathDoesNotHang() {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home)) \(TmuxSession.quote(home)).err") }
        mkdir(home + "/reader", 0o700)
        let file = stateFile(home: home, for: TmuxSession.seedPath)
        #expect(mkfifo(file, 0o600) == 0)
        let session = shell()
        startReader(TmuxSession.quote(TmuxSession.seedPath), home: home, errors: home + ".err", in: session)
        let screen = session.waitFor {
            $0.first?.hasPrefix(" Reader | ") == true && $0.last?.hasPrefix(" cannot read the reading state ") == true
        }
        #expect(screen.last?.hasPrefix(" cannot read the reading state ") == true, "\(screen.last ?? "")")
        session.send("q")
        #expect(session.waitFor { $0.contains("exit=0") }.contains("exit=0"))
        #expect(ReaderBinary.readFile(home + ".err")
            == "reader: cannot read the reading state \(file): not a regular file; starting afresh\n")
        expectSaneTerminal(session)
    }

    /// A state home whose name holds an OSC sequence and a state file holding CSI and a
    /// bidi override: the warning on stderr and on the status line shows them as ^[ and
    /// U+FFFD (they used to reach the terminal raw).
    @Test func tamperedStateWarningIsSafeText() {
        let home = "/tmp/reader-osc-\(getpid())-\u{1B}]0;pwned\u{07}"
        let errors = "/tmp/reader-osc-\(getpid()).err"
        mkdir(home, 0o700)
        mkdir(home + "/reader", 0o700)
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home)) \(TmuxSession.quote(errors))") }
        let file = stateFile(home: home, for: TmuxSession.seedPath)
        ReaderBinary.writeFile(file, "reader-state 1\nhash \u{1B}[31m\u{202E}x\nend\n")
        let session = shell(columns: 200)
        startReader(TmuxSession.quote(TmuxSession.seedPath), home: home, errors: errors, in: session)
        let screen = session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.last?.contains("corrupt") == true }
        let shownFile = file.replacingOccurrences(of: "\u{1B}", with: "^[").replacingOccurrences(of: "\u{07}", with: "^G")
        #expect(shownFile.hasPrefix("/tmp/reader-osc-\(getpid())-^[]0;pwned^G/reader/"))
        let warning = "reading state \(shownFile) is corrupt (bad hash '^[[31m\u{FFFD}x'); starting afresh"
        #expect(screen.last?.hasPrefix(" " + warning + " ") == true, "\(screen.last ?? "")")
        session.send("q")
        #expect(session.waitFor { $0.contains("exit=0") }.contains("exit=0"))
        #expect(ReaderBinary.readFile(errors) == "reader: \(warning)\n")
        expectSaneTerminal(session)
    }

    /// Quitting an archive writes the state of the issues that changed only (it wrote and
    /// fsynced one per issue, 11.5 s for 20,000), and removes the temporary files that a
    /// `kill -9` during an earlier save left behind, once they are old.
    @Test func quittingAnArchiveWritesOnlyWhatChanged() {
        let home = ReadingStateEndToEndTests.makeStateHome()
        let archive = home + "-archive"
        mkdir(archive, 0o700)
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home)) \(TmuxSession.quote(archive)) \(home).err") }
        for number in 1...40 {
            ReaderBinary.writeFile(archive + "/issue-\(number + 100).txt", "## 第\(number)期\n\n正文\(number)。\n")
        }
        mkdir(home + "/reader", 0o700)
        let stale = home + "/reader/.0123456789abcdef0123456789abcdef.state.tmp-99999-1a2b"
        let fresh = home + "/reader/.fedcba9876543210fedcba9876543210.state.tmp-99998-3c4d"
        ReaderBinary.writeFile(stale, "reader-state 1\n")
        ReaderBinary.writeFile(fresh, "reader-state 1\n")
        _ = TmuxSession.run("touch -d '1 hour ago' \(TmuxSession.quote(stale))")
        let session = shell()
        startReader(TmuxSession.quote(archive), home: home, errors: home + ".err", in: session)
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        session.send("Down", "Enter")
        // The issue's article row, not only its bar: the files are read after the list
        // shows, and Enter before the text came would find no article to open.
        session.waitFor { $0.first?.hasPrefix(" Reader | issue-102.txt") == true && $0[1].hasPrefix("▸ 1 第2期") }
        session.send("Enter")
        session.waitFor { $0.first?.hasPrefix(" [1/1] 第2期") == true }
        session.send("Q")
        #expect(session.waitFor { $0.contains("exit=0") }.contains("exit=0"))
        let files = TmuxSession.run("ls -A \(TmuxSession.quote(home))/reader").output
        let issue = stateFile(home: home, for: archive + "/issue-102.txt")
        let expected = [String(issue.split(separator: "/").last ?? ""), ".fedcba9876543210fedcba9876543210.state.tmp-99998-3c4d"]
        #expect(files.split(separator: "\n").map(String.init).sorted() == expected.sorted())
        expectSaneTerminal(session)
    }

    /// A settings file that crashed the reader before its screen opened — a dotted key
    /// 30,000 levels deep (SIGSEGV, a multi-page backtrace, a 30 s wait) or a header
    /// `[重庆]` (SIGABRT in a debug build) — is now one warning, and the reader opens.
    @Test(arguments: [
        ("x" + String(repeating: ".a", count: 30_000) + " = 1\n",
         "more than 1000 dots, [ and { (tables nested that deep are not settings); the file is ignored, "
            + "using the default settings"),
        ("[重庆]\ntitle = \"red\"\n",
         "TOML syntax error: a table header must start with a key (ASCII letters, digits, _ or -, or a quoted key); "
            + "the file is ignored, using the default settings"),
    ])
    func settingsThatCrashedTheTOMLReader(text: String, warning: String) {
        let home = ReadingStateEndToEndTests.makeStateHome()
        defer { _ = TmuxSession.run("rm -rf \(TmuxSession.quote(home)) \(TmuxSession.quote(home)).err") }
        let config = home + "/config.toml"
        ReaderBinary.writeFile(config, text)
        let session = shell()
        startReader("--no-state --config \(TmuxSession.quote(config)) \(TmuxSession.quote(TmuxSession.seedPath))",
                    home: home, errors: home + ".err", in: session)
        let screen = session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        #expect(screen.first?.hasPrefix(" Reader | 000_87085fd43abf9c5f.txt") == true)
        session.send("q")
        #expect(session.waitFor { $0.contains("exit=0") }.contains("exit=0"))
        #expect(ReaderBinary.readFile(home + ".err") == "reader: \(config):1: \(warning)\n")
        expectSaneTerminal(session)
    }
}
