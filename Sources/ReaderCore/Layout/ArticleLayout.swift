/// An article laid out at one width: its display texts and the lines that show them.
public struct ArticleLayout: Sendable {
    public let width: Int
    public private(set) var texts: [DisplayText] = []
    public private(set) var lines: [LayoutLine] = []
    /// Line index of each section's heading.
    public private(set) var sectionLines: [Int] = []
    /// The texts that `texts` shows cut short (a long placeholder title), by index.
    private var uncutTexts: [Int: DisplayText] = [:]
    /// When the article is shown converted (`Document.conversion`): its texts in the
    /// source's script, which search reads; empty otherwise.
    private(set) var sourceTexts: [DisplayText] = []

    /// The huge paragraphs laid out only around one offset (`ParagraphWindow`), by text index.
    private var windows: [Int: WindowPlace] = [:]

    /// Where a huge paragraph's lines were laid out: the chunk they are centred on.
    private struct WindowPlace: Sendable {
        var paragraph: Range<Int>
        var chunk: Int
        var chunkSize: Int
        /// The document's bytes and the style: `wholeTexts` decodes the paragraph from them.
        var source: SourceBytes
        var style: LayoutStyle
    }

    /// Seams between a huge paragraph's chunks where two runs did not meet (each cuts a
    /// line short: `ParagraphWindow`); tests read it.
    private(set) var cutSeams = 0

    /// Whether `texts` are converted to another script (then `sourceTexts` are not).
    public var isConverted: Bool { !sourceTexts.isEmpty }

    /// Whether some paragraph is laid out only around one offset (its text in `texts` is
    /// then a part of it, ARCHITECTURE.md, "Huge paragraphs").
    public var isWindowed: Bool { !windows.isEmpty }

    /// Whether the lines around source `offset` are laid out: the layout of `focus: offset`
    /// would lay out the same lines (always, but for a huge paragraph's windows).
    public func isLaidOut(around offset: Int) -> Bool {
        windows.values.allSatisfy { place in
            ParagraphWindow.chunk(of: offset, in: place.paragraph, chunkSize: place.chunkSize) == place.chunk
        }
    }

    /// The parts of the huge paragraphs this layout holds no text of (before and after each
    /// one's window), each with its paragraph's range, in source order: what search
    /// scans in the source (`ArticleSearch.hit`).
    public var partsNotLaidOut: [(part: Range<Int>, paragraph: Range<Int>)] {
        var parts: [(part: Range<Int>, paragraph: Range<Int>)] = []
        for (index, place) in windows.sorted(by: { $0.key < $1.key }) {
            let offsets = texts[index].offsets
            guard let first = offsets.first, let last = offsets.last else { continue }
            if place.paragraph.lowerBound < first { parts.append((place.paragraph.lowerBound..<first, place.paragraph)) }
            // (From a little before the text's end: a match may start there and go on past it.)
            let after = max(first, last - 256)
            if last + 1 < place.paragraph.upperBound { parts.append((after..<place.paragraph.upperBound, place.paragraph)) }
        }
        return parts
    }

    /// How far into `article` (its source byte range) the view reaches when `rows` lines
    /// from line `top` are shown, in percent: by lines, or by source offsets when some
    /// paragraph is laid out only in part.
    public func percentShown(top: Int, rows: Int, of article: Range<Int>) -> Int {
        guard isWindowed else { return lines.isEmpty ? 100 : min(100, (top + rows) * 100 / lines.count) }
        let end = lines.indices.contains(top + rows) ? lines[top + rows].offset : article.upperBound
        return min(100, max(0, end - article.lowerBound) * 100 / max(1, article.count))
    }

    /// The article's texts as `ArticleSearch.texts` gives them (`texts`, or the unconverted
    /// `sourceTexts`, with any cut placeholder title whole again): searching these needs no
    /// second decoding pass.
    /// (A huge paragraph laid out in part is searched in its window: `ArticleSearch.hit`
    /// looks beyond it.)
    public var searchTexts: [DisplayText] {
        isConverted ? sourceTexts : uncutTitleTexts
    }

    /// `texts` with any placeholder title cut short on screen whole again.
    private var uncutTitleTexts: [DisplayText] {
        guard !uncutTexts.isEmpty else { return texts }
        var whole = texts
        for (index, text) in uncutTexts { whole[index] = text }
        return whole
    }

