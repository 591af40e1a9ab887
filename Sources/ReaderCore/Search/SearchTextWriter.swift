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
/// Folding is done on bytes where it can be: printable ASCII is lowercased in place, and
/// a valid three-byte sequence (CJK, punctuation, full-width forms) is copied, replaced
/// by U+FFFD or folded to ASCII as `threeByteKinds` says. Anything else goes through
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
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    /// The bytes written. The writer must not be used afterwards.
    consuming func finish() -> FoldedBytes {
        FoldedBytes(taking: base, count: count)
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
        if title.lowerBound < line.upperBound {
            startText()
            writeLine(title.lowerBound..<line.upperBound)
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
            if byte >= 0x20 && byte < 0x7F {
                out.pointee = byte &- 0x41 < 26 ? byte | 0x20 : byte
                out += 1
                index += 1
                lastIsWide = false
                continue
            }
            if byte & 0xF0 == 0xE0, index + 2 < end {
                let second = source[index + 1]
                let third = source[index + 2]
                let value = Int(byte & 0x0F) << 12 | Int(second & 0x3F) << 6 | Int(third & 0x3F)
                let kind = second & 0xC0 == 0x80 && third & 0xC0 == 0x80 ? kinds[value] : 0
                if kind != 0 {
                    switch kind & SearchTextWriter.kindMask {
                    case SearchTextWriter.copy:
                        out[0] = byte
                        out[1] = second
                        out[2] = third
                        out += 3
                    case SearchTextWriter.replace:
                        out[0] = 0xEF
                        out[1] = 0xBF
                        out[2] = 0xBD
                        out += 3
                    case SearchTextWriter.foldHan:
                        let folded = Int(folds[value])
                        out[0] = UInt8(truncatingIfNeeded: 0xE0 | folded >> 12)
                        out[1] = UInt8(truncatingIfNeeded: 0x80 | folded >> 6 & 0x3F)
                        out[2] = UInt8(truncatingIfNeeded: 0x80 | folded & 0x3F)
                        out += 3
                    default:
                        // A full-width ASCII form folds to the ASCII character, lowercased.
                        let ascii = UInt8(truncatingIfNeeded: value - 0xFEE0)
                        out.pointee = ascii &- 0x41 < 26 ? ascii | 0x20 : ascii
                        out += 1
                    }
                    lastIsWide = kind & SearchTextWriter.wide != 0
                    index += 3
                    continue
                }
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
            if kind & SearchTextWriter.kindMask == SearchTextWriter.copy
                || kind & SearchTextWriter.kindMask == SearchTextWriter.foldToASCII {
                return kind & SearchTextWriter.wide != 0
            }
        }
        return DisplayText.joinsTight(ScalarDecoder.firstScalar(in: source, range: line))
    }

    // MARK: Three-byte sequences

    /// `threeByteKinds` values: the low bits say what a scalar becomes, `wide` whether what
    /// is shown joins tight (`DisplayText.joinsTight`: two columns wide, not Hangul); 0 means
    /// "decode, make visible and fold it".
    static let kindMask: UInt8 = 0x07
    /// Shown as itself, not folded: the source bytes are copied.
    static let copy: UInt8 = 1
    /// Not printable (width < 0): shown as U+FFFD.
    static let replace: UInt8 = 2
    /// A full-width ASCII form (U+FF01–FF5E): folded to ASCII.
    static let foldToASCII: UInt8 = 3
    /// A Traditional Chinese character that folds to a Simplified one of three bytes too
    /// (`發` → `发`): written as `threeByteFolds` says.
    static let foldHan: UInt8 = 4
    static let wide: UInt8 = 0x80

    /// What each scalar U+0800…U+FFFF (the three-byte sequences, indexed by value)
    /// becomes once made visible and folded, by one load instead of the width table's
    /// two and a few range tests. Left to the scalar path (0): what `SafeText.visible` or
    /// `SearchFolding.fold` change otherwise — Latin Extended Additional (lowercased),
    /// Traditional Chinese characters that fold to a Simplified one of four bytes,
    /// the bidi controls (U+FFFD whatever their width), the ideographic space (a space) —
    /// and surrogates (invalid UTF-8), and the values below U+0800 (overlong sequences).
    ///
    /// 64 KB, made once and never freed, read-only once made.
    nonisolated(unsafe) static let threeByteKinds: UnsafePointer<UInt8> = {
        let width = UnicodeTables.width
        let replacementJoinsTight = DisplayText.joinsTight(SafeText.replacement, in: width)
        let kinds = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        kinds.initialize(repeating: 0, count: 0x10000)
        for value in UInt32(0x800)...0xFFFF {
            guard !(0x1E00...0x1EFF).contains(value), !(0x202A...0x202E).contains(value),
                  !(0x2066...0x2069).contains(value), value != 0x3000, let scalar = Unicode.Scalar(value)
            else { continue }
            let columns = DisplayWidth.of(scalar, ambiguousWide: false, in: width)
            if columns < 0 {
                kinds[Int(value)] = replace | (replacementJoinsTight ? wide : 0)
            } else {
                let kind = (0xFF01...0xFF5E).contains(value) ? foldToASCII : copy
                // A Traditional character folds to a Simplified one (the scalar path when
                // that is not three bytes long).
                let folded = SearchFolding.fold(scalar).value
                if kind == copy && folded != scalar.value {
                    guard folded >= 0x800 && folded <= 0xFFFF else { continue }
                    kinds[Int(value)] = foldHan | (DisplayText.joinsTight(scalar, in: width) ? wide : 0)
                    continue
                }
                kinds[Int(value)] = kind | (DisplayText.joinsTight(scalar, in: width) ? wide : 0)
            }
        }
        return UnsafePointer(kinds)
    }()

    /// What each `foldHan` scalar of `threeByteKinds` folds to (0 for the others).
    /// 128 KB, made once and never freed, read-only once made.
    nonisolated(unsafe) static let threeByteFolds: UnsafePointer<UInt16> = {
        let folds = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        folds.initialize(repeating: 0, count: 0x10000)
        for value in UInt32(0x3400)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = SearchFolding.fold(scalar).value
            if folded != value && folded >= 0x800 && folded <= 0xFFFF { folds[Int(value)] = UInt16(folded) }
        }
        return UnsafePointer(folds)
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
