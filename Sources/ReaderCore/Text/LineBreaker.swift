import Dispatch

/// What may happen between two adjacent scalars when a paragraph is wrapped.
public enum BreakAction: UInt8, Sendable, BitwiseCopyable {
    /// No line break here.
    case prohibited
    /// A line break may be placed here (a break opportunity).
    case allowed
    /// A line break must be placed here (a hard line break in the text).
    case mandatory
}

/// Line-break opportunities per Unicode UAX #14 (Unicode 17.0, rules LB1–LB31),
/// optionally tailored for Chinese text.
public enum LineBreaker {
    /// Which rules apply.
    public enum Tailoring: Sendable {
        /// The default, untailored UAX #14 rules (what `LineBreakTest.txt` checks;
        /// LB25 uses the regular-expression tailoring of UAX #14 Example 7).
        case uax14
        /// UAX #14 plus the Chinese rules (ARCHITECTURE.md, "Where each rule lives") (see `ChineseTailoring`):
        /// no 。，、”）》 etc. at a line start, no “（《 at a line end, URLs and e-mail
        /// addresses kept whole, never a break inside a grapheme cluster.
        case chinese
    }

    /// The break action *before* each scalar: `result[i]` says what happens between
    /// `scalars[i - 1]` and `scalars[i]`. `result[0]` is always `.prohibited`
    /// (LB2: never break at the start of text). `result.count == scalars.count`.
    public static func actions(
        _ scalars: [Unicode.Scalar], tailoring: Tailoring = .chinese, strictness: LineBreakStrictness = .normal
    ) -> [BreakAction] {
        actions(scalars, tailoring: tailoring, strictness: strictness, splitting: nil)
    }

    /// `actions(_:tailoring:)`, splitting texts of at least `splitting` scalars as
    /// `analyze` does (`Int.max`: never).
    static func actions(
        _ scalars: [Unicode.Scalar], tailoring: Tailoring, strictness: LineBreakStrictness = .normal, splitting: Int?
    ) -> [BreakAction] {
        var scratch = WrapScratch()
        scalars.withUnsafeBufferPointer { scalars in
            analyze(scalars, tailoring: tailoring, strictness: strictness, ambiguousWide: false, scratch: &scratch, splitting: splitting) { _, _, _ in }
        }
        return Array(scratch.actions.prefix(scalars.count))
    }

