import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Runs another program with the terminal handed over to it (ARCHITECTURE.md, "Effects"):
/// the screen is put back to how the shell had it (`TerminalScreen.handOver`), the program
/// runs in the foreground with the terminal as its input and output, and Reader waits for it.
///
/// The program is started by `ChildProcess` from an argument vector, never through a
/// shell (the pipe command the user typed is the one that asks for `/bin/sh -c` itself).
enum ExternalProgram {
    /// How a program ended: its exit status, or 128 + the signal that ended it.
    struct Outcome: Equatable {
        var status: Int32
    }

    struct Failure: Error {
        /// What went wrong, for the status bar ("cannot run w3m: No such file or directory").
        let message: String
    }

    /// Runs `arguments` (the first looked up in `PATH`) with the terminal handed over and
    /// waits for it. `input`, when given, is written to its standard input through a pipe;
    /// otherwise its standard input is the terminal. With `pauseAfter`, Reader asks for
    /// Enter before taking the terminal back (so that the program's output can be read).
    static func run(
        _ arguments: [String], input: [UInt8]? = nil, pauseAfter: Bool = false, screen: TerminalScreen
    ) -> Result<Outcome, Failure> {
        guard let program = arguments.first, !program.isEmpty else {
            return .failure(Failure(message: "no program to run"))
        }
        return screen.handOver {
            let result = spawnAndWait(arguments, input: input)
            // Before the pause: waiting for Enter lets the quit signals in.
            discardInterrupts()
            if pauseAfter, case .success(let outcome) = result {
                waitForEnter(status: outcome.status, screen: screen)
            }
            return result
        }
    }

    private static func spawnAndWait(_ arguments: [String], input: [UInt8]?) -> Result<Outcome, Failure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if input != nil {
            guard pipe2(&pipeEnds, O_CLOEXEC) == 0 else {
                return .failure(Failure(message: "cannot make a pipe: \(reason(errno))"))
            }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], STDIN_FILENO)
        } else if isatty(STDIN_FILENO) == 0 {
            // The issue came on standard input: the program reads the terminal instead.
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/tty", O_RDONLY, 0)
        }

        let spawned = ChildProcess.spawn(arguments, actions: &actions)
        if input != nil { close(pipeEnds[0]) }
        let pid: pid_t
        switch spawned {
        case .success(let started): pid = started
        case .failure(let error):
            if input != nil { close(pipeEnds[1]) }
            return .failure(Failure(message: "cannot run \(arguments[0]): \(error.reason)"))
        }
        if let input {
            writeAll(input, to: pipeEnds[1])
            close(pipeEnds[1])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .failure(Failure(message: "lost \(arguments[0]): \(reason(errno))")) }
        }
        return .success(Outcome(status: ChildProcess.exitStatus(status)))
    }

    /// Writes `bytes` to `descriptor`, stopping early when the reader of the pipe is gone
    /// (`SIGPIPE` is ignored meanwhile: a program that reads only part of the text, such
    /// as `head`, must not end Reader).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var previous = sigaction()
        sigaction(SIGPIPE, &ignore, &previous)
        defer { sigaction(SIGPIPE, &previous, nil) }
        _ = bytes.withUnsafeBytes { ChildProcess.writeAll($0, to: descriptor) }
    }

    /// "exit 0 - press Enter to go back to Reader", then waits for Enter on the terminal
    /// (or for a quit signal).
    private static func waitForEnter(status: Int32, screen: TerminalScreen) {
        let note = "\r\n[exit \(status) - press Enter to go back to Reader]"
        _ = note.utf8CString.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count - 1) }
        let descriptor = screen.keyDescriptor
        var byte: UInt8 = 0
        while screen.receivedSignal == 0 {
            if reader_wait_for_input(descriptor, -1) == 0 { continue }
            var wanted = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&wanted, 1, 0) <= 0 { continue }  // woken by a resize, not a key
            let count = read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 || byte == 0x0A || byte == 0x0D { return }
        }
    }

    /// Drops the Ctrl-C and Ctrl-\ meant for the program (they reach every process in the
    /// terminal's foreground group): they do not end Reader, as with `system`.
    private static func discardInterrupts() {
        var interrupts = sigset_t()
        sigemptyset(&interrupts)
        sigaddset(&interrupts, SIGINT)
        sigaddset(&interrupts, SIGQUIT)
        var now = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&interrupts, nil, &now) > 0 {}
    }

    /// The system's words for `errno` value `code` (as `ChildProcess` gives them).
    private static func reason(_ code: Int32) -> String {
        ChildProcess.SpawnError(number: code).reason
    }
}
