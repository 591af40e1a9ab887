/// Lays out articles for `reader --dump` straight into UTF-8: exactly the bytes of
/// `ArticleLayout(style:)` followed by `appendText(to:)`, without building the layout.
///
/// An `ArticleLayout` allocates two arrays per text, plus its arrays of texts and lines,
/// and frees them all again once the article is written: for small articles that was
/// most of the dump's work. Here each text is decoded into working arrays reused from
/// text to text, wrapped, and written out at once. The layout rules (markers, indents,
/// placeholder titles cut to one line) are `ArticleLayout`'s; `DumpWriterTests` checks
/// that both give the same bytes.
struct DumpWriter {
    private let wrapper: Wrapper
    private let style: LayoutStyle
    private let ambiguousWide: Bool
    /// The conversion the texts are shown in, as `ArticleLayout` shows them.
    private let conversion: ScriptConversion?
    /// The first line's prefix of a paragraph.
    private let paragraphPrefix: String
    /// `style.titleMarker`'s width.
    private let titleMarkerWidth: Int
    private var scratch = WrapScratch()
    /// The text being written (its first `count` entries).
    private var scalars: [Unicode.Scalar] = []
    private var offsets: [Int] = []
    /// The lines of the text being written.
    private var ranges: [Range<Int>] = []
    /// How a paragraph that is one line of over `windowBound` bytes is wrapped.
    private let windowed: WindowedWrap
    /// Called with the output after each window of a huge paragraph: it may write out
    /// and remove what is there (`DocumentDump` does, when all before it is written), so
    /// that the output of a huge paragraph is not held whole.
    var spill: ((inout [UInt8]) -> Void)?
    /// The huge lines the source holds only the ends of (`ArticlePieces.elideHugeLines`):
    /// a paragraph that is one of them is read from its file window by window.
    var elidedLines: ElidedLines?

    init(
        width: Int, style: LayoutStyle, ambiguousWide: Bool, lineBreak: LineBreakStrictness = .normal,
        conversion: ScriptConversion? = nil, windowBound: Int = WindowedWrap.defaultBound
    ) {
        self.conversion = conversion
        wrapper = Wrapper(width: max(1, width), ambiguousWide: ambiguousWide, lineBreak: lineBreak)
        windowed = WindowedWrap(wrapper: wrapper, bound: windowBound)
        self.style = style
        self.ambiguousWide = ambiguousWide
        paragraphPrefix = String(repeating: " ", count: wrapper.effectiveIndent(style.paragraphIndent))
        titleMarkerWidth = TextWidth.of(style.titleMarker, ambiguousWide: ambiguousWide)
    }

    /// Appends `article`, laid out, to `output`: every line followed by a newline.
    mutating func write(_ article: Article, source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let titleCount = headingText(article.title, offset: article.titleOffset, heading: article.heading, in: source)
        writeBlock(count: titleCount, marker: style.titleMarker, markerWidth: titleMarkerWidth, to: &output)
        for paragraph in article.lead {
            output.append(0x0A)
            writeParagraph(paragraph, source: source, to: &output)
        }
        for section in article.sections {
            output.append(0x0A)
            let count = headingText(section.title, offset: section.titleOffset, heading: section.heading, in: source)
            let marker = style.headingMarker(section.level)
            writeBlock(count: count, marker: marker, markerWidth: TextWidth.of(marker, ambiguousWide: ambiguousWide),
                       to: &output)
            for paragraph in section.paragraphs {
                output.append(0x0A)
                writeParagraph(paragraph, source: source, to: &output)
            }
        }
    }

    /// Decodes a heading's text into `scalars` and `offsets` (as
    /// `ArticleLayout.headingText` makes it); returns its length.
    private mutating func headingText(_ title: String, offset: Int, heading: Range<Int>?, in source: UnsafeBufferPointer<UInt8>) -> Int {
        if let shown = ArticleLayout.headingSource(titleOffset: offset, heading: heading) {
            let count = DisplayText.decode(lines: CollectionOfOne(shown), in: source,
                                           into: &scalars, offsets: &offsets)
            return converted(count: count, withOffsets: true)
        }
        // (The arrays may differ in length: paragraphs are decoded without offsets.)
        var count = 0
        for scalar in title.unicodeScalars {
            if count < scalars.count { scalars[count] = scalar } else { scalars.append(scalar) }
            if count < offsets.count { offsets[count] = offset } else { offsets.append(offset) }
            count += 1
        }
        return converted(count: count, withOffsets: true)
    }

