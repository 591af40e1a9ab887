#if canImport(Glibc)
import Glibc
#endif

/// Huge lines of a regular file read for `--dump` (ARCHITECTURE.md, "Huge paragraphs"):
/// a line over `hugeLineBytes` is read to its end keeping only its first and last
/// `keptLineEndBytes`, so that a piece never holds such a line whole (`ElidedLines`).
///
/// The two ends parse as the whole line: a line ends at its first CR or LF, so the bytes
/// left out hold neither; the line's first bytes hold paragraph text (no heading, no blank
/// line) with at least `PageBreakRepair.minimumCutScalars` non-space scalars, and its last
/// bytes end in text, so the paragraph's trimmed content starts and ends in the kept bytes;
/// and page-break repair reads a paragraph's first and last few dozen scalars, the kept
/// bytes. A line whose ends do not qualify is read whole, as before.
extension ArticlePieces {
    /// A line longer than this is kept only by its two ends (when the pieces elide lines).
    public static let hugeLineBytes = 4 << 20
    /// How many bytes of each end of a huge line a piece keeps: as many as decide
    /// page-break repair (`PageBreakRepair.sampleBytes`), so the first piece's sample is
    /// always the input's own first bytes.
    public static let keptLineEndBytes = PageBreakRepair.sampleBytes
    /// The bytes read at once while a huge line is read through.
    static let lineChunkBytes = 1 << 20

    /// Where the last line of `buffer` starts, when it is a line over `bound` bytes whose
    /// first `kept` bytes qualify it for eliding; nil otherwise.
    static func hugeLineStart(in buffer: UnsafeBufferPointer<UInt8>, over bound: Int, kept: Int) -> Int? {
        guard let base = buffer.baseAddress, buffer.count > bound else { return nil }
        let searched = buffer.count
        var lineStart = 0
        if let newline = systemMemrchr(base, 0x0A, searched) {
            lineStart = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        if lineStart < searched, let carriageReturn = systemMemrchr(base + lineStart, 0x0D, searched - lineStart) {
            lineStart = base.distance(to: carriageReturn.assumingMemoryBound(to: UInt8.self)) + 1
        }
        guard searched - lineStart > max(bound, 2 * kept) else { return nil }
        let head = lineStart..<(lineStart + kept)
        guard case .text = IssueScanner.kind(of: head, in: buffer),
              PageBreakRepair.hasAtLeast(PageBreakRepair.minimumCutScalars, nonSpaceScalarsIn: head, of: buffer)
        else { return nil }
        return lineStart
    }

    /// Whether `tail`, a huge line's last bytes, ends in text that its trimmed content
    /// ends in (so trimming the kept ends trims the whole line alike).
    static func endsInText(_ tail: [UInt8]) -> Bool {
        tail.withUnsafeBufferPointer { tail in
            let content = tail.trimmingWhitespace(0..<tail.count)
            return !content.isEmpty && content.upperBound > 8
        }
    }

    /// Reads the rest of the huge line that starts at `lineStart` in `buffer` (its last
    /// line: `hugeLineStart`) up to its end, keeping its first and last `keptLineEnd` bytes
    /// in `buffer` (more of its first when the line starts within the input's first
    /// `PageBreakRepair.sampleBytes`: those are always kept), followed by what was read
    /// after the line's end. `fileStart` is the file offset of the line's first byte.
    /// Returns the elided line, or nil when the line's last bytes do not end in text or
    /// it is too short to leave anything out: then the line is read back whole.
    mutating func elideLine(
        startingAt lineStart: Int, in buffer: inout PieceBuffer, fileStart: Int
    ) throws(ReadFailure) -> ElidedLines.Line? {
        let kept = keptLineEnd
        let head = max(kept, PageBreakRepair.sampleBytes - fileStart)
        var tail = buffer.withBytes { Array($0[(lineStart + kept)...].suffix(kept)) }
        var length = buffer.count - lineStart
        var rest: [UInt8] = []
        let chunkBytes = min(Self.lineChunkBytes, max(kept, pieceBytes))
        guard let chunk = malloc(chunkBytes) else { throw ReadFailure(code: ENOMEM) }
        defer { free(chunk) }
        while !atEnd {
            let (count, ended) = try DescriptorReader.read(into: chunk, count: chunkBytes, from: descriptor)
            filePosition += count
            if ended { atEnd = true }
            let bytes = UnsafeBufferPointer(start: chunk.assumingMemoryBound(to: UInt8.self), count: count)
            let end = IssueScanner.lineEnd(in: bytes, from: 0, limit: count)
            length += end
            tail = end >= kept ? Array(bytes[(end - kept)..<end]) : Array((tail + bytes[..<end]).suffix(kept))
            if end < count {
                rest = Array(bytes[end...])
                break
            }
        }
        guard Self.endsInText(tail), length > head + kept + kept else {
            // Read back whole: the line's ends would not parse as the line does.
            buffer.truncate(to: lineStart + kept)
            try buffer.append(reading: length - kept, from: descriptor, at: fileStart + kept)
            rest.withUnsafeBytes { buffer.append($0) }
            return nil
        }
        if lineStart + head <= buffer.count {
            buffer.truncate(to: lineStart + head)
        } else {
            buffer.truncate(to: lineStart + kept)
            try buffer.append(reading: head - kept, from: descriptor, at: fileStart + kept)
        }
        tail.withUnsafeBytes { buffer.append($0) }
        rest.withUnsafeBytes { buffer.append($0) }
        return ElidedLines.Line(piece: lineStart..<(lineStart + head + tail.count), fileStart: fileStart, length: length)
    }
}