    /// Everything wrapping needs to know about `scalars`, in one pass over them plus one
    /// over their line-break classes: `scratch.actions` (as `actions(_:tailoring:)`) and
    /// `scratch.cells` (per scalar: `cellBoundary` when a grapheme cluster boundary lies
    /// before it, plus the columns it takes), then `scratch.classes` (the packed
    /// line-break values, tailored). All hold at least `scalars.count` entries (their
    /// storage is reused from text to text and never shrinks); `body` gets them while
    /// they are held still. Texts of at least `splitting` scalars (`splitCount`
    /// unless given) are analysed in two halves at once.
    static func analyze<R>(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, tailoring: Tailoring, strictness: LineBreakStrictness = .normal,
        ambiguousWide: Bool, scratch: inout WrapScratch, splitting: Int? = nil,
        _ body: (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<BreakAction>, UnsafeMutableBufferPointer<UInt8>) -> R
    ) -> R {
        scratch.reserve(scalars.count)
        let chinese = tailoring == .chinese
        let count = scalars.count
        return scratch.classes.withUnsafeMutableBufferPointer { classes in
            scratch.cells.withUnsafeMutableBufferPointer { cells in
                scratch.actions.withUnsafeMutableBufferPointer { actions in
                    if count >= (splitting ?? splitCount), let split = splitPoint(scalars) {
                        // Two halves on two cores: first both classifications, then both
                        // UAX #14 passes (the first reads classes of the second half), each
                        // followed by the tailoring's passes over its half (a link or a
                        // number range never holds the two ideographs at the cut).
                        nonisolated(unsafe) let (scalars, classes, cells, actions) = (scalars, classes, cells, actions)
                        nonisolated(unsafe) var halves = [Findings](repeating: [], count: 2)
                        halves.withUnsafeMutableBufferPointer { halves in
                            nonisolated(unsafe) let halves = halves
                            DispatchQueue.concurrentPerform(iterations: 2) { half in
                                halves[half] = classify(
                                    scalars, range: half == 0 ? 0..<split : split..<count, chinese: chinese,
                                    strictness: strictness, ambiguousWide: ambiguousWide, classes: classes, cells: cells)
                            }
                            DispatchQueue.concurrentPerform(iterations: 2) { half in
                                uax14(UnsafeBufferPointer(classes), count: count, range: half == 0 ? 0..<(split + 1) : split..<count,
                                      into: actions, cells: chinese ? UnsafeBufferPointer(cells) : nil)
                                if chinese {
                                    let part = half == 0 ? 0..<split : split..<count
                                    ChineseTailoring.adjustActions(
                                        UnsafeBufferPointer(rebasing: scalars[part]),
                                        UnsafeBufferPointer(rebasing: classes[part]),
                                        UnsafeMutableBufferPointer(rebasing: actions[part]),
                                        found: halves[half])
                                }
                            }
                        }
                    } else {
                        let found = classify(scalars, range: 0..<count, chinese: chinese, strictness: strictness, ambiguousWide: ambiguousWide,
                                             classes: classes, cells: cells)
                        uax14(UnsafeBufferPointer(classes), count: count, range: 0..<count, into: actions,
                              cells: chinese ? UnsafeBufferPointer(cells) : nil)
                        if chinese {
                            ChineseTailoring.adjustActions(
                                scalars, UnsafeBufferPointer(classes), actions,
                                found: found)
                        }
                    }
                    return body(cells, actions, classes)
                }
            }
        }
    }

    /// `WrapScratch.cells` flag: a grapheme cluster boundary lies before the scalar.
    static let cellBoundary: UInt8 = 0x80
    /// `WrapScratch.cells` mask of the columns the scalar takes.
    static let cellColumns: UInt8 = 0x7F

    /// Texts of at least this many scalars are analysed in two halves at once (a 10 MB
    /// paragraph is laid out in one piece, on one core otherwise).
    static let splitCount = 1 << 18

    /// Where a text can be cut for `analyze` to work on both parts apart: between two CJK
    /// ideographs near the middle (grapheme class Other, line-break class ID, nothing the
    /// tailoring examines). A boundary lies there in every context (GB999), and the
    /// UAX #14 state after an ideograph is the same whatever came before it but for the
    /// unit before the previous one, which matters only after HY or BA (LB21a). Nil when
    /// no such pair lies near the middle.
    static func splitPoint(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        let middle = scalars.count / 2
        for index in middle..<min(scalars.count, middle + 65536) where isRestartPoint(scalars, at: index) {
            return index
        }
        return nil
    }

    /// Whether `index` lies between two plain CJK ideographs (`splitPoint`): the analysis
    /// of the text from there on is the same whatever came before, given the
    /// `ChineseTailoring.quotePairingWindow` scalars before it (a straight quotation
    /// mark's class counts the marks there). Also where a huge paragraph's windows start
    /// (`WindowedWrap`).
    static func isRestartPoint(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        guard index > 0, index < scalars.count else { return false }
        let table = ScalarPropertyTable.layout
        func isPlain(_ index: Int) -> Bool {
            let properties = table[scalars[index].value]
            return ScalarPropertyTable.lineBreak(properties) & 0x3F == LineBreakClass.id.rawValue
                && ScalarPropertyTable.grapheme(properties) == GraphemeBreakClass.other.rawValue
                && properties & ScalarPropertyTable.marked == 0
        }
        return isPlain(index - 1) && isPlain(index)
    }

