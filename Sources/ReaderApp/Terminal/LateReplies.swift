import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// A terminal that answers the start-up probe after its timeout (a slow link): the
/// answers arrive as keys. After an Escape, what follows it at once is looked at: a
/// cursor-position report (`ESC [ row ; column R`) or an OSC reply (`ESC ] … BEL` or
/// `ESC ] … ESC \`) is dropped; anything else is put back to be read as keys.
enum LateReplies {
    /// Reads what is waiting after an Escape; true when it was a late reply (dropped).
    static func skip() -> Bool {
        var read: [wint_t] = []
        var value: wint_t = 0
        // The input is in no-delay mode while `nextEvent` reads: ERR when nothing waits.
        while read.count < 64 {
            let kind = get_wch(&value)
            if kind == KEY_CODE_YES {
                // A function key (an arrow typed right after Esc): no reply; it is read next.
                ungetch(Int32(value))
                break
            }
            guard kind == OK else { break }
            read.append(value)
            if isReply(read) { return true }
            if !couldBeReply(read) { break }
        }
        for character in read.reversed() { unget_wch(wchar_t(bitPattern: UInt32(character))) }
        return false
    }

    /// The bytes after ESC form a whole reply.
    static func isReply(_ read: [wint_t]) -> Bool {
        guard let first = read.first, let last = read.last else { return false }
        if first == 0x5B {  // [
            return read.count >= 4 && last == 0x52 && read.dropFirst().dropLast().allSatisfy(isReportCharacter)
                && read.contains(0x3B)
        }
        if first == 0x5D {  // ]
            return last == 0x07 || (read.count >= 2 && last == 0x5C && read[read.count - 2] == 27)
        }
        return false
    }

    /// The bytes after ESC may still become a reply.
    static func couldBeReply(_ read: [wint_t]) -> Bool {
        guard let first = read.first else { return true }
        if first == 0x5B { return read.dropFirst().allSatisfy(isReportCharacter) }
        return first == 0x5D
    }

    private static func isReportCharacter(_ value: wint_t) -> Bool {
        (0x30...0x39).contains(value) || value == 0x3B
    }
}