    /// Converts the first `count` scalars (and offsets) in place when there is a
    /// conversion, as `ArticleLayout` converts its texts; returns the new count.
    private mutating func converted(count: Int, withOffsets: Bool) -> Int {
        guard let conversion else { return count }
        let text = conversion.convert(DisplayText(
            scalars: Array(scalars[..<count]), offsets: withOffsets ? Array(offsets[..<count]) : []))
        for (index, scalar) in text.scalars.enumerated() {
            if index < scalars.count { scalars[index] = scalar } else { scalars.append(scalar) }
        }
        for (index, offset) in text.offsets.enumerated() {
            if index < offsets.count { offsets[index] = offset } else { offsets.append(offset) }
        }
        return text.count
    }

    /// A title or heading: the marker on the first line, the others indented under it;
    /// a placeholder title that would take several lines is cut to one.
    private mutating func writeBlock(count: Int, marker: String, markerWidth: Int, to output: inout [UInt8]) {
        let indentWidth = wrapper.effectiveIndent(markerWidth)
        let shownMarker = indentWidth == markerWidth ? marker : ""
        wrapText(count: count, firstIndent: markerWidth, indent: markerWidth)
        let offsets = self.offsets[..<count]
        if ranges.count > 1, let offset = offsets.first, offsets.allSatisfy({ $0 == offset }) {
            // As `ArticleLayout.addBlock`: a placeholder title stays on one line, cut with "…".
            let text = String(String.UnicodeScalarView(scalars[..<count]))
            let cut = Array(TextWidth.truncate(text, to: wrapper.width - indentWidth, ambiguousWide: ambiguousWide).unicodeScalars)
            cut.withUnsafeBufferPointer { cut in
                Self.append(lines: CollectionOfOne(0..<cut.count), of: cut, firstPrefix: shownMarker, prefix: "", to: &output)
            }
            return
        }
        let hanging = indentWidth == 0 ? "" : String(repeating: " ", count: indentWidth)
        scalars.withUnsafeBufferPointer { scalars in
            Self.append(lines: ranges, of: scalars, firstPrefix: shownMarker, prefix: hanging, to: &output)
        }
    }

    private mutating func writeParagraph(_ paragraph: Paragraph, source: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        if conversion == nil, paragraph.lines.count == 1, let line = paragraph.lines.first {
            // A huge paragraph: laid out and written window by window (`WindowedWrap`),
            // read from its file when the source holds only its ends.
            var firstPrefix = paragraphPrefix
            let (windowed, spill) = (windowed, spill)
            func write(_ window: UnsafeBufferPointer<Unicode.Scalar>, _ lines: [Range<Int>]) {
                Self.append(lines: lines, of: window, firstPrefix: firstPrefix, prefix: "", to: &output)
                firstPrefix = ""
                spill?(&output)
            }
            if let elidedLines, let huge = elidedLines.line(holding: line) {
                let reader = ElidedLineReader(elidedLines, file: elidedLines.fileRange(of: line, in: huge))
                windowed.wrap(lineLength: reader.file.count, reading: reader.read, firstIndent: style.paragraphIndent,
                              indent: 0, scratch: &scratch, scalars: &scalars, offsets: &offsets, body: write)
                return
            }
            if line.count > windowed.bound {
                windowed.wrap(line: line, in: source, firstIndent: style.paragraphIndent, indent: 0, scratch: &scratch,
                              scalars: &scalars, offsets: &offsets, body: write)
                return
            }
        }
        let count = converted(
            count: DisplayText.decode(lines: paragraph.lines, in: source, into: &scalars, offsets: &offsets,
                                      recordingOffsets: false),
            withOffsets: false)
        wrapText(count: count, firstIndent: style.paragraphIndent, indent: 0)
        scalars.withUnsafeBufferPointer { scalars in
            Self.append(lines: ranges, of: scalars, firstPrefix: paragraphPrefix, prefix: "", to: &output)
        }
    }

    /// Wraps the first `count` scalars into `ranges`.
    private mutating func wrapText(count: Int, firstIndent: Int, indent: Int) {
        ranges.removeAll(keepingCapacity: true)
        scalars.withUnsafeBufferPointer { scalars in
            wrapper.wrap(UnsafeBufferPointer(rebasing: scalars[..<count]), firstIndent: firstIndent, indent: indent,
                         scratch: &scratch) { ranges.append($0) }
        }
    }

    /// Appends each line of `lines` (ranges of `scalars`) after its prefix, with a newline.
    private static func append<Lines: Collection<Range<Int>>>(
        lines: Lines, of scalars: UnsafeBufferPointer<Unicode.Scalar>, firstPrefix: String, prefix: String,
        to output: inout [UInt8]
    ) {
        guard !lines.isEmpty else { return }
        var most = firstPrefix.utf8.count - prefix.utf8.count
        for line in lines { most += UTF8LineWriter.most(prefix: prefix, scalars: line.count) }
        UTF8LineWriter.append(to: &output, most: most) { writer in
            var isFirst = true
            for line in lines {
                writer.write(prefix: isFirst ? firstPrefix : prefix)
                isFirst = false
                writer.write(scalars, line)
                writer.endLine()
            }
        }
    }
}
