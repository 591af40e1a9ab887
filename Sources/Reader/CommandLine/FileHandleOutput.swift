import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to a file descriptor (standard output for --dump, standard error for messages).
final class FileHandleOutput {
    nonisolated(unsafe) static let standardOutput = FileHandleOutput(descriptor: STDOUT_FILENO)
    nonisolated(unsafe) static let standardError = FileHandleOutput(descriptor: STDERR_FILENO, unbuffered: true)

    private let descriptor: Int32
    private let unbuffered: Bool
    private var buffer: [UInt8] = []

    init(descriptor: Int32, unbuffered: Bool = false) {
        self.descriptor = descriptor
        self.unbuffered = unbuffered
    }

    /// Writes "reader: `message`" and a newline to standard error: the one way a message
    /// reaches stderr. The message goes through `SafeText` (whatever it quotes — a file
    /// name, a path from the environment, a state file's text — cannot send the terminal
    /// a control sequence or a bidi override, and stays on one line).
    static func warn(_ message: String) {
        standardError.write("reader: " + SafeText.sanitize(message) + "\n")
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if unbuffered || buffer.count >= 1 << 16 { flush() }
    }

    /// Writes bytes that are already UTF-8.
    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if unbuffered || buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var start = 0
        while start < buffer.count {
            let written = buffer[start...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break  // EPIPE and the like: the reader of the pipe has gone away.
            }
            start += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
