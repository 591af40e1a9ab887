#if canImport(Glibc)
import Glibc
#endif

/// The one scanner of the issue grammar (ARCHITECTURE.md, "Where each rule lives"): lines
/// end at LF, CR or CR LF; a line of white space is blank; `## title` starts an article,
/// `### title` (and deeper) a section; any other line is paragraph text. A UTF-8 byte
/// order mark before the first line is skipped.
///
/// `DocumentParser` (the article tree), `SearchTextWriter` (the search texts) and
/// `PageBreakRepair` read its lines; `ArticleBoundaries` and `ArticlePieces`, which look
/// only at the `#`s after a line end, ask `headingLevel(at:in:limit:)`.
///
/// Works on bytes: every structural character (`#`, space, line ends) is ASCII and can
/// never occur inside a multi-byte UTF-8 sequence, so no decoding is needed.
struct IssueScanner {
    /// What a line of an issue is.
    enum Line {
        /// Only white space: ends a paragraph.
        case blank
        /// An article (`level` 2) or section (3 and more) heading; `title` is the text
        /// after the `#`s, trimmed (empty for a heading with no title).
        case heading(level: Int, title: Range<Int>)
        /// A line of a paragraph; `content` is the line without its white space at both ends.
        case text(content: Range<Int>)
    }

    private let source: UnsafeBufferPointer<UInt8>
    private let limit: Int
    /// The start of the next line.
    private(set) var position: Int

    /// A scanner of the lines of `source[range]`; `range` must start at a line start.
    init(_ source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.source = source
        self.limit = range.upperBound
        self.position = range.lowerBound
    }

    /// The next line (without its line end) and what it is; nil after the last.
    @inline(__always)
    mutating func next() -> (line: Range<Int>, kind: Line)? {
        guard position < limit else { return nil }
        let end = IssueScanner.lineEnd(in: source, from: position, limit: limit)
        let line = position..<end
        position = IssueScanner.lineStart(after: end, in: source, limit: limit)
        return (line, IssueScanner.kind(of: line, in: source))
    }

    /// What `source[line]` (a whole line, without its line end) is.
    @inline(__always)
    static func kind(of line: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Line {
        let content = source.trimmingWhitespace(line)
        if content.isEmpty { return .blank }
        if let (level, title) = heading(in: line, of: source) { return .heading(level: level, title: title) }
        return .text(content: content)
    }

    /// Where the first line of `source` starts: after a UTF-8 byte order mark, if any.
    static func firstLine(of source: UnsafeBufferPointer<UInt8>) -> Int {
        source.starts(withBOM: true) ? 3 : 0
    }

    /// The offset of the first CR or LF at or after `start` (before `limit`), or `limit`:
    /// found with `memchr` (a 10 MB paragraph is one line).
    @inline(__always)
    static func lineEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        guard let base = buffer.baseAddress, start < limit else { return limit }
        var end = limit
        if let found = memchr(base + start, 0x0A, limit - start) {
            end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if end > start, let found = memchr(base + start, 0x0D, end - start) {
            end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        return end
    }

    /// Whether `byte` ends a line (LF or CR; what `lineEnd` looks for).
    @inline(__always)
    static func isLineEnd(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D
    }

    /// The start of the line after the line end at `end` (a CR LF is one line end).
    @inline(__always)
    static func lineStart(after end: Int, in buffer: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        end < limit && buffer[end] == 0x0D && end + 1 < limit && buffer[end + 1] == 0x0A ? end + 2 : end + 1
    }

    /// `## title` → (2, title range); `###`… → (3…, range); otherwise nil.
    /// The `#`s must start the line and be followed by white space or the line end.
    @inline(__always)
    static func heading(in line: Range<Int>, of source: UnsafeBufferPointer<UInt8>) -> (Int, Range<Int>)? {
        let level = headingLevel(at: line.lowerBound, in: source, limit: line.upperBound)
        guard level >= 2 else { return nil }
        return (level, source.trimmingWhitespace(line.lowerBound + level..<line.upperBound))
    }

    /// The number of `#`s that start a heading at `index`, a line start, or 0: a heading
    /// has at least two, followed by a space, a tab, a line end or `limit`.
    @inline(__always)
    static func headingLevel(at index: Int, in source: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var after = index
        while after < limit, source[after] == UInt8(ascii: "#") { after += 1 }
        let level = after - index
        guard level >= 2 else { return 0 }
        if after < limit {
            let next = source[after]
            guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D else { return 0 }
        }
        return level
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when the buffer starts with a UTF-8 byte order mark.
    func starts(withBOM: Bool) -> Bool {
        count >= 3 && self[0] == 0xEF && self[1] == 0xBB && self[2] == 0xBF
    }

    /// Length of the white space (space, tab, U+3000 IDEOGRAPHIC SPACE, U+FEFF) at `index`, or 0.
    func whitespaceLength(at index: Int, end: Int) -> Int {
        let byte = self[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xE3, index + 2 < end, self[index + 1] == 0x80, self[index + 2] == 0x80 { return 3 }
        if byte == 0xEF, index + 2 < end, self[index + 1] == 0xBB, self[index + 2] == 0xBF { return 3 }
        return 0
    }

    /// `range` without leading and trailing white space.
    func trimmingWhitespace(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound {
            let length = whitespaceLength(at: start, end: range.upperBound)
            if length == 0 { break }
            start += length
        }
        var end = range.upperBound
        while end > start {
            if self[end - 1] == 0x20 || self[end - 1] == 0x09 {
                end -= 1
            } else if end - 3 >= start, whitespaceLength(at: end - 3, end: end) == 3 {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }
}
