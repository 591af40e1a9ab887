/// Joins paragraphs that a page break cut in two — and only those (ARCHITECTURE.md,
/// "Page-break repair").
///
/// A page (or column) break in the printed paper leaves a blank line in the middle of a
/// sentence. The evidence that a paragraph was cut there, all of which must hold:
/// - the document is prose: repair is off in a document whose first `sampleBytes` look
///   like verse, lists or a manual (`isAllowed(sample:)`);
/// - the first paragraph is running CJK prose in mid-sentence, not a list item: at least
///   `minimumCutScalars` long, with a clause mark (，、；,) in its last `windowScalars`,
///   mostly not ASCII, ending in a letter (Han, kana, Hangul) or a clause mark — so never a
///   label (`…：`), a marker (`相关新闻>>>`), a command, a heading-like short line — not a
///   Japanese or Korean sentence end (`…ます`, `…다`), and, when it is wrapped over several
///   source lines, with a last line as full as the one before (`lastLineIsFull`);
/// - the next one continues it: it starts with a Han, kana or Hangul letter (not a bullet,
///   digit, bracket or `#`), is not a list item (`一、`), not a label (`注意：`), does not
///   open a sentence (`如果`…), is mostly not ASCII, and is either a full sentence (ends in
///   sentence-final punctuation) or long, and does not end in the clause mark the first
///   ends in (items of a list: `…，` / `…，`);
/// - neither is a byline or credit (`记者`, `编辑`, `作者`…: a short paragraph without a
///   sentence in it), nor verse (clauses of four to seven characters, all the same length);
///   the first is not an item of a tagged list (`0  …`, `=      …`: a gap after its first
///   word) nor a quotation's attribution (`…？” —— …`);
/// - the text around writes its full stops: the paragraph before the first one (in the
///   same lead or section) ends a sentence or a label (`…。`, `…：`), or is a short line
///   such as a byline, or was itself cut before the first one (a paragraph cut by two
///   breaks). Where it stops without a full stop and was not cut, so that the first is
///   one more unfinished paragraph in a row, the missing stop is how the text is written
///   — items of a list (`…,` / `…, 그리고`), a manual's entries — not a page break
///   (`neighbourAllowsCut(before:in:)`).
///
/// The rule is one function over the paragraphs' byte ranges, `isCut(_:before:in:)`: the
/// article view (`repair(_:in:)`), the dump and the search index (`SearchTextWriter`) all
/// ask it. Each join is recorded in `Paragraph.repairedJoins`, which the status bar counts.
enum PageBreakRepair {
    /// How many bytes at the start of a document decide whether repair is on for it: the
    /// first 64 KiB (the whole document when shorter). That is what a preview of a large
    /// file holds (`IssueInput.previewBytes`) and what `--dump` reads before its first
    /// piece is laid out, so the reader, its preview and the dump decide alike, and
    /// deciding costs one pass over 64 KiB, whatever the size of the file.
    static let sampleBytes = 64 << 10
    /// A cut paragraph filled at least part of a printed line: shorter ones are labels,
    /// verse, list items, headings.
    static let minimumCutScalars = 16
    /// How many scalars at the end of the first paragraph and at the start of the next are
    /// looked at (the rest of a long paragraph tells nothing more, and is not read).
    static let windowScalars = 48

    // MARK: The document

    /// Whether repair may join anything in a document that starts with `sample` (its first
    /// `sampleBytes`): false when many of its paragraphs (headings aside) are short lines
    /// (more than half: verse, lists) or lack sentence-final punctuation (more than 40 %:
    /// manuals, references). A sample of fewer than 8 paragraphs allows repair.
    static func isAllowed(sample: UnsafeBufferPointer<UInt8>) -> Bool {
        var paragraphs = 0
        var short = 0
        var unfinished = 0
        var paragraph: Range<Int>?
        func close() {
            guard let range = paragraph else { return }
            paragraph = nil
            paragraphs += 1
            if !hasAtLeast(minimumCutScalars, nonSpaceScalarsIn: range, of: sample) { short += 1 }
            if let end = ScalarDecoder.lastScalar(in: sample, range: range), !isSentenceFinal(end.value) {
                unfinished += 1
            }
        }
        var start = IssueScanner.firstLine(of: sample)
        while start < sample.count {
            let end = IssueScanner.lineEnd(in: sample, from: start, limit: sample.count)
            if case .text(let content) = IssueScanner.kind(of: start..<end, in: sample) {
                paragraph = (paragraph?.lowerBound ?? content.lowerBound)..<content.upperBound
            } else {
                close()
            }
            start = end + 1
        }
        close()
        guard paragraphs >= 8 else { return true }
        return short * 2 <= paragraphs && unfinished * 5 <= paragraphs * 2
    }

    /// `isAllowed(sample:)` of the first `sampleBytes` of `source`.
    static func isAllowed(source: UnsafeBufferPointer<UInt8>) -> Bool {
        isAllowed(sample: UnsafeBufferPointer(rebasing: source[..<min(source.count, sampleBytes)]))
    }

    // MARK: Paragraphs

    /// Joins the cut paragraphs of `article`, in place: within the lead, and within each section.
    static func repair(_ article: inout Article, in source: UnsafeBufferPointer<UInt8>) {
        if article.lead.count > 1 { article.lead = repair(article.lead, in: source) }
        for index in article.sections.indices where article.sections[index].paragraphs.count > 1 {
            article.sections[index].paragraphs = repair(article.sections[index].paragraphs, in: source)
        }
    }

