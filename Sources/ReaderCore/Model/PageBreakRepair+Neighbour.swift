/// The evidence around a possible cut that the two paragraphs themselves do not hold: the
/// paragraph before the first one, and how the first one starts (ARCHITECTURE.md,
/// "Page-break repair").
extension PageBreakRepair {
    /// Whether the paragraph before `first` (in the same lead or section) lets `first` be
    /// a cut one. A page break cuts one paragraph of a text that ends its sentences; where
    /// the paragraph before also stops without a full stop, `first` is one more unfinished
    /// paragraph in a row — an item of a list (`…관리,` / `…돕기, 그리고`), an entry of a
    /// manual (`…安装在 /usr/local/man/ 目录` / `…找到第三方的文档`) — and its missing stop
    /// is how the text is written. So the paragraph before must:
    /// - not be there (`first` opens its lead or section), or end a sentence or a label
    ///   (`。！？…”` or `：`);
    /// - or be a short line (under `minimumCutScalars`) that does not end in a clause mark:
    ///   a byline, a dateline, a label without its colon;
    /// - or itself look cut before `first` (`looksCut`): a paragraph cut by two breaks.
    static func neighbourAllowsCut(before first: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let previous = paragraph(before: first.lowerBound, in: source),
              let end = ScalarDecoder.lastScalar(in: source, range: previous)
        else { return true }
        if isSentenceFinal(end.value) || end == "：" || end == ":" { return true }
        if !isClauseMark(end.value), !hasAtLeast(minimumCutScalars, nonSpaceScalarsIn: previous, of: source) {
            return true
        }
        return looksCut(previous, before: first, in: source)
    }

    /// The paragraph before the one whose text starts at `start`, as `DocumentParser`
    /// reads it (from its first line's text to its last line's end), or nil when a heading
    /// or the start of `source` comes first. Walks back line by line (a CR LF is one line
    /// end, as for the parser); each line is what `IssueScanner.kind` says.
    static func paragraph(before start: Int, in source: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var lineStart = min(start, source.count)
        while lineStart > 0, !isLineEnd(source[lineStart - 1]) { lineStart -= 1 }
        var found: Range<Int>?
        while lineStart > 0 {
            var end = lineStart - 1
            if source[end] == 0x0A, end > 0, source[end - 1] == 0x0D { end -= 1 }
            var begin = end
            while begin > 0, !isLineEnd(source[begin - 1]) { begin -= 1 }
            switch IssueScanner.kind(of: begin..<end, in: source) {
            case .blank:
                if found != nil { return found }
            case .heading:
                return found
            case .text(let content):
                found = content.lowerBound..<(found?.upperBound ?? content.upperBound)
            }
            lineStart = begin
        }
        return found
    }

    /// Whether the paragraph starts with a tag set off by a gap — two spaces or more, or a
    /// tab — as the entries of a manual's tagged list do (`0  关闭`, `=      現在の属性を`,
    /// `-x     即`): running prose leaves no gap after its first word. The tag is at most
    /// 32 bytes (eight CJK characters).
    static func startsWithTaggedColumn(_ range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(range.upperBound, range.lowerBound + 32)
        var index = range.lowerBound
        while index < limit, source[index] != 0x20, source[index] != 0x09 { index += 1 }
        guard index > range.lowerBound, index < limit else { return false }
        if source[index] == 0x09 { return true }
        return index + 1 < range.upperBound && (source[index + 1] == 0x20 || source[index + 1] == 0x09)
    }

    /// LF or CR.
    @inline(__always)
    static func isLineEnd(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D
    }
}
