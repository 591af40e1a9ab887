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
/// or the input does. Asked to (`elideHugeLines`), the pieces of a regular file hold only
/// the ends of a huge line (`ArticlePieces+HugeLines.swift`).
public struct ArticlePieces: Sendable {
    /// A `read` that failed (its `errno`), or a piece past `maximumBytes`.
    public struct ReadFailure: Error, Equatable {
        public let code: Int32

        /// A piece (one article: no `## ` heading ends it) grew past `maximumBytes`.
        public static let pieceTooLarge = ReadFailure(code: EFBIG)
    }

    let descriptor: Int32
    let pieceBytes: Int
    /// The largest piece read: an input with no end and no heading (`yes 中文 |`) must
    /// not grow one piece without limit.
    private let maximumBytes: Int
    /// Bytes read after the last piece's end: the start of the next one.
    private var carried: [UInt8] = []
    var atEnd = false
    /// The file offset of the next byte to read (tracked only for a regular file).
    var filePosition = 0
    /// Lines over this many bytes are elided (`elideHugeLines`); nil: none is.
    private var hugeLineBound: Int?
    /// How many bytes of each end of an elided line a piece keeps.
    private(set) var keptLineEnd = ArticlePieces.keptLineEndBytes

    /// A piece, and the huge lines it holds only the ends of.
    public struct Piece: Sendable {
        public let bytes: SourceBytes
        /// Nil when the piece holds every line whole.
        public let elidedLines: ElidedLines?
    }

    /// Pieces of what `descriptor` holds, of about `pieceBytes` each, none over
    /// `maximumBytes` (`next` throws `pieceTooLarge` instead).
    public init(descriptor: Int32, pieceBytes: Int = 4 << 20, maximumBytes: Int = .max) {
        self.descriptor = descriptor
        self.pieceBytes = max(1, pieceBytes)
        self.maximumBytes = max(1, maximumBytes)
    }

    /// From the next piece on, a line over `bound` bytes is kept by its two ends, `kept`
    /// bytes each, when the input is a regular file (which `--dump` reads such a line
    /// from again, window by window). Only for issue text laid out without conversion or
    /// links: everything else reads a line's middle. Smaller bounds are for tests.
    public mutating func elideHugeLines(over bound: Int = ArticlePieces.hugeLineBytes,
                                        keeping kept: Int = ArticlePieces.keptLineEndBytes) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        let position = lseek(descriptor, 0, SEEK_CUR)
        guard position >= 0 else { return }
        filePosition = Int(position)
        keptLineEnd = max(512, kept)
        hugeLineBound = max(bound, 2 * keptLineEnd)
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
        filePosition += filled
        buffer.removeSubrange(filled...)
        carried = buffer
        return (buffer, atEnd)
    }

    /// The next piece: the whole articles after the previous piece (or, at the end of the
    /// input, everything left). Nil once the input is used up. (Use `nextPiece` once huge
    /// lines are elided.)
    public mutating func next() throws(ReadFailure) -> SourceBytes? {
        try nextPiece()?.bytes
    }

    /// The next piece, as `next`, with the huge lines it holds only the ends of.
    ///
    /// The piece is read into memory from `malloc` that grows with `realloc` (in place, for
    /// large sizes) and is handed to `SourceBytes` as it is: no copy of a piece is made.
    public mutating func nextPiece() throws(ReadFailure) -> Piece? {
        let fileStart = filePosition - carried.count
        let descriptor = descriptor
        var elided: [ElidedLines.Line] = []
        /// Bytes of the file left out of the piece so far.
        var elidedBytes = 0
        func piece(_ bytes: SourceBytes, count: Int) -> Piece {
            let lines = elided.isEmpty ? nil : ElidedLines(
                descriptor: descriptor, lines: elided, file: fileStart..<(fileStart + count + elidedBytes))
            return Piece(bytes: bytes, elidedLines: lines)
        }
        var buffer = PieceBuffer(holding: carried, capacity: carried.count + pieceBytes)
        carried = []
        /// The bytes looked at for a heading so far (`lastArticleStart`'s `oldCount`): the
        /// carried bytes start with the heading that ended the last piece.
        var searchedTo = buffer.count
        /// Where the piece last started to grow by doubling (after an elided line: again).
        var grownFrom = 0
        while true {
            if atEnd, buffer.count <= searchedTo {
                guard buffer.count > 0 else {
                    buffer.release()
                    return nil
                }
                return piece(buffer.bytes(upTo: buffer.count), count: buffer.count)
            }
            let oldCount = searchedTo
            if buffer.count >= maximumBytes {
                buffer.release()
                throw .pieceTooLarge
            }
            // A piece that holds no heading yet grows by doubling: one huge article is
            // read with a logarithmic number of `realloc`s.
            if !atEnd {
                let before = buffer.count
                do {
                    try buffer.fill(
                        from: descriptor, upTo: min(before + max(pieceBytes, before - grownFrom), maximumBytes))
                } catch {
                    buffer.release()
                    throw error
                }
                filePosition += buffer.count - before
                if buffer.reachedEnd { atEnd = true }
            }
            searchedTo = buffer.count
            if let cut = buffer.withBytes({ ArticlePieces.lastArticleStart(in: $0, newFrom: oldCount) }) {
                carried = buffer.withBytes { Array($0[cut...]) }
                return piece(buffer.bytes(upTo: cut), count: cut)
            }
            if let bound = hugeLineBound, !atEnd,
               let lineStart = buffer.withBytes({ Self.hugeLineStart(in: $0, over: bound, kept: keptLineEnd) }) {
                let line: ElidedLines.Line?
                do {
                    line = try elideLine(startingAt: lineStart, in: &buffer, fileStart: fileStart + lineStart + elidedBytes)
                } catch {
                    buffer.release()
                    throw error
                }
                if let line {
                    elided.append(line)
                    elidedBytes += line.length - line.piece.count
                }
                // The lines after the huge one are looked at for a heading next.
                searchedTo = lineStart + 2
                grownFrom = buffer.count
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
            filePosition += buffer.count - carried.count
            carried = buffer.withBytes { Array($0) }
            buffer.release()
        }
        return Array(carried.prefix(count))
    }

    /// A piece being read: memory from `malloc`, grown with `realloc`.
    struct PieceBuffer {
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

        /// Keeps the first `count` bytes (fewer than the buffer holds).
        mutating func truncate(to count: Int) {
            self.count = min(self.count, count)
        }

        /// Appends `bytes`.
        mutating func append(_ bytes: UnsafeRawBufferPointer) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            grow(to: max(capacity, count + bytes.count))
            guard let base, count + bytes.count <= capacity else { return }
            (base + count).copyMemory(from: source, byteCount: bytes.count)
            count += bytes.count
        }

        /// Appends `length` bytes of the regular file `descriptor` from `offset` on (a
        /// huge line read back whole); throws when the file no longer holds them.
        mutating func append(reading length: Int, from descriptor: Int32, at offset: Int) throws(ReadFailure) {
            grow(to: max(capacity, count + length))
            guard let base, count + length <= capacity else { throw ReadFailure(code: ENOMEM) }
            let read = try DescriptorReader.read(into: base + count, count: length, from: descriptor, at: offset)
            guard read == length else { throw ReadFailure(code: EIO) }
            count += length
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
