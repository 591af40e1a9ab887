import CNcurses
import FoundationEssentials
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Puts text on the clipboard for `Effect.copy`: through the terminal (OSC 52: works over
/// SSH, and in tmux with `set-clipboard on`), or with the configured `clipboard` program
/// (`wl-copy`, `xclip -selection clipboard`), run without a shell with the text on its
/// standard input. ARCHITECTURE.md, "Effects".
struct ClipboardCopy {
    /// The most text (UTF-8 bytes) sent as OSC 52: terminals drop larger sequences
    /// silently (xterm's default limit is about 1 MB; tmux passes 1 MiB of base64 and more).
    static let terminalLimit = 1 << 20
    /// The most text handed to a clipboard program.
    static let programLimit = 16 << 20
    /// How long a clipboard program may take (it gets a file, never a pipe that could fill).
    static let programTimeoutMilliseconds = 3000

    /// The `clipboard` setting: the program and its arguments, or nil for OSC 52.
    var command: [String]?

    /// Copies `text`; returns the status line's words.
    func copy(_ text: String, what: String) -> String {
        let bytes = text.utf8.count
        if let command, let program = command.first {
            guard bytes <= Self.programLimit else { return tooLarge(what, bytes: bytes, limit: Self.programLimit) }
            if let failure = run(program: program, arguments: command, input: text) {
                return "cannot copy: \(failure)"
            }
        } else {
            guard bytes <= Self.terminalLimit else { return tooLarge(what, bytes: bytes, limit: Self.terminalLimit) }
            let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{7}"
            var output = sequence
            output.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { reader_direct_text($0.baseAddress, $0.count) }
            }
            reader_direct_flush()
        }
        return ReaderState.copiedMessage(what, text: text)
    }

    /// "article too large to copy: 1.2 MiB (the terminal takes 1 MiB; set clipboard)".
    private func tooLarge(_ what: String, bytes: Int, limit: Int) -> String {
        "\(what) too large to copy: \(Self.size(bytes)) ("
            + (command == nil ? "the terminal takes \(Self.size(limit)); set clipboard)" : "at most \(Self.size(limit)))")
    }

    /// "1.5 MiB", "300 KiB".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = bytes * 10 / (1 << 20)
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        return "\((bytes + 1023) / 1024) KiB"
    }

    /// Runs `program` (looked up in PATH) with `arguments` (the first is its name) and
    /// `input` on standard input (an unlinked temporary file, so a program that does not
    /// read cannot block the reader), output to /dev/null; kills it after the timeout.
    /// Returns why it failed, or nil.
    private func run(program: String, arguments: [String], input: String) -> String? {
        let name = SafeText.sanitize(program)
        guard let file = tmpfile() else { return "no temporary file for \(name)" }
        defer { fclose(file) }
        let memory = fileno(file)
        var text = input
        let written = text.withUTF8 { ChildProcess.writeAll(UnsafeRawBufferPointer($0), to: memory) }
        guard written, lseek(memory, 0, SEEK_SET) == 0 else { return "cannot write the text for \(name)" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, memory, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let pid: pid_t
        switch ChildProcess.spawn(arguments, actions: &actions) {
        case .success(let started): pid = started
        case .failure(let error): return "cannot run \(name) (\(error.reason))"
        }
        var status: Int32 = 0
        var waited = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0, errno != EINTR { return "lost \(name)" }
            if waited >= Self.programTimeoutMilliseconds {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return "\(name) did not finish in \(Self.programTimeoutMilliseconds / 1000) s"
            }
            usleep(10_000)
            waited += 10
        }
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if !exited { return "\(name) was killed by signal \(status & 0x7F)" }
        return code == 0 ? nil : "\(name) exited with status \(code)"
    }
}
