/// The lines of a huge paragraph (one source line of over `WindowedWrap.defaultBound`
/// bytes) around one offset, for the interactive view: only a few chunks of it are decoded
/// and laid out (ARCHITECTURE.md, "Huge paragraphs").
///
/// The paragraph is cut into chunks of `chunkSize` bytes. Chunk `j` (j ≥ 1) has an anchor:
/// the last restart point (`LineBreaker.isRestartPoint`) at or before its first byte. Run `j`
/// lays out the text from anchor `j` as if a line started there, with the windows of
/// `WindowedWrap` (`Wrapper.wrapWindow`: a line is given only while its choice read nothing
/// past the last restart point analysed); run 0 is the paragraph's own layout. The
/// paragraph's lines are run `j`'s from where it meets run `j - 1` (their first common line
/// start at or after anchor `j`, looked for over `convergenceBytes`) to where it meets run
/// `j + 1`. Since run 0 is exact and a run that meets the one before is exact from there on,
/// the lines are exactly the whole paragraph's wherever every seam before met (as news
/// text's seams do within a few lines). Two runs that never meet (text whose lines never
/// shift against each other, such as ideographs alone) are joined by cutting the line across
/// the anchor there: one shorter line, broken at a place where a break is allowed.
///
/// The lines depend only on the text and the width, never on how the reader got there: a
/// chunk is laid out the same whichever offset asked for it.
struct ParagraphWindow {
    let wrapper: Wrapper
    let style: LayoutStyle
    /// Bytes a chunk covers.
    let chunkSize: Int

    /// Lines of a huge paragraph around one offset.
    struct Lines {
        /// The decoded (and `style.shown`) text the lines are ranges of, with context around them.
        var text: DisplayText
        /// The lines, in order.
        var lines: [Range<Int>]
        /// Whether `lines` begin with the paragraph's first line.
        var startsParagraph: Bool
        /// Whether `lines` end with the paragraph's last line.
        var reachesEnd: Bool
        /// How many seams between the chunks shown (and the one before them) did not meet:
        /// each cuts a line short.
        var cutSeams: Int
    }

    /// Windows for a paragraph over `bound` bytes: chunks of an eighth of it.
    init(wrapper: Wrapper, style: LayoutStyle, bound: Int) {
        self.wrapper = wrapper
        self.style = style
        chunkSize = Self.chunkSize(bound: bound)
    }

    /// The chunk size for paragraphs over `bound` bytes: 128 KiB for the default bound,
    /// about a thousand lines of 80 columns (a key that leaves its chunk lays out about
    /// four: 40–60 ms for the 200 MB line, ARCHITECTURE.md, "Huge paragraphs").
    static func chunkSize(bound: Int) -> Int { max(16, bound / 8) }

    /// How far past an anchor two runs are compared for a common line start: half a chunk
    /// (no more, so that the seams keep their order).
    private var convergenceBytes: Int { chunkSize / 2 }

    /// The chunk whose lines (with its neighbours') show `offset` of `paragraph`: an offset
    /// before the paragraph asks for its first chunk, one after it for its last.
    static func chunk(of offset: Int, in paragraph: Range<Int>, chunkSize: Int) -> Int {
        (min(max(offset, paragraph.lowerBound), paragraph.upperBound - 1) - paragraph.lowerBound) / chunkSize
    }

