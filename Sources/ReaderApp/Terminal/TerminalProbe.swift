import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The start-up probe (ARCHITECTURE.md, "Terminal"): one East Asian Ambiguous character
/// printed at the top-left corner, a cursor-position request (`ESC [ 6 n`) and a
/// background-color request (OSC 11), answered within `timeoutMilliseconds` or not at
/// all. Runs once, in curses mode (the alternate screen), before the first frame.
enum TerminalProbe {
    static let timeoutMilliseconds: Int32 = 100

    /// The answers of the terminal that reads keys from `input`; empty ones when it
    /// does not answer in time.
    static func ask(input: Int32) -> TerminalReplies {
        // Background first: a terminal answers in order, so its OSC 11 reply (if any)
        // has come when the cursor report arrives.
        let query = Array("\u{1B}]11;?\u{1B}\\\u{1B}[H\u{201C}\u{1B}[6n".utf8)
        var answer = [CChar](repeating: 0, count: 256)
        let count = query.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                reader_probe_terminal(
                    input, chars.baseAddress, chars.count, &answer, Int32(answer.count), timeoutMilliseconds)
            }
        }
        let replies = TerminalReplies(answer.prefix(Int(max(0, count))).map { UInt8(bitPattern: $0) })
        // Keys typed meanwhile are read as keys after all (ungetch pushes to the front).
        for byte in replies.typedAhead.reversed() { ungetch(Int32(byte)) }
        return replies
    }
}
