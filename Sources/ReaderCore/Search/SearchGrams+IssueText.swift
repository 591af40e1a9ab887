extension SearchGrams {
    /// A superset of `grams(of: Document(bytes: source, …))` for the issue text `source`
    /// (UTF-8 issue text, not a converted feed, page or Markdown file), with or without
    /// page-break repair, taken straight from the bytes in one pass: no parse, no search
    /// texts. What indexing records (ARCHITECTURE.md, "Search index"): the index only
    /// narrows a search to candidates, which the plain path searches, so more grams only
    /// let a file through more often, while a missing one would lose hits.
    ///
    /// Why nothing is missed. A search text (`SearchTextWriter`) is a placeholder title,
    /// a heading's source from its title to its line end, or the lines of one or more
    /// paragraphs (several when repair joins them), each line trimmed of white space
    /// (`IssueScanner`: space, tab, U+3000, U+FEFF) and joined to the one before by a
    /// space or by nothing; every source scalar of a line is written as its visible form
    /// (`SafeText.visible`: one scalar, or `^` and a letter), folded (`SearchFolding`, one
    /// to one). So a pair of a text is one of:
    /// - a pair of a placeholder: all of them are added;
    /// - two scalars of one visible form (`^` and its letter): the walk writes every
    ///   scalar's form whole;
    /// - the last of one source scalar's form and the first of the next one's, within a
    ///   line: the walk writes every scalar of the file, white space included, in order
    ///   (only line ends are skipped), so these are adjacent in it too — the trimmed
    ///   white space and the `#`s of headings only add pairs;
    /// - across a line join: the last non-white scalar `p` before a line end and the
    ///   first `n` after it, with only white space, line ends and blank lines between
    ///   (a line is trimmed; repair joins paragraphs of one group, separated by blank
    ///   lines only), joined as `p n` or `pn`: for every such gap holding a line end the
    ///   walk adds (p, n), (p, space) and (space, n).
    /// The decoding is the writer's (`ScalarDecoder`, its tables for ASCII and three-byte
    /// sequences): line ends and white space are ASCII or start with a lead byte, so no
    /// sequence decodes differently for starting a text or for being cut at a line end.
    /// A property test checks the superset on random and real issues.
    public static func grams(ofIssueText source: UnsafeBufferPointer<UInt8>) -> [Int64] {
        let table = GramTable(capacity: source.count / 4)
        for placeholder in placeholderGrams { table.insert(placeholder) }
        var walk = IssueTextGramWalk(table: table)
        walk.add(source)
        return table.inserted
    }

    /// The grams of the placeholder titles (`Document.untitled`, …), folded.
    private static let placeholderGrams: [Int64] = {
        var keys: [Int64] = []
        for title in [Document.untitled, Document.untitledSection, Document.frontMatter] {
            let folded = SearchFolding.fold(title)
            for index in folded.indices.dropFirst() { keys.append(key(folded[index - 1].value, folded[index].value)) }
        }
        return keys
    }()
}

/// The one pass of `SearchGrams.grams(ofIssueText:)` (see there for why it is a superset).
private struct IssueTextGramWalk {
    let table: GramTable
    /// No scalar (`UInt32.max` is never a scalar value).
    static let none = UInt32.max
    static let space = UInt32(0x20)
    /// The last scalar written.
    private var previous = none
    /// Whether the scalars since the last non-white one are all white space or line
    /// ends (a gap), whether a line end was among them, and the last scalar written
    /// before the gap.
    private var inGap = false
    private var gapHasLineEnd = false
    private var beforeGap = none

    private let kinds = SearchTextWriter.threeByteKinds
    private let folds = SearchTextWriter.threeByteFolds
    private let asciiFolds = SearchTextWriter.asciiFolds

    init(table: GramTable) {
        self.table = table
    }

    mutating func add(_ source: UnsafeBufferPointer<UInt8>) {
        let end = source.count
        var index = 0
        while index < end {
            let byte = source[index]
            if IssueScanner.isLineEnd(byte) {
                startGap(lineEnd: true)
                index += 1
                continue
            }
            if source.whitespaceLength(at: index, end: end) != 0 {
                startGap(lineEnd: false)
            } else {
                endGap()
            }
            if byte < 0x80 {
                let folded = asciiFolds[Int(byte)]
                if folded != 0 {
                    write(UInt32(folded))
                } else {
                    writeVisible(Unicode.Scalar(byte))
                }
                index += 1
                continue
            }
            if let (value, kind) = SearchTextWriter.threeByteKind(in: source, at: index, end: end, kinds: kinds) {
                write(kind & SearchTextWriter.kindMask == SearchTextWriter.copy ? UInt32(value) : UInt32(folds[value]))
                index += 3
                continue
            }
            let (scalar, length) = ScalarDecoder.decodeMultibyte(source, at: index, end: end)
            writeVisible(scalar)
            index += length
        }
    }

    /// A white-space scalar or a line end comes: a gap starts unless one is open.
    @inline(__always)
    private mutating func startGap(lineEnd: Bool) {
        if !inGap {
            inGap = true
            gapHasLineEnd = false
            beforeGap = previous
        }
        if lineEnd { gapHasLineEnd = true }
    }

    /// A scalar that is not white space comes: a gap holding a line end adds the pairs
    /// a line join may write, once the scalar's first written scalar is known.
    @inline(__always)
    private mutating func endGap() {
        if inGap {
            inGap = false
            if !gapHasLineEnd { beforeGap = IssueTextGramWalk.none }
        }
    }

    /// Writes `scalar`'s visible form, folded (as `SearchTextWriter` does for the scalars
    /// its tables leave out).
    private mutating func writeVisible(_ scalar: Unicode.Scalar) {
        SafeText.visible(scalar) { shown in write(SearchFolding.fold(shown).value) }
    }

    /// Adds the pair of `value` with the scalar before it, and, right after a gap with a
    /// line end, the pairs of a line join.
    @inline(__always)
    private mutating func write(_ value: UInt32) {
        if previous != IssueTextGramWalk.none { table.insert(SearchGrams.key(previous, value)) }
        previous = value
        if beforeGap != IssueTextGramWalk.none, !inGap {
            table.insert(SearchGrams.key(beforeGap, value))
            table.insert(SearchGrams.key(beforeGap, IssueTextGramWalk.space))
            table.insert(SearchGrams.key(IssueTextGramWalk.space, value))
            beforeGap = IssueTextGramWalk.none
        }
    }
}
