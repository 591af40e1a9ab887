#if canImport(Glibc)
import Glibc
#endif

/// Reads an issue from a file descriptor in pieces that each hold whole articles, so that
/// `--dump` can lay out the first articles while the rest of the file is still being
/// read, and never holds more than a few pieces in memory.
///
/// A piece ends where a `## ` heading line starts (the next piece begins with it), so
/// its articles parse exactly as in the whole issue: the parser starts afresh at every
/// `## ` line, and page-break repair stays inside an article. Only the first piece can
/// hold a BOM or front matter. A piece grows past `pieceBytes` until a heading ends it,
/// or the input does.
public struct ArticlePieces: Sendable {
    /// A `read` that failed (its `errno`), or a piece past `maximumBytes`.
    public struct ReadFailure: Error, Equatable {
        public let code: Int32

        /// A piece (one article: no `## ` heading ends it) grew past `maximumBytes`.
        public static let pieceTooLarge = ReadFailure(code: EFBIG)
    }

    private let descriptor: Int32
    private let pieceBytes: Int
    /// The largest piece read: an input with no end and no heading (`yes 中文 |`) must
    /// not grow one piece without limit.
    private let maximumBytes: Int
    /// Bytes read after the last piece's end: the start of the next one.
    private var carried: [UInt8] = []
    private var atEnd = false

    /// Pieces of what `descriptor` holds, of about `pieceBytes` each, none over
    /// `maximumBytes` (`next` throws `pieceTooLarge` instead).
    public init(descriptor: Int32, pieceBytes: Int = 4 << 20, maximumBytes: Int = .max) {
        self.descriptor = descriptor
        self.pieceBytes = max(1, pieceBytes)
        self.maximumBytes = max(1, maximumBytes)
    }

