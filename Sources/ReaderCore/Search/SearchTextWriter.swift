/// Writes the search texts of articles as folded UTF-8, straight from the source bytes,
/// for `SearchIndex`.
///
/// Gives, byte for byte, what folding and encoding the texts of `ArticleSearch.texts`
/// gives (each followed by `SearchIndex.separator`), but without parsing an `Article`:
/// no title strings, no arrays of paragraphs and sections. It reads an article's lines
/// from `IssueScanner`, as `DocumentParser` does (paragraphs end at blank lines and
/// headings; only the chunk's first article), asks `PageBreakRepair.isCut` which paragraphs to join
/// (the same question over the same byte ranges, in the same groups: the lead, then each
/// section; `repair` is the document's `joinsCutParagraphs`), and writes each text as
/// `DisplayText.joining` would make it (lines joined, control characters and invalid
/// UTF-8 made visible), folded as `SearchFolding` does.
///
/// Folding is done on bytes where it can be: ASCII is written as `asciiFolds` says, and
/// a valid three-byte sequence (CJK, punctuation, full-width forms) is copied or written
/// as another scalar as `threeByteKinds` says (a table worked out from `SafeText` and
/// `SearchFolding`). Anything else goes through
/// `ScalarDecoder`, `SafeText.visible` and `SearchFolding.fold`, scalar by scalar.
///
/// The output is one allocation, grown as needed; `finish()` hands it over.
struct SearchTextWriter {
    private let source: UnsafeBufferPointer<UInt8>
    private let repair: Bool
    /// `SearchTextWriter.threeByteKinds`, in hand (reading a global costs a lazy
    /// initialisation check, an array a retain and release, in hot loops).
    private let kinds: UnsafePointer<UInt8>
    /// `SearchTextWriter.threeByteFolds`, in hand (as `kinds`).
    private let folds: UnsafePointer<UInt16>
    /// `SearchTextWriter.asciiFolds`, in hand (as `kinds`).
    private let asciiFolds: UnsafePointer<UInt8>

    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    /// Whether the text being written has no line yet (so the next line needs no joining).
    private var textIsEmpty = true
    /// Whether the last display scalar written (before folding) joins tight (`DisplayText.joinsTight`).
    private var lastIsWide = false
    /// Content ranges of the first and last lines of the paragraph being read (the lines
    /// between are found again when it is written: no array to fill and empty).
    private var paragraph: (first: Range<Int>, last: Range<Int>)?
    /// The paragraph read last in the current group (lead or section), whose text is not
    /// yet ended by a separator since the next one may continue it: its first and last
    /// lines (of that paragraph alone, when page-break repair joined it to others).
    private var pending: (first: Range<Int>, last: Range<Int>)?

