import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to a file descriptor (standard output for --dump, standard error for messages).
package final class FileHandleOutput {
    /// Standard output: a write that fails ends the reader (`endAfterWriteFailure`).
    nonisolated(unsafe) package static let standardOutput = FileHandleOutput(descriptor: STDOUT_FILENO, endsOnFailure: true)
    nonisolated(unsafe) package static let standardError = FileHandleOutput(descriptor: STDERR_FILENO, unbuffered: true)

    /// sysexits.h EX_IOERR: standard output could not be written.
    package static let exitOutputError: Int32 = 74

    private let descriptor: Int32
    private let unbuffered: Bool
    private let endsOnFailure: Bool
    private var buffer: [UInt8] = []

    init(descriptor: Int32, unbuffered: Bool = false, endsOnFailure: Bool = false) {
        self.descriptor = descriptor
        self.unbuffered = unbuffered
        self.endsOnFailure = endsOnFailure
    }

    /// Writes "reader: `message`" and a newline to standard error: the one way a message
    /// reaches stderr. The message goes through `SafeText` (whatever it quotes — a file
    /// name, a path from the environment, a state file's text — cannot send the terminal
    /// a control sequence or a bidi override, and stays on one line).
    package static func warn(_ message: String) {
        standardError.write("reader: " + SafeText.sanitize(message) + "\n")
    }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if unbuffered || buffer.count >= 1 << 16 { flush() }
    }

    /// Writes bytes that are already UTF-8.
    package func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if unbuffered || buffer.count >= 1 << 16 { flush() }
    }

    package func flush() {
        var start = 0
        while start < buffer.count {
            let written = buffer[start...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                buffer.removeAll()
                if endsOnFailure { Self.endAfterWriteFailure(code) }
                return
            }
            start += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the process after a failed write to standard output, at once (the dump may be
    /// laying out on other threads; nothing is left to clean up in dump or list mode).
    /// A closed pipe (`reader --dump … | head`) ends it silently, as SIGPIPE does when it
    /// is not ignored; any other error (a full disk, /dev/full, EIO) is one line on
    /// standard error and exit 74.
    private static func endAfterWriteFailure(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            _exit(128 + SIGPIPE)
        }
        standardError.write("reader: standard output: \(IssueInput.errorText(code))\n")
        _exit(exitOutputError)
    }
}