    /// `paragraphs` with each one that continues a cut paragraph joined to it.
    static func repair(_ paragraphs: [Paragraph], in source: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
        guard paragraphs.count > 1 else { return paragraphs }
        var result: [Paragraph] = []
        result.reserveCapacity(paragraphs.count)
        var previous: Range<Int>?
        for paragraph in paragraphs {
            let range = paragraph.sourceRange
            if let previous, isCut(previous, before: range, in: source) {
                result[result.count - 1].repairedJoins.append(result[result.count - 1].lines.count)
                result[result.count - 1].lines += paragraph.lines
            } else {
                result.append(paragraph)
            }
            previous = range
        }
        return result
    }

    /// Whether the paragraph that spans `first` (from its first line's text to its last
    /// line's end) was cut by a page break, and the one that spans `second` continues it:
    /// the two look like a cut, and the paragraph before `first` agrees.
    static func isCut(_ first: Range<Int>, before second: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        // The neighbour is looked at last: only pairs that look like a cut get that far.
        looksCut(first, before: second, in: source) && neighbourAllowsCut(before: first, in: source)
    }

    /// Whether the two paragraphs, on their own, look like one cut by a page break (all the
    /// evidence of `isCut` but the paragraph before).
    static func looksCut(_ first: Range<Int>, before second: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most paragraphs end a sentence, or are not followed by a letter: decided on the
        // two scalars at the cut.
        guard !first.isEmpty, !second.isEmpty,
              let end = ScalarDecoder.lastScalar(in: source, range: first),
              !isSentenceFinal(end.value), isLetter(end) || isClauseMark(end.value),
              isLetter(ScalarDecoder.firstScalar(in: source, range: second))
        else { return false }
        let tail = Window(ScalarDecoder.scalars(in: source, range: tailRange(of: first, in: source)).suffix(windowScalars))
        guard tail.scalars.count >= minimumCutScalars, tail.hasClauseMark, tail.isMostlyWide,
              !tail.isVerse, !tail.endsPoliteSentence, !tail.endsWithAttribution,
              !tail.isCredit || !hasAtMostCreditLength(first, in: source),
              lastLineIsFull(first, in: source),
              !Window(ScalarDecoder.scalars(in: source, range: first, limit: 8)).isListItem,
              !startsWithTaggedColumn(first, in: source)
        else { return false }
        let head = Window(ScalarDecoder.scalars(in: source, range: second, limit: windowScalars * 2)
            .lazy.filter { !isSpace($0) }.prefix(windowScalars))
        guard head.isMostlyWide, !head.isListItem, !head.startsWithLabel, !head.isVerse, !head.startsSentence
        else { return false }
        let secondLast = ScalarDecoder.lastScalar(in: source, range: second)
        let secondIsLong = hasAtLeast(minimumCutScalars, nonSpaceScalarsIn: second, of: source)
        guard secondIsLong || secondLast.map({ isSentenceFinal($0.value) }) == true else { return false }
        // Items of a list each end in the same clause mark (`…，` then `…，`).
        if isClauseMark(end.value), secondLast == end { return false }
        return !(head.isCredit && hasAtMostCreditLength(second, in: source))
    }

    /// The last bytes of `range` that hold its last `windowScalars` scalars (four bytes a
    /// scalar at most), starting at a scalar.
    static func tailRange(of range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = max(range.lowerBound, range.upperBound - windowScalars * 4)
        while start > range.lowerBound, start < range.upperBound, source[start] & 0xC0 == 0x80 { start += 1 }
        return start..<range.upperBound
    }

    /// Whether the last line of a paragraph wrapped in the source (two lines or more) is
    /// full: at least nine tenths as wide as the line before it, as a line a page break cut
    /// is. A paragraph of one line tells nothing, and passes. Widths are counted as two
    /// columns a non-ASCII scalar, one an ASCII one.
    static func lastLineIsFull(_ range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lastBreak = lastLineEnd(in: range.lowerBound..<range.upperBound, of: source) else { return true }
        let last = source.trimmingWhitespace(lastBreak + 1..<range.upperBound)
        let before = lastLineEnd(in: range.lowerBound..<lastBreak, of: source).map { $0 + 1 } ?? range.lowerBound
        let previous = source.trimmingWhitespace(before..<lastBreak)
        return columns(of: last, in: source) * 10 >= columns(of: previous, in: source) * 9
    }

    /// The offset of the last LF or CR in `source[range]`, if any.
    static func lastLineEnd(in range: Range<Int>, of source: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            if source[index] == 0x0A || source[index] == 0x0D { return index }
        }
        return nil
    }

    /// The columns of `source[range]`: two a non-ASCII scalar, one an ASCII byte.
    static func columns(of range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Int {
        var columns = 0
        for index in range {
            let byte = source[index]
            if byte < 0x80 { columns += 1 } else if byte & 0xC0 != 0x80 { columns += 2 }
        }
        return columns
    }

    /// Whether `source[range]` has at least `count` scalars other than white space.
    static func hasAtLeast(_ count: Int, nonSpaceScalarsIn range: Range<Int>, of source: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = source[index]
            // A scalar starts at every byte that is not a continuation byte.
            if byte & 0xC0 != 0x80, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                found += 1
                if found >= count { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether a paragraph is short enough to be a byline or credit (at most 40 scalars).
    static func hasAtMostCreditLength(_ range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        ScalarDecoder.hasAtMost(40, scalarsIn: range, of: source)
    }
}