    /// A writer of texts of `source`, with room for `capacity` bytes to begin with.
    init(source: UnsafeBufferPointer<UInt8>, repair: Bool, capacity: Int) {
        self.source = source
        self.repair = repair
        kinds = SearchTextWriter.threeByteKinds
        folds = SearchTextWriter.threeByteFolds
        asciiFolds = SearchTextWriter.asciiFolds
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    /// The bytes written. The writer must not be used afterwards.
    consuming func finish() -> FoldedBytes {
        FoldedBytes(taking: base, count: count)
    }

    /// Calls `body` with the bytes written so far (valid only during the call).
    func withWritten<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written (between articles: each ends its texts), keeping the room.
    mutating func removeAll() {
        count = 0
    }

    // MARK: Articles

    /// Writes the texts of the article in `source[chunk]` (an `ArticleList` chunk), each
    /// followed by `SearchIndex.separator`: those of `ArticleSearch.texts` for
    /// `ArticleList.parse` of that chunk.
    mutating func writeArticle(_ chunk: Range<Int>) {
        var started = false
        var scanner = IssueScanner(source, range: chunk)
        lineLoop: while let (line, kind) = scanner.next() {
            switch kind {
            case .blank:
                closeParagraph()
            case .heading(let level, let title):
                closeParagraph()
                if level == 2 {
                    if started { break lineLoop }  // the next article: `ArticleList` keeps only the first
                    started = true
                    writeHeading(title, line: line, placeholder: .untitled)
                } else {
                    if !started {
                        started = true
                        writePlaceholder(.frontMatter)
                    }
                    endGroup()
                    writeHeading(title, line: line, placeholder: .untitledSection)
                }
            case .text(let content):
                if !started {
                    started = true
                    writePlaceholder(.frontMatter)
                }
                paragraph = (paragraph?.first ?? content, content)
            }
        }
        closeParagraph()
        endGroup()
        // A chunk without any article (cannot happen) is an untitled one, as in `ArticleList`.
        if !started { writePlaceholder(.untitled) }
    }

    /// A heading's text (as `ArticleLayout.headingText`): the source from the title to the
    /// line end, or the placeholder when the title is empty.
    private mutating func writeHeading(_ title: Range<Int>, line: Range<Int>, placeholder: Placeholder) {
        if let shown = ArticleLayout.headingSource(titleOffset: title.lowerBound, heading: line) {
            startText()
            writeLine(shown)
            endText()
        } else {
            writePlaceholder(placeholder)
        }
    }

    /// The placeholder titles, folded, as UTF-8.
    private enum Placeholder {
        case untitled, untitledSection, frontMatter

        static let untitledBytes = folded(Document.untitled)
        static let untitledSectionBytes = folded(Document.untitledSection)
        static let frontMatterBytes = folded(Document.frontMatter)

        var bytes: [UInt8] {
            switch self {
            case .untitled: Placeholder.untitledBytes
            case .untitledSection: Placeholder.untitledSectionBytes
            case .frontMatter: Placeholder.frontMatterBytes
            }
        }

        private static func folded(_ text: String) -> [UInt8] {
            Array(String(String.UnicodeScalarView(SearchFolding.fold(text))).utf8)
        }
    }

    /// A placeholder title as a whole text.
    private mutating func writePlaceholder(_ placeholder: Placeholder) {
        let bytes = placeholder.bytes
        reserve(bytes.count + 1)
        for byte in bytes {
            base[count] = byte
            count += 1
        }
        endText()
    }

    /// Ends the paragraph being read (as `DocumentParser` does at a blank line, a heading
    /// or the end), writing it as a new text or, when page-break repair joins it to the
    /// pending paragraph, as that text's continuation.
    private mutating func closeParagraph() {
        guard let (first, last) = paragraph else { return }
        paragraph = nil
        if let previous = pending, repair,
           PageBreakRepair.isCut(previous.first.lowerBound..<previous.last.upperBound,
                                 before: first.lowerBound..<last.upperBound, in: source) {
            pending = (first, last)
        } else {
            endGroup()
            startText()
            pending = (first, last)
        }
        writeLine(first)
        // The lines after the first, found again by `IssueScanner`: none of them is blank
        // or a heading (either would have ended the paragraph), and there are no line
        // ends in a line's trailing white space.
        var line = first
        while line.upperBound < last.upperBound {
            let end = IssueScanner.lineEnd(in: source, from: line.upperBound, limit: last.upperBound)
            let next = IssueScanner.lineStart(after: end, in: source, limit: last.upperBound)
            line = source.trimmingWhitespace(next..<IssueScanner.lineEnd(in: source, from: next, limit: last.upperBound))
            writeLine(line)
        }
    }

    /// Ends the pending paragraph's text: the group of paragraphs it belongs to is over,
    /// or the next paragraph does not continue it.
    private mutating func endGroup() {
        if pending != nil {
            endText()
            pending = nil
        }
    }

    // MARK: Texts

    /// Starts a text: its first line is not joined to anything.
    private mutating func startText() {
        textIsEmpty = true
    }

    /// Ends a text with the separator.
    private mutating func endText() {
        reserve(1)
        base[count] = SearchIndex.separator
        count += 1
    }

    /// Appends the non-empty line `source[line]` to the current text, as
    /// `DisplayText.joining` does (a space before it unless both the last scalar so far
    /// and its first join tight), made display-safe and folded.
    private mutating func writeLine(_ line: Range<Int>) {
        guard !line.isEmpty else { return }
        // Each source byte gives at most three bytes (U+FFFD for an invalid byte; a
        // control byte gives two, folding a two-byte Latin letter at most three).
        reserve(line.count * 3 + 1)
        var out = base + count
        if !textIsEmpty {
            if !(lastIsWide && startsWide(line)) {
                out.pointee = 0x20
                out += 1
            }
        }
        textIsEmpty = false
        var lastIsWide = self.lastIsWide
        var index = line.lowerBound
        let end = line.upperBound
        while index < end {
            let byte = source[index]
            if byte < 0x80, case let folded = asciiFolds[Int(byte)], folded != 0 {
                out.pointee = folded
                out += 1
                index += 1
                lastIsWide = false
                continue
            }
            if let (value, kind) = SearchTextWriter.threeByteKind(in: source, at: index, end: end, kinds: kinds) {
                switch kind & SearchTextWriter.kindMask {
                case SearchTextWriter.copy:
                    out[0] = byte
                    out[1] = source[index + 1]
                    out[2] = source[index + 2]
                    out += 3
                case SearchTextWriter.writeThreeBytes:
                    let folded = Int(folds[value])
                    out[0] = UInt8(truncatingIfNeeded: 0xE0 | folded >> 12)
                    out[1] = UInt8(truncatingIfNeeded: 0x80 | folded >> 6 & 0x3F)
                    out[2] = UInt8(truncatingIfNeeded: 0x80 | folded & 0x3F)
                    out += 3
                default:
                    out.pointee = UInt8(truncatingIfNeeded: folds[value])
                    out += 1
                }
                lastIsWide = kind & SearchTextWriter.wide != 0
                index += 3
                continue
            }
            let scalar: Unicode.Scalar
            if byte < 0x80 {
                scalar = Unicode.Scalar(byte)
                index += 1
            } else {
                let (decoded, length) = ScalarDecoder.decodeMultibyte(source, at: index, end: end)
                scalar = decoded
                index += length
            }
            SafeText.visible(scalar) { shown in
                UTF8.encode(SearchFolding.fold(shown)) { byte in
                    out.pointee = byte
                    out += 1
                }
                lastIsWide = DisplayText.joinsTight(shown)
            }
        }
        self.lastIsWide = lastIsWide
        count = base.distance(to: out)
    }

    /// Whether the first scalar of the non-empty `source[line]` joins tight (`DisplayText.joinsTight`).
    @inline(__always)
    private func startsWide(_ line: Range<Int>) -> Bool {
        let start = line.lowerBound
        let byte = source[start]
        if byte & 0xF0 == 0xE0, line.count >= 3, source[start + 1] & 0xC0 == 0x80, source[start + 2] & 0xC0 == 0x80 {
            let kind = kinds[Int(byte & 0x0F) << 12 | Int(source[start + 1] & 0x3F) << 6 | Int(source[start + 2] & 0x3F)]
            // Shown as itself: the kind's width is the scalar's.
            if kind & SearchTextWriter.shownAsItself != 0 { return kind & SearchTextWriter.wide != 0 }
        }
        return DisplayText.joinsTight(ScalarDecoder.firstScalar(in: source, range: line))
    }

    // MARK: Three-byte sequences

    /// The value of the valid three-byte sequence at `index` (before `end`) and its
    /// `threeByteKinds` entry; nil when there is none there or its kind is 0 (the scalar
    /// path). Read by the writer and by `SearchGrams.grams(ofIssueText:)`.
    @inline(__always)
    static func threeByteKind(
        in source: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, kinds: UnsafePointer<UInt8>
    ) -> (value: Int, kind: UInt8)? {
        let byte = source[index]
        guard byte & 0xF0 == 0xE0, index + 2 < end else { return nil }
        let second = source[index + 1]
        let third = source[index + 2]
        guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
        let value = Int(byte & 0x0F) << 12 | Int(second & 0x3F) << 6 | Int(third & 0x3F)
        let kind = kinds[value]
        return kind == 0 ? nil : (value, kind)
    }

    /// `threeByteKinds` values: the low bits say how a scalar is written, `wide` whether
    /// what is shown joins tight (`DisplayText.joinsTight`: two columns wide, not Hangul),
    /// `shownAsItself` whether `SafeText` shows the scalar unchanged; 0 means "decode,
    /// make visible and fold it".
    static let kindMask: UInt8 = 0x03
    /// Shown as itself and not changed by folding: the source bytes are copied.
    static let copy: UInt8 = 1
    /// Shown or folded as another three-byte scalar (U+FFFD for a scalar that is not
    /// printable, `發` → `发`, `Ạ` → `ạ`): written as `threeByteFolds` says.
    static let writeThreeBytes: UInt8 = 2
    /// Folded to ASCII (a full-width form, the ideographic space): the byte
    /// `threeByteFolds` holds, written alone.
    static let writeASCII: UInt8 = 3
    static let shownAsItself: UInt8 = 0x40
    static let wide: UInt8 = 0x80

    /// What each scalar U+0800…U+FFFF (the three-byte sequences, indexed by value)
    /// becomes once made visible (`SafeText.visible`) and folded (`SearchFolding.fold`),
    /// by one load instead of the width table's two and a few range tests: worked out
    /// once from those two rules, for every such scalar (a test compares the writer with
    /// the scalar path for each). Left to the scalar path (0): the scalars that become
    /// one of two or four bytes (`ẞ` → `ß`, a Traditional character whose Simplified one
    /// is outside the BMP), surrogates (invalid UTF-8), and the values below U+0800
    /// (overlong sequences).
    ///
    /// 64 KB, made once and never freed, read-only once made.
    nonisolated(unsafe) static let threeByteKinds: UnsafePointer<UInt8> = threeByteTables.kinds

    /// What each `writeThreeBytes` or `writeASCII` scalar of `threeByteKinds` is written
    /// as (0 for the others). 128 KB, made once and never freed, read-only once made.
    nonisolated(unsafe) static let threeByteFolds: UnsafePointer<UInt16> = threeByteTables.folds

    /// What each ASCII byte is written as once made visible (`SafeText.visible`) and
    /// folded (`SearchFolding.fold`): worked out once from those rules; 0 for the bytes
    /// shown as two (`^[`), left to the scalar path. None of them joins tight.
    /// 128 bytes, made once and never freed.
    nonisolated(unsafe) static let asciiFolds: UnsafePointer<UInt8> = {
        let folds = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x80)
        folds.initialize(repeating: 0, count: 0x80)
        for byte in UInt8(0)..<0x80 {
            var shownScalars: [Unicode.Scalar] = []
            SafeText.visible(Unicode.Scalar(byte)) { shownScalars.append($0) }
            guard shownScalars.count == 1, let shown = shownScalars.first, !DisplayText.joinsTight(shown) else { continue }
            let folded = SearchFolding.fold(shown)
            if folded.isASCII { folds[Int(byte)] = UInt8(folded.value) }
        }
        return UnsafePointer(folds)
    }()