    /// The lines of chunks `k - 1 ... k + 1` of `paragraph`, `k` the chunk of `offset`; nil when
    /// a chunk needed has no anchor (text without ideographs: the caller lays the paragraph
    /// out whole, as before windows).
    func lines(
        of paragraph: Range<Int>, around offset: Int, in source: UnsafeBufferPointer<UInt8>, firstIndent: Int,
        scratch: inout WrapScratch
    ) -> Lines? {
        let lastChunk = (paragraph.count - 1) / chunkSize
        let chunk = Self.chunk(of: offset, in: paragraph, chunkSize: chunkSize)
        let shown = max(0, chunk - 1)...min(lastChunk, chunk + 1)
        let runs = max(0, shown.lowerBound - 1)...min(lastChunk, shown.upperBound + 1)
        var anchors: [Int] = []
        for index in runs {
            guard let anchor = index == 0 ? paragraph.lowerBound : anchor(of: index, in: paragraph, source: source)
            else { return nil }
            anchors.append(anchor)
        }
        /// Where run `index` stops being decoded: past the next anchor by the distance its
        /// lines are compared over and a few lines more (the last run only needs its start).
        func runEnd(_ index: Int) -> Int {
            let nextAnchor = index + 1 <= runs.upperBound ? anchors[index + 1 - runs.lowerBound]
                : index == lastChunk ? paragraph.upperBound : anchors[index - runs.lowerBound]
            let end = nextAnchor + convergenceBytes + min(convergenceBytes, 4096)
            return WindowedWrap.scalarStart(min(paragraph.upperBound, end), in: source, limit: paragraph.upperBound)
        }
        let context = 4 * (ChineseTailoring.quotePairingWindow + 2)
        let textStart = runs.lowerBound == 0 ? paragraph.lowerBound
            : WindowedWrap.scalarStart(max(paragraph.lowerBound, anchors[0] - context), in: source, limit: anchors[0])
        let text = style.shown(DisplayText.joining(lines: CollectionOfOne(textStart..<runEnd(runs.upperBound)), in: source))
        let offsets = text.offsets
        func index(of offset: Int) -> Int { offsets.partitioningIndex { $0 >= offset } }
        // Each run's lines, as ranges of `text`.
        var runLines: [[Range<Int>]] = []
        text.scalars.withUnsafeBufferPointer { all in
            for run in runs {
                let start = index(of: anchors[run - runs.lowerBound])
                let windowStart = max(0, start - (ChineseTailoring.quotePairingWindow + 2))
                let end = runEnd(run)
                let windowEnd = index(of: end)
                let window = UnsafeBufferPointer(rebasing: all[windowStart..<windowEnd])
                var trustedEnd: Int?
                if end < paragraph.upperBound {
                    var last = window.count - 1
                    while last > start - windowStart + 1 && !LineBreaker.isRestartPoint(window, at: last) { last -= 1 }
                    trustedEnd = last - 1
                }
                var first = start - windowStart
                if run == 0 && firstIndent > 0 { first = Wrapper.indentEnd(window) }
                var lines: [Range<Int>] = []
                _ = wrapper.wrapWindow(
                    window, from: first, isFirst: run == 0, firstIndent: firstIndent, indent: 0, trustedEnd: trustedEnd,
                    scratch: &scratch
                ) { line in lines.append(line.lowerBound + windowStart..<line.upperBound + windowStart) }
                runLines.append(lines)
            }
        }
        // Where each shown chunk's lines start (the index in `text`), and whether the
        // line before is cut there (runs that did not meet).
        var seams: [(start: Int, cut: Bool)] = []
        for run in shown.lowerBound...min(lastChunk, shown.upperBound + 1) {
            guard run > 0 else {
                seams.append((runLines[0].first?.lowerBound ?? 0, false))
                continue
            }
            let anchor = index(of: anchors[run - runs.lowerBound])
            let limit = index(of: anchors[run - runs.lowerBound] + convergenceBytes)
            let later = Set(runLines[run - runs.lowerBound].lazy.map(\.lowerBound).prefix { $0 <= limit })
            let met = runLines[run - 1 - runs.lowerBound].first { $0.lowerBound >= anchor && $0.lowerBound <= limit
                && later.contains($0.lowerBound) }
            seams.append(met.map { ($0.lowerBound, false) } ?? (anchor, true))
        }
        var lines: [Range<Int>] = []
        for run in shown {
            let from = seams[run - shown.lowerBound]
            let to = run - shown.lowerBound + 1 < seams.count ? seams[run - shown.lowerBound + 1] : nil
            for line in runLines[run - runs.lowerBound] where line.lowerBound >= from.start {
                guard let to else {
                    lines.append(line)
                    continue
                }
                if line.lowerBound >= to.start { break }
                lines.append(to.cut ? line.lowerBound..<min(line.upperBound, to.start) : line)
            }
        }
        return Lines(text: text, lines: lines, startsParagraph: shown.lowerBound == 0,
                     reachesEnd: shown.upperBound == lastChunk, cutSeams: seams.count { $0.cut })
    }

    /// The anchor of chunk `index` (≥ 1): the source offset of the last restart point at or
    /// before the chunk's first byte, looked for over half a chunk before it; nil when none.
    private func anchor(of index: Int, in paragraph: Range<Int>, source: UnsafeBufferPointer<UInt8>) -> Int? {
        let target = paragraph.lowerBound + index * chunkSize
        for reach in [min(256, chunkSize / 2), chunkSize / 2] {
            let from = WindowedWrap.scalarStart(max(paragraph.lowerBound, target - reach), in: source, limit: target)
            let to = WindowedWrap.scalarStart(min(paragraph.upperBound, target + 1), in: source, limit: paragraph.upperBound)
            let piece = DisplayText.joining(lines: CollectionOfOne(from..<to), in: source)
            var found: Int?
            piece.scalars.withUnsafeBufferPointer { scalars in
                var at = piece.offsets.partitioningIndex { $0 > target } - 1
                while at > 0 {
                    if LineBreaker.isRestartPoint(scalars, at: at), piece.offsets[at] > paragraph.lowerBound {
                        found = piece.offsets[at]
                        return
                    }
                    at -= 1
                }
            }
            if let found { return found }
        }
        return nil
    }
}