    /// Reads the first `count` bytes of the input (fewer if it ends before) and returns
    /// them, without taking them from the pieces: the first piece starts with them. Called
    /// before `next`, it tells whether the input is text before a piece is read (a piece
    /// of an input with no heading would be read to the end of the input first).
    public mutating func readSample(_ count: Int) throws(ReadFailure) -> (bytes: [UInt8], isWhole: Bool) {
        var buffer = [UInt8](repeating: 0, count: count)
        let descriptor = descriptor
        let (filled, reachedEnd) = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(ReadFailure) in
                guard let base = bytes.baseAddress else { return (0, false) }
                return try DescriptorReader.read(into: base, count: count, from: descriptor)
            }
        }.get()
        if reachedEnd { atEnd = true }
        buffer.removeSubrange(filled...)
        carried = buffer
        return (buffer, atEnd)
    }

    /// The next piece: the whole articles after the previous piece (or, at the end of the
    /// input, everything left). Nil once the input is used up.
    ///
    /// The piece is read into memory from `malloc` that grows with `realloc` (in place, for
    /// large sizes) and is handed to `SourceBytes` as it is: no copy of a piece is made.
    public mutating func next() throws(ReadFailure) -> SourceBytes? {
        var buffer = PieceBuffer(holding: carried, capacity: carried.count + pieceBytes)
        carried = []
        while true {
            if atEnd {
                guard buffer.count > 0 else {
                    buffer.release()
                    return nil
                }
                return buffer.bytes(upTo: buffer.count)
            }
            let oldCount = buffer.count
            if oldCount >= maximumBytes {
                buffer.release()
                throw .pieceTooLarge
            }
            // A piece that holds no heading yet grows by doubling: one huge article is
            // read with a logarithmic number of `realloc`s.
            do {
                try buffer.fill(from: descriptor, upTo: min(oldCount + max(pieceBytes, oldCount), maximumBytes))
            } catch {
                buffer.release()
                throw error
            }
            if buffer.reachedEnd { atEnd = true }
            if let cut = buffer.withBytes({ ArticlePieces.lastArticleStart(in: $0, newFrom: oldCount) }) {
                carried = buffer.withBytes { Array($0[cut...]) }
                return buffer.bytes(upTo: cut)
            }
        }
    }

    /// The next `count` bytes after the last piece (fewer at the end of the input), read
    /// now if they are not read yet; they stay the start of the next piece. With the first
    /// piece, the sample that decides page-break repair for the whole input (`StreamingDump`).
    mutating func readAhead(atLeast count: Int) throws(ReadFailure) -> [UInt8] {
        if carried.count < count, !atEnd {
            var buffer = PieceBuffer(holding: carried, capacity: count)
            do {
                try buffer.fill(from: descriptor, upTo: count)
            } catch {
                buffer.release()
                throw error
            }
            if buffer.reachedEnd { atEnd = true }
            carried = buffer.withBytes { Array($0) }
            buffer.release()
        }
        return Array(carried.prefix(count))
    }

    /// A piece being read: memory from `malloc`, grown with `realloc`.
    private struct PieceBuffer {
        private(set) var base: UnsafeMutableRawPointer?
        private(set) var count = 0
        private var capacity = 0
        private(set) var reachedEnd = false

        init(holding bytes: [UInt8], capacity: Int) {
            grow(to: max(1, capacity))
            bytes.withUnsafeBytes { bytes in
                guard let base, let source = bytes.baseAddress else { return }
                base.copyMemory(from: source, byteCount: bytes.count)
            }
            count = bytes.count
        }

        private mutating func grow(to size: Int) {
            guard size > capacity, let grown = realloc(base, size) else { return }
            base = grown
            capacity = size
        }

        /// Reads from `descriptor` until the buffer holds `limit` bytes or the input ends.
        mutating func fill(from descriptor: Int32, upTo limit: Int) throws(ReadFailure) {
            grow(to: limit)
            guard let base, count < min(limit, capacity) else { return }
            let (read, ended) = try DescriptorReader.read(
                into: base + count, count: min(limit, capacity) - count, from: descriptor)
            count += read
            if ended { reachedEnd = true }
        }

        /// Calls `body` with the bytes read so far.
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            body(UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count))
        }

        /// The first `end` bytes as `SourceBytes`, which takes the memory over.
        func bytes(upTo end: Int) -> SourceBytes {
            guard let base else { return SourceBytes([]) }
            return SourceBytes(adoptingMalloced: base, count: end)
        }

        /// Frees the memory (when no piece is made of it).
        func release() {
            free(base)
        }
    }

    /// The offset of the last `## ` heading line in `buffer`, other than at offset 0.
    /// The heading's `##` and the byte after it must be in the buffer, so that a `###`
    /// cut short is never taken for `##`. Lines that started before `oldCount - 2` were
    /// looked at when the buffer held `oldCount` bytes, and are not looked at again.
    static func lastArticleStart(in bytes: UnsafeBufferPointer<UInt8>, newFrom oldCount: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let firstUndecided = max(1, oldCount - 2)
        var end = bytes.count
        while end > 0 {
            guard let found = systemMemrchr(base, 0x0A, end) else { return nil }
            let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let lineStart = newline + 1
            if lineStart < firstUndecided { return nil }
            if lineStart + 2 < bytes.count, IssueScanner.headingLevel(at: lineStart, in: bytes, limit: bytes.count) == 2 {
                return lineStart
            }
            end = newline
        }
        return nil
    }

    /// `lastArticleStart(in:newFrom:)` of an array.
    static func lastArticleStart(in bytes: [UInt8], newFrom oldCount: Int) -> Int? {
        bytes.withUnsafeBufferPointer { lastArticleStart(in: $0, newFrom: oldCount) }
    }
}

/// glibc's `memrchr` (a GNU extension the Glibc module does not import).
@_silgen_name("memrchr")
func systemMemrchr(_ buffer: UnsafeRawPointer?, _ byte: Int32, _ length: Int) -> UnsafeMutableRawPointer?
