import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A FIFO with no writer yet, or a slow pipe: the reader says what it waits for (it
/// showed nothing), then opens on the issue once it comes, and leaves the terminal sane.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct WaitingInputTests {
    @Test func aFIFOWithNoWriterSaysItWaits() {
        let fifo = "/tmp/reader-fifo-\(getpid())"
        mkfifo(fifo, 0o600)
        defer { unlink(fifo) }
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type(TmuxSession.readerCommand(fifo) + "; echo exit=$?")
        session.send("Enter")
        let waiting = session.waitFor { $0.contains("reader: waiting for reader-fifo-\(getpid())… (Ctrl-C to stop)") }
        #expect(waiting.contains("reader: waiting for reader-fifo-\(getpid())… (Ctrl-C to stop)"))
        TmuxSession.run("cat \(TmuxSession.quote(TmuxSession.seedPath)) > \(fifo)")
        let list = session.waitFor { $0.first?.hasPrefix(" Reader | reader-fifo") == true }
        #expect(list[0].hasSuffix("10 articles"))
        session.send("q")
        session.waitFor { $0.contains("exit=0") }
        session.type("stty -a; echo status=$?")
        session.send("Enter")
        InteractiveReaderTests().expectSaneTerminal(session.waitFor { $0.contains("status=0") })
    }

    @Test func aSlowPipeSaysItWaits() {
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type("{ sleep 1; cat \(TmuxSession.quote(TmuxSession.seedPath)); } | "
            + TmuxSession.readerCommand("-") + "; echo exit=$?")
        session.send("Enter")
        let waiting = session.waitFor { $0.contains("reader: waiting for stdin… (Ctrl-C to stop)") }
        #expect(waiting.contains("reader: waiting for stdin… (Ctrl-C to stop)"))
        let list = session.waitFor { $0.first?.hasPrefix(" Reader | stdin") == true }
        #expect(list[0].hasSuffix("10 articles"))
        session.send("q")
        session.waitFor { $0.contains("exit=0") }
    }

    /// Endless standard input in the interactive reader: the first 64 MiB, and the status
    /// bar says so (it read without end); the terminal is sane after.
    @Test func endlessStandardInputShowsTheFirst64MiB() {
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type("yes 中文 | (ulimit -v 2097152; exec \(TmuxSession.readerCommand("-"))); echo exit=$?")
        session.send("Enter")
        let list = session.waitFor(timeout: 60) { $0.first?.hasPrefix(" Reader | stdin") == true }
        #expect(list[0].hasSuffix(" 1 article"))
        #expect(list[1].hasPrefix("▸ 1 (front matter)  "), "\(list[1])")
        #expect(list[23].hasPrefix(" stdin: only the first 64 MiB are shown "))
        session.send("q")
        session.waitFor { $0.contains("exit=0") }
        session.type("stty -a; echo status=$?")
        session.send("Enter")
        InteractiveReaderTests().expectSaneTerminal(session.waitFor { $0.contains("status=0") })
    }
}
