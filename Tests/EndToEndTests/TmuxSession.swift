import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server with one window, driven like a person at a terminal:
/// `send`, `type`, then `waitFor` the screen (`capture-pane`) to show something.
final class TmuxSession {
    /// Whether tmux is installed (the tests are skipped without it).
    static let isAvailable = run("command -v tmux >/dev/null 2>&1").status == 0

    static let packageRoot = ReaderBinary.packageRoot

    /// $READER_BINARY (set by `make test`), else the debug build.
    static let readerPath = ReaderBinary.path

    static let seedName = "000_87085fd43abf9c5f.txt"
    static let seedPath = packageRoot + "/seeds/" + seedName

    let socket: String
    private(set) var columns: Int

    /// Starts a detached session of `columns`×`rows` running `command` (through the shell).
    init(columns: Int = 80, rows: Int = 24, command: String) {
        socket = "reader-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.columns = columns
        tmux("-f /dev/null new-session -d -x \(columns) -y \(rows) \(TmuxSession.quote(command))")
    }

    deinit {
        tmux("kill-server")
    }

    /// `env LANG=C.UTF-8 TERM=xterm-256color <reader> --no-state <arguments>`: without a
    /// reading state, so that runs do not depend on each other or on the user's state.
    static func readerCommand(_ arguments: String = quote(seedPath)) -> String {
        "env LANG=C.UTF-8 TERM=xterm-256color \(quote(readerPath)) --no-state \(arguments)"
    }

    /// A POSIX shell with a plain prompt, for tests that look at the terminal afterwards.
    static let shellCommand = "env LANG=C.UTF-8 TERM=xterm-256color PS1='$ ' /bin/sh"

    /// Sends tmux key names (`Down`, `Enter`, `Escape`, `q`).
    func send(_ keys: String...) {
        tmux("send-keys " + keys.map(TmuxSession.quote).joined(separator: " "))
    }

    /// Types `text` literally (UTF-8, so CJK works).
    func type(_ text: String) {
        tmux("send-keys -l " + TmuxSession.quote(text))
    }

    func resize(columns: Int) {
        self.columns = columns
        tmux("resize-window -x \(columns)")
    }

    /// The screen, one string per row, trailing spaces trimmed.
    func capture() -> [String] {
        let output = tmux("capture-pane -p").output
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// Polls the screen until `condition` holds (up to `timeout` seconds); returns the
    /// last screen either way, so a failing expectation shows what was there.
    @discardableResult
    func waitFor(timeout: Double = 5, _ condition: ([String]) -> Bool) -> [String] {
        var screen = capture()
        var waited = 0.0
        while !condition(screen), waited < timeout {
            usleep(50_000)
            waited += 0.05
            screen = capture()
        }
        return screen
    }

    @discardableResult
    func tmux(_ arguments: String) -> (status: Int32, output: String) {
        TmuxSession.run("tmux -u -L \(socket) \(arguments) 2>/dev/null")
    }

    /// Runs `command` with /bin/sh; returns its exit status and standard output.
    @discardableResult
    static func run(_ command: String) -> (status: Int32, output: String) {
        guard let pipe = popen(command, "r") else { return (-1, "") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        let status = pclose(pipe)
        return ((status >> 8) & 0xFF, String(decoding: bytes, as: UTF8.self))
    }

    /// `text` in single quotes for the shell.
    static func quote(_ text: String) -> String {
        var result = "'"
        for character in text {
            if character == "'" { result += "'\\''" } else { result.append(character) }
        }
        return result + "'"
    }
}