    /// `threeByteKinds` and `threeByteFolds`, made together.
    nonisolated(unsafe) private static let threeByteTables: (kinds: UnsafePointer<UInt8>, folds: UnsafePointer<UInt16>) = {
        let width = UnicodeTables.width
        let kinds = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        kinds.initialize(repeating: 0, count: 0x10000)
        let folds = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        folds.initialize(repeating: 0, count: 0x10000)
        for value in UInt32(0x800)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var shownScalars: [Unicode.Scalar] = []
            SafeText.visible(scalar) { shownScalars.append($0) }
            guard shownScalars.count == 1, let shown = shownScalars.first else { continue }
            let written = SearchFolding.fold(shown)
            let kind: UInt8
            if written == scalar {
                kind = copy
            } else if written.value >= 0x800 && written.value <= 0xFFFF {
                kind = writeThreeBytes
            } else if written.value < 0x80 {
                kind = writeASCII
            } else {
                continue
            }
            if kind != copy { folds[Int(value)] = UInt16(written.value) }
            kinds[Int(value)] = kind | (shown == scalar ? shownAsItself : 0)
                | (DisplayText.joinsTight(shown, in: width) ? wide : 0)
        }
        return (UnsafePointer(kinds), UnsafePointer(folds))
    }()

    // MARK: Output

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