    /// The texts as shown (converted, repaired), with any placeholder title cut short on
    /// screen whole again, and a huge paragraph laid out in part decoded whole: what
    /// copying and saving take.
    public var wholeTexts: [DisplayText] {
        var whole = uncutTitleTexts
        for (index, place) in windows {
            whole[index] = place.style.shown(DisplayText.joining(lines: [place.paragraph], of: place.source))
        }
        return whole
    }

    /// Lays out `article` of `document` in `width` columns.
    public init(
        article: Article, in document: Document, width: Int, style: LayoutStyle, ambiguousWide: Bool = false,
        lineBreak: LineBreakStrictness = .normal
    ) {
        var scratch = WrapScratch()
        self.init(article: article, source: document.source, width: width, style: style, ambiguousWide: ambiguousWide,
                  conversion: document.conversion, lineBreak: lineBreak, scratch: &scratch)
    }

    /// Lays out `article` of the document whose bytes are `source`, wrapping with working
    /// arrays `scratch` that may be reused from earlier layouts. (The dump does not build
    /// layouts: `DumpWriter` writes the same lines straight into bytes.)
    /// `init(article:in:width:style:ambiguousWide:lineBreak:)` laying a paragraph that is
    /// one source line of over `windowBound` bytes out only around source offset `focus`
    /// (`ParagraphWindow`; unless it is shown converted): the interactive view's layout.
    init(
        article: Article, in document: Document, width: Int, style: LayoutStyle, ambiguousWide: Bool,
        lineBreak: LineBreakStrictness, focus: Int, windowBound: Int = WindowedWrap.defaultBound
    ) {
        var scratch = WrapScratch()
        self.init(article: article, source: document.source, width: width, style: style, ambiguousWide: ambiguousWide,
                  conversion: document.conversion, lineBreak: lineBreak, scratch: &scratch, focus: focus,
                  windowBound: windowBound)
    }

    init(
        article: Article, source: SourceBytes, width: Int, style: LayoutStyle, ambiguousWide: Bool,
        conversion: ScriptConversion? = nil, lineBreak: LineBreakStrictness = .normal, scratch: inout WrapScratch,
        focus: Int? = nil, windowBound: Int = WindowedWrap.defaultBound
    ) {
        self.width = max(1, width)
        /// The text converted; with a conversion, the source's text is kept for search.
        /// (`style.shown` then puts in the screen's full-width punctuation.)
        func shown(_ text: DisplayText) -> DisplayText {
            guard let conversion else { return text }
            sourceTexts.append(text)
            return conversion.convert(text)
        }
        let wrapper = Wrapper(width: self.width, ambiguousWide: ambiguousWide, lineBreak: lineBreak)
        /// Whether `paragraph` is laid out only around `focus`.
        func isWindowed(_ paragraph: Paragraph) -> Bool {
            focus != nil && conversion == nil && paragraph.lines.count == 1 && paragraph.sourceRange.count > windowBound
        }
        reserveCapacity(for: article, skipping: isWindowed)
        let titleText = ArticleLayout.headingText(article.title, offset: article.titleOffset, heading: article.heading, in: source)
        addBlock(style.shown(shown(titleText)), kind: .title, marker: style.titleMarker, section: nil, wrapper: wrapper, ambiguousWide: ambiguousWide, scratch: &scratch)
        source.withUnsafeBufferPointer { buffer in
            for paragraph in article.lead {
                addBlank(section: nil)
                if isWindowed(paragraph), let focus, addWindow(
                    of: paragraph.sourceRange, around: focus, in: source, section: nil, style: style, wrapper: wrapper,
                    bound: windowBound, scratch: &scratch) { continue }
                addParagraph(style.shown(shown(DisplayText.joining(lines: paragraph.lines, in: buffer))), section: nil, style: style,
                             wrapper: wrapper, scratch: &scratch)
            }
            for (index, section) in article.sections.enumerated() {
                addBlank(section: index)
                sectionLines.append(lines.count)
                let text = ArticleLayout.headingText(section.title, offset: section.titleOffset, heading: section.heading, in: source)
                addBlock(style.shown(shown(text)), kind: .heading, marker: style.headingMarker(section.level), section: index, wrapper: wrapper, ambiguousWide: ambiguousWide, scratch: &scratch)
                for paragraph in section.paragraphs {
                    addBlank(section: index)
                    if isWindowed(paragraph), let focus, addWindow(
                        of: paragraph.sourceRange, around: focus, in: source, section: index, style: style,
                        wrapper: wrapper, bound: windowBound, scratch: &scratch) { continue }
                    addParagraph(style.shown(shown(DisplayText.joining(lines: paragraph.lines, in: buffer))), section: index, style: style,
                                 wrapper: wrapper, scratch: &scratch)
                }
            }
        }
    }

