/// Builds the articles, sections and paragraphs of an issue from the lines
/// `IssueScanner` reads (ARCHITECTURE.md, "Where each rule lives").
enum DocumentParser {
    static func parse(_ source: [UInt8]) -> [Article] {
        source.withUnsafeBufferPointer { buffer in
            parse(buffer, range: IssueScanner.firstLine(of: buffer)..<buffer.count)
        }
    }

    /// The articles of `source[range]`; `range` must start at a line start.
    static func parse(_ source: SourceBytes, range: Range<Int>) -> [Article] {
        source.withUnsafeBufferPointer { parse($0, range: range) }
    }

    /// The articles of `buffer[range]`, with offsets into the whole buffer.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Article] {
        var builder = Builder(source: buffer)
        var scanner = IssueScanner(buffer, range: range)
        while let (line, kind) = scanner.next() {
            builder.consume(line: line, kind: kind)
        }
        return builder.finish()
    }

    /// The title of the first article of `buffer[range]` (`range` starts at a line start),
    /// as `parse(buffer, range:)` gives it, read from the first line that is not blank
    /// alone: a `##` heading's title (or `Document.untitled`), else `Document.frontMatter`;
    /// nil when every line is blank (no article). `reader --search` prints titles so,
    /// without parsing (and repairing) the articles.
    static func firstTitle(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> String? {
        var scanner = IssueScanner(buffer, range: range)
        while let (_, kind) = scanner.next() {
            switch kind {
            case .blank: continue
            case .heading(2, let titleRange): return articleTitle(of: titleRange, in: buffer)
            case .heading, .text: return Document.frontMatter
            }
        }
        return nil
    }

    /// What an article heading with the title `range` is called.
    private static func articleTitle(of range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> String {
        let title = SafeText.title(of: range, in: source)
        return title.isEmpty ? Document.untitled : title
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

        mutating func consume(line: Range<Int>, kind: IssueScanner.Line) {
            switch kind {
            case .blank:
                closeParagraph()
            case .heading(let level, let titleRange):
                closeParagraph()
                if level == 2 {
                    closeArticle(at: line.lowerBound)
                    current = Article(
                        title: DocumentParser.articleTitle(of: titleRange, in: source), heading: line,
                        titleOffset: titleRange.lowerBound, lead: [], sections: [], range: line)
                    hasCurrent = true
                } else {
                    ensureArticle(at: line.lowerBound)
                    let title = SafeText.title(of: titleRange, in: source)
                    current.sections.append(Section(
                        title: title.isEmpty ? Document.untitledSection : title, level: level,
                        heading: line, titleOffset: titleRange.lowerBound, paragraphs: []))
                }
                extendArticle(to: line.upperBound)
            case .text(let content):
                ensureArticle(at: line.lowerBound)
                paragraphLines.append(content)
                extendArticle(to: line.upperBound)
            }
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