    /// What `classify` saw that calls for the tailoring's rarer passes.
    struct Findings: OptionSet {
        let rawValue: UInt8
        /// A dash that may join two numbers (`ChineseTailoring.isRangeDash`).
        static let rangeDash = Findings(rawValue: 1)
        /// A character one of which every URL or e-mail address holds
        /// (`ChineseTailoring.examinedCodePoints`).
        static let linkCharacter = Findings(rawValue: 2)
        /// A hyphen-minus (`ChineseTailoring.protectWordInitialHyphens`).
        static let hyphen = Findings(rawValue: 4)
    }

    /// The first pass: each scalar's packed line-break value (the Chinese tailoring's
    /// classes applied) into `classes`, and its grapheme boundary and columns into `cells`.
    ///
    /// Classifies `scalars[range]`; a grapheme boundary is taken to lie before the first.
    @inline(__always)
    private static func classify(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>, chinese: Bool, strictness: LineBreakStrictness,
        ambiguousWide: Bool,
        classes: UnsafeMutableBufferPointer<UInt8>, cells: UnsafeMutableBufferPointer<UInt8>
    ) -> Findings {
        guard !range.isEmpty else { return [] }
        let table = ScalarPropertyTable.layout
        return GraphemeBreaker.withPairs { pairs in
            var found = Findings()
            let first = table[scalars[range.lowerBound].value]
            var cursor = GraphemeBreaker.Cursor(first: ScalarPropertyTable.grapheme(first))
            /// Classifies `scalars[i]`, whose properties are `properties`.
            @inline(__always) func classify(_ i: Int, _ properties: UInt16, isBoundary: Bool) {
                var packed = ScalarPropertyTable.lineBreak(properties)
                let columns = ScalarPropertyTable.columns(properties, ambiguousWide: ambiguousWide)
                if chinese && properties & ScalarPropertyTable.marked != 0 {
                    packed = tailorMarked(scalars, at: i, packed: packed, strictness: strictness, found: &found)
                }
                classes[i] = packed
                cells[i] = isBoundary ? columns | cellBoundary : columns
            }
            classify(range.lowerBound, first, isBoundary: true)
            for i in (range.lowerBound + 1)..<range.upperBound {
                let properties = table[scalars[i].value]
                classify(i, properties, isBoundary: cursor.advance(ScalarPropertyTable.grapheme(properties), pairs: pairs))
            }
            return found
        }
    }

    /// The Chinese tailoring's class for the marked scalar `scalars[i]` (own value
    /// `packed`), noting in `found` what calls for its later passes. Kept out of
    /// `classify`'s loop, which it would keep from being inlined (most scalars are not
    /// marked).
    @inline(never)
    private static func tailorMarked(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, packed: UInt8, strictness: LineBreakStrictness,
        found: inout Findings
    ) -> UInt8 {
        let value = scalars[i].value
        if value == ChineseTailoring.hyphenMinus {
            found.insert(.hyphen)
        } else if value == ChineseTailoring.quotationMark {
            return ChineseTailoring.straightQuoteClass(scalars, at: i) ?? packed
        } else if value < 0x80 {
            found.insert(.linkCharacter)
        } else if let tailored = ChineseTailoring.tailoredClass(scalars, at: i) {
            return tailored
        } else {
            if ChineseTailoring.isRangeDash(value) { found.insert(.rangeDash) }
            return strictness.tailoredClass(value, packed: packed) ?? packed
        }
        return packed
    }

    @inline(__always)
    static func lineBreakClass(_ raw: UInt8) -> LineBreakClass {
        classOfRaw[Int(raw & 0x3F)]
    }

    /// `LineBreakClass(rawValue:) ?? .al` for each 6-bit value: a table read instead of
    /// the enum initialiser's call, which did not inline (4% of wrapping time).
    static let classOfRaw: [LineBreakClass] = (0..<64).map { LineBreakClass(rawValue: UInt8($0)) ?? .al }
}