    /// Reserves room for the article's texts and about as many lines as it will take (the
    /// arrays then grow once, not once per doubling).
    /// (A paragraph for which `skipping` holds is laid out in windows: not counted.)
    private mutating func reserveCapacity(for article: Article, skipping: (Paragraph) -> Bool) {
        var textCount = 1 + article.lead.count + article.sections.count
        var bytes = 0
        for paragraph in article.lead where !skipping(paragraph) { bytes += paragraph.sourceRange.count }
        for section in article.sections {
            textCount += section.paragraphs.count
            for paragraph in section.paragraphs where !skipping(paragraph) { bytes += paragraph.sourceRange.count }
        }
        texts.reserveCapacity(textCount)
        // A blank line before every text but the title, and at least one line a text; a
        // line holds at least `width` bytes unless it is a paragraph's last.
        lines.reserveCapacity(2 * textCount + bytes / width)
        sectionLines.reserveCapacity(article.sections.count)
    }

    /// The display text of a title: the source's own text (so offsets are real), or the
    /// placeholder when the heading was empty.
    static func headingText(_ title: String, offset: Int, heading: Range<Int>?, in document: Document) -> DisplayText {
        headingText(title, offset: offset, heading: heading, in: document.source)
    }

    /// `headingText(_:offset:heading:in:)` given the document's bytes.
    static func headingText(_ title: String, offset: Int, heading: Range<Int>?, in source: SourceBytes) -> DisplayText {
        if let shown = headingSource(titleOffset: offset, heading: heading) {
            return DisplayText.of(shown, in: source)
        }
        let scalars = Array(title.unicodeScalars)
        return DisplayText(scalars: scalars, offsets: Array(repeating: offset, count: scalars.count))
    }

    /// The source bytes a heading shows: from its title to the end of its line; nil when
    /// the title is empty (the placeholder title is shown, at `titleOffset`). The one
    /// rule for the screen, the dump (`DumpWriter`) and the search texts (`SearchTextWriter`).
    @inline(__always)
    static func headingSource(titleOffset: Int, heading: Range<Int>?) -> Range<Int>? {
        guard let heading, titleOffset < heading.upperBound else { return nil }
        return titleOffset..<heading.upperBound
    }

    /// Index of the line showing source `offset`: the last line starting at or before it.
    public func line(containing offset: Int) -> Int {
        max(0, lines.partitioningIndex { $0.offset > offset } - 1)
    }

    /// The section a line belongs to, or nil for the title and lead.
    public func section(at line: Int) -> Int? {
        lines.indices.contains(line) ? lines[line].section : nil
    }

    /// The text shown on `line`, prefix included.
    public func string(at line: Int) -> String {
        let entry = lines[line]
        guard entry.text >= 0 else { return "" }
        return entry.prefix + texts[entry.text].string(entry.range)
    }

    /// Appends every line as UTF-8, each ending in a newline: what `string(at:)` gives,
    /// line by line (written by `UTF8LineWriter`, as the dump's lines are).
    public func appendText(to output: inout [UInt8]) {
        var most = 0
        for line in lines { most += UTF8LineWriter.most(prefix: line.prefix, scalars: line.range.count) }
        UTF8LineWriter.append(to: &output, most: most) { writer in
            for line in lines {
                if line.text >= 0 {
                    writer.write(prefix: line.prefix)
                    texts[line.text].scalars.withUnsafeBufferPointer { writer.write($0, line.range) }
                }
                writer.endLine()
            }
        }
    }

    private mutating func addBlank(section: Int?) {
        let offset = lines.last.map { line in
            line.text >= 0 && !line.range.isEmpty ? texts[line.text].offsets[line.range.upperBound - 1] + 1 : line.offset
        } ?? 0
        lines.append(LayoutLine(kind: .blank, text: -1, range: 0..<0, prefix: "", section: section, offset: offset))
    }

