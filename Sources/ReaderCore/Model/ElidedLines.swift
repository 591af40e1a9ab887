#if canImport(Glibc)
import Glibc
#endif

/// The huge lines a piece of a regular file holds only the two ends of
/// (`ArticlePieces.hugeLineBytes`; ARCHITECTURE.md, "Huge paragraphs"): the piece keeps a
/// line's first and last `ArticlePieces.keptLineEndBytes`, which parse as the whole line
/// does, and `--dump` reads the line itself from the file, window by window, when it lays
/// its paragraph out (`DumpWriter`). Shared by the threads that lay out a piece.
public final class ElidedLines: Sendable {
    /// One line: where its two ends stand in the piece, where the whole line is in the file.
    struct Line: Equatable {
        /// The line's kept first and last bytes, one after the other in the piece.
        let piece: Range<Int>
        /// The file offset of the line's first byte.
        let fileStart: Int
        /// The whole line's length in bytes (no line end).
        let length: Int
    }

    /// The regular file the piece was read from (read with `pread`, never moved).
    let descriptor: Int32
    /// The lines, in order.
    let lines: [Line]
    /// The bytes of the file the whole piece stands for.
    let file: Range<Int>
    /// Set when a line could not be read back whole (the file was cut short or failed
    /// meanwhile): its missing bytes were laid out as spaces, and the dump reports an error.
    private let failure = Locked<ArticlePieces.ReadFailure?>(nil)

    init(descriptor: Int32, lines: [Line], file: Range<Int>) {
        self.descriptor = descriptor
        self.lines = lines
        self.file = file
    }

    /// The elided line whose kept ends hold `range` (a paragraph line: a line's content).
    func line(holding range: Range<Int>) -> Line? {
        lines.first { $0.piece.lowerBound <= range.lowerBound && range.upperBound <= $0.piece.upperBound }
    }

    /// Whether `range` of the piece touches an elided line.
    func touches(_ range: Range<Int>) -> Bool {
        lines.contains { $0.piece.overlaps(range) }
    }

    /// The file range of the content `range` (a range of the piece within `line.piece`):
    /// its start as far into the line's first bytes, its end as far from the line's end.
    func fileRange(of range: Range<Int>, in line: Line) -> Range<Int> {
        (line.fileStart + range.lowerBound - line.piece.lowerBound)
            ..< (line.fileStart + line.length - (line.piece.upperBound - range.upperBound))
    }

    /// The first failed read of a line (nil when every line read whole).
    var readFailure: ArticlePieces.ReadFailure? { failure.withLock { $0 } }

    func recordFailure(_ code: ArticlePieces.ReadFailure) {
        failure.withLock { if $0 == nil { $0 = code } }
    }

    /// The whole piece, every line whole, read again from the file: for a piece whose
    /// elided line `--dump` cannot lay out from the file (page-break repair joined it to
    /// another paragraph). Throws when the file no longer holds it all.
    func wholePiece() throws(ArticlePieces.ReadFailure) -> SourceBytes {
        let count = file.count
        guard let base = malloc(max(1, count)) else { throw ArticlePieces.ReadFailure(code: ENOMEM) }
        do throws(ArticlePieces.ReadFailure) {
            let read = try DescriptorReader.read(into: base, count: count, from: descriptor, at: file.lowerBound)
            guard read == count else { throw ArticlePieces.ReadFailure(code: EIO) }
        } catch {
            free(base)
            throw error
        }
        return SourceBytes(adoptingMalloced: base, count: count)
    }
}

/// Reads ranges of one elided line from its file into one buffer, reused: the bytes a
/// window of `WindowedWrap` decodes.
final class ElidedLineReader {
    private let lines: ElidedLines
    /// The file range of the line's content.
    let file: Range<Int>
    private var buffer: UnsafeMutableRawPointer?
    private var capacity = 0

    init(_ lines: ElidedLines, file: Range<Int>) {
        self.lines = lines
        self.file = file
    }

    deinit {
        free(buffer)
    }

    /// The bytes of `range` of the line (offsets from its start), valid until the next call.
    /// Bytes the file no longer holds are spaces (and recorded as a failure).
    func read(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        let count = range.count
        if count > capacity, let grown = realloc(buffer, count) {
            buffer = grown
            capacity = count
        }
        guard let buffer, count <= capacity else { return UnsafeBufferPointer(start: nil, count: 0) }
        var filled = 0
        do {
            filled = try DescriptorReader.read(into: buffer, count: count, from: lines.descriptor,
                                               at: file.lowerBound + range.lowerBound)
        } catch {
            lines.recordFailure(error)
        }
        if filled < count {
            memset(buffer + filled, 0x20, count - filled)
            lines.recordFailure(ArticlePieces.ReadFailure(code: EIO))
        }
        return UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count)
    }
}
