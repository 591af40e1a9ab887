#if canImport(Glibc)
import Glibc
#endif

/// Splits an issue's bytes into articles, sections and paragraphs (ARCHITECTURE.md, "Where each rule lives").
///
/// Works on bytes: every structural character (`#`, space, line ends) is ASCII and
/// can never occur inside a multi-byte UTF-8 sequence, so no decoding is needed here.
enum DocumentParser {
    static func parse(_ source: [UInt8]) -> [Article] {
        source.withUnsafeBufferPointer { buffer in
            parse(buffer, range: (buffer.starts(withBOM: true) ? 3 : 0)..<buffer.count)
        }
    }

    /// The articles of `source[range]`; `range` must start at a line start.
    static func parse(_ source: SourceBytes, range: Range<Int>) -> [Article] {
        source.withUnsafeBufferPointer { parse($0, range: range) }
    }

    /// The articles of `buffer[range]`, with offsets into the whole buffer.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Article] {
        var builder = Builder(source: buffer)
        var start = range.lowerBound
        let limit = range.upperBound
        while start < limit {
            let end = DocumentParser.lineEnd(in: buffer, from: start, limit: limit)
            builder.consume(line: start..<end)
            if end < limit, buffer[end] == 0x0D, end + 1 < limit, buffer[end + 1] == 0x0A {
                start = end + 2
            } else {
                start = end + 1
            }
        }
        return builder.finish()
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

    /// `## title` → (2, title range); `###`… → (3…, range); otherwise nil.
    /// The `#`s must start the line and be followed by white space or the line end.
    /// (Shared with `SearchTextWriter`, which must see the same headings.)
    @inline(__always)
    static func heading(in line: Range<Int>, of source: UnsafeBufferPointer<UInt8>) -> (Int, Range<Int>)? {
        var index = line.lowerBound
        while index < line.upperBound, source[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - line.lowerBound
        guard level >= 2 else { return nil }
        if index < line.upperBound, source[index] != 0x20, source[index] != 0x09 { return nil }
        return (level, source.trimmingWhitespace(index..<line.upperBound))
    }

    /// Accumulates lines into the article tree.
    private struct Builder {
        let source: UnsafeBufferPointer<UInt8>
        var articles: [Article] = []
        /// The article being built, when `hasCurrent`. Not an optional: an optional
        /// article is copied (and the copy destroyed) by tests such as `== nil` and by
        /// optional chaining, which for a million tiny articles showed.
        var current = Builder.noArticle
        var hasCurrent = false
        /// What `current` holds between articles.
        static let noArticle = Article(title: "", heading: nil, titleOffset: 0, lead: [], sections: [], range: 0..<0)
        var paragraphLines: [Range<Int>] = []

        init(source: UnsafeBufferPointer<UInt8>) {
            self.source = source
        }

        mutating func consume(line: Range<Int>) {
            let content = source.trimmingWhitespace(line)
            if content.isEmpty {
                closeParagraph()
                return
            }
            if let (level, titleRange) = DocumentParser.heading(in: line, of: source) {
                closeParagraph()
                let title = SafeText.title(of: titleRange, in: source)
                if level == 2 {
                    closeArticle(at: line.lowerBound)
                    current = Article(
                        title: title.isEmpty ? Document.untitled : title, heading: line,
                        titleOffset: titleRange.lowerBound, lead: [], sections: [], range: line)
                    hasCurrent = true
                } else {
                    ensureArticle(at: line.lowerBound)
                    current.sections.append(Section(
                        title: title.isEmpty ? Document.untitledSection : title, level: level,
                        heading: line, titleOffset: titleRange.lowerBound, paragraphs: []))
                }
                extendArticle(to: line.upperBound)
                return
            }
            ensureArticle(at: line.lowerBound)
            paragraphLines.append(content)
            extendArticle(to: line.upperBound)
        }

        mutating func extendArticle(to end: Int) {
            if hasCurrent { current.range = current.range.lowerBound..<end }
        }

        mutating func ensureArticle(at offset: Int) {
            if !hasCurrent {
                current = Article(
                    title: Document.frontMatter, heading: nil, titleOffset: offset,
                    lead: [], sections: [], range: offset..<offset)
                hasCurrent = true
            }
        }

        mutating func closeParagraph() {
            guard !paragraphLines.isEmpty, hasCurrent else { return }
            // The lines are moved into the paragraph, not copied and then let go.
            var lines: [Range<Int>] = []
            swap(&lines, &paragraphLines)
            let paragraph = Paragraph(lines: lines)
            if current.sections.isEmpty {
                current.lead.append(paragraph)
            } else {
                current.sections[current.sections.count - 1].paragraphs.append(paragraph)
            }
        }

        mutating func closeArticle(at offset: Int) {
            closeParagraph()
            guard hasCurrent else { return }
            // Moved into the array; `current` keeps an empty article until the next one.
            var article = Builder.noArticle
            swap(&article, &current)
            articles.append(article)
            hasCurrent = false
        }

        mutating func finish() -> [Article] {
            closeArticle(at: source.count)
            return articles
        }
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

extension SafeText {
    /// The display-safe text of a heading's title range.
    ///
    /// The UTF-8 is written straight into the string's storage (appending scalar by
    /// scalar to a String cost a sixth of building the search index of a million small
    /// articles). Most titles are valid text that keeps its length, so the first try has
    /// room for just that: a title of up to 15 bytes is then a small string, with no
    /// allocation. One that grows (a control byte gives two bytes, `^[`; an invalid byte
    /// three, U+FFFD) is written again with room for three bytes a source byte.
    static func title(of range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> String {
        title(of: range, in: source, capacity: range.count)
            ?? title(of: range, in: source, capacity: range.count * 3) ?? ""
    }

    /// `title(of:in:)` written into room for `capacity` bytes; nil when it needs more.
    private static func title(of range: Range<Int>, in source: UnsafeBufferPointer<UInt8>, capacity: Int) -> String? {
        var fits = true
        let title = String(unsafeUninitializedCapacity: capacity) { output in
            var count = 0
            ScalarDecoder.forEachScalar(in: source, range: range) { scalar, _ in
                visible(scalar) { shown in
                    UTF8.encode(shown) { byte in
                        if count < output.count { output[count] = byte }
                        count += 1
                    }
                }
            }
            fits = count <= output.count
            return fits ? count : 0
        }
        return fits ? title : nil
    }
}