    private mutating func addBlock(
        _ text: DisplayText, kind: LayoutLine.Kind, marker: String, section: Int?, wrapper: Wrapper, ambiguousWide: Bool,
        scratch: inout WrapScratch
    ) {
        let markerWidth = TextWidth.of(marker, ambiguousWide: ambiguousWide)
        let indentWidth = wrapper.effectiveIndent(markerWidth)
        let shownMarker = indentWidth == markerWidth ? marker : ""
        let hanging = indentWidth == 0 ? "" : String(repeating: " ", count: indentWidth)
        let textIndex = texts.count
        let firstLine = lines.count
        texts.append(text)
        wrapper.wrap(text.scalars, firstIndent: markerWidth, indent: markerWidth, scratch: &scratch) { range in
            lines.append(LayoutLine(
                kind: kind, text: textIndex, range: range, prefix: lines.count == firstLine ? shownMarker : hanging,
                section: section, offset: text.offsets.isEmpty ? 0 : text.offsets[range.isEmpty ? 0 : range.lowerBound]))
        }
        if lines.count - firstLine > 1, let offset = text.offsets.first, text.offsets.allSatisfy({ $0 == offset }) {
            // A placeholder title (every scalar at the heading's offset) stays on one
            // line, cut with "…": lines sharing one offset could not be scrolled apart.
            let room = wrapper.width - indentWidth
            let cut = Array(TextWidth.truncate(text.string, to: room, ambiguousWide: ambiguousWide).unicodeScalars)
            uncutTexts[textIndex] = text
            texts[textIndex] = DisplayText(scalars: cut, offsets: Array(repeating: offset, count: cut.count))
            lines.removeSubrange(firstLine...)
            lines.append(LayoutLine(
                kind: kind, text: textIndex, range: 0..<cut.count, prefix: shownMarker, section: section,
                offset: cut.isEmpty ? 0 : offset))
        }
    }

    private mutating func addParagraph(
        _ text: DisplayText, section: Int?, style: LayoutStyle, wrapper: Wrapper, scratch: inout WrapScratch
    ) {
        let indent = style.indent(of: text.scalars)
        let prefix = String(repeating: " ", count: wrapper.effectiveIndent(indent))
        let textIndex = texts.count
        let firstLine = lines.count
        texts.append(text)
        wrapper.wrap(text.scalars, firstIndent: indent, indent: 0, scratch: &scratch) { range in
            lines.append(LayoutLine(
                kind: .body, text: textIndex, range: range, prefix: lines.count == firstLine ? prefix : "",
                section: section, offset: text.offsets[range.isEmpty ? 0 : range.lowerBound]))
        }
    }

    /// Lays out the lines of the huge paragraph `paragraph` (one source line) around `focus`
    /// (`ParagraphWindow`); false (nothing added) when it has no anchors to window it by.
    private mutating func addWindow(
        of paragraph: Range<Int>, around focus: Int, in document: SourceBytes, section: Int?,
        style: LayoutStyle, wrapper: Wrapper, bound: Int, scratch: inout WrapScratch
    ) -> Bool {
        document.withUnsafeBufferPointer { source in
            addWindow(of: paragraph, around: focus, in: source, document: document, section: section, style: style,
                      wrapper: wrapper, bound: bound, scratch: &scratch)
        }
    }

    private mutating func addWindow(
        of paragraph: Range<Int>, around focus: Int, in source: UnsafeBufferPointer<UInt8>, document: SourceBytes,
        section: Int?, style: LayoutStyle, wrapper: Wrapper, bound: Int, scratch: inout WrapScratch
    ) -> Bool {
        // The indent looks at the paragraph's first letters only.
        let head = WindowedWrap.scalarStart(min(paragraph.upperBound, paragraph.lowerBound + 1024), in: source,
                                            limit: paragraph.upperBound)
        let indent = style.indent(of: style.shown(DisplayText.joining(
            lines: CollectionOfOne(paragraph.lowerBound..<head), in: source)).scalars)
        let window = ParagraphWindow(wrapper: wrapper, style: style, bound: bound)
        guard let laidOut = window.lines(of: paragraph, around: focus, in: source, firstIndent: indent, scratch: &scratch)
        else { return false }
        let prefix = String(repeating: " ", count: wrapper.effectiveIndent(indent))
        let textIndex = texts.count
        let text = laidOut.text
        cutSeams += laidOut.cutSeams
        texts.append(text)
        windows[textIndex] = WindowPlace(
            paragraph: paragraph, chunk: ParagraphWindow.chunk(of: focus, in: paragraph, chunkSize: window.chunkSize),
            chunkSize: window.chunkSize, source: document, style: style)
        for (number, range) in laidOut.lines.enumerated() {
            let isFirst = number == 0 && laidOut.startsParagraph
            lines.append(LayoutLine(
                kind: .body, text: textIndex, range: range, prefix: isFirst ? prefix : "", section: section,
                offset: text.offsets[range.isEmpty && isFirst ? 0 : min(range.lowerBound, text.offsets.count - 1)]))
        }
        return true
    }
}
