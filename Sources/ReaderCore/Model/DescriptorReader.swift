#if canImport(Glibc)
import Glibc
#endif

/// The one loop that reads a file descriptor (ARCHITECTURE.md, "Input checks and limits"):
/// `ArticlePieces` (its sample and its pieces) and the executable's `IssueInput` all read
/// through it, so the rule lives here once — a read interrupted by a signal (`EINTR`) is
/// made again, a read of 0 bytes is the end of the input, any other failure is reported
/// with its `errno`.
public enum DescriptorReader {
    /// Reads from `descriptor` into `buffer` until it holds `count` bytes or the input
    /// ends. Returns how many bytes were read and whether the input ended (a read gave 0
    /// bytes) before `count`; throws the `errno` of a failed read.
    public static func read(
        into buffer: UnsafeMutableRawPointer, count: Int, from descriptor: Int32
    ) throws(ArticlePieces.ReadFailure) -> (count: Int, reachedEnd: Bool) {
        var filled = 0
        while filled < count {
            let read = Glibc.read(descriptor, buffer + filled, count - filled)
            if read < 0 {
                if errno == EINTR { continue }
                throw ArticlePieces.ReadFailure(code: errno)
            }
            if read == 0 { return (filled, true) }
            filled += read
        }
        return (filled, false)
    }

    /// Reads `count` bytes of the regular file `descriptor` from `offset` on (`pread`: the
    /// file position stays) into `buffer`; returns how many were read (fewer when the file
    /// ends first); throws the `errno` of a failed read. A huge line is read again so
    /// (`ElidedLines`).
    static func read(
        into buffer: UnsafeMutableRawPointer, count: Int, from descriptor: Int32, at offset: Int
    ) throws(ArticlePieces.ReadFailure) -> Int {
        var filled = 0
        while filled < count {
            let read = pread(descriptor, buffer + filled, count - filled, off_t(offset + filled))
            if read < 0 {
                if errno == EINTR { continue }
                throw ArticlePieces.ReadFailure(code: errno)
            }
            if read == 0 { return filled }
            filled += read
        }
        return filled
    }
}
