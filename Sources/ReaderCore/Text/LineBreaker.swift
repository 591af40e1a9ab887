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

/// Line-break opportunities per Unicode UAX #14 (Unicode 15.0, rules LB1–LB31),
/// optionally tailored for Chinese text.
public enum LineBreaker {
    /// Which rules apply.
    public enum Tailoring: Sendable {
        /// The default, untailored UAX #14 rules (what `LineBreakTest.txt` checks;
        /// LB25 uses the regular-expression tailoring of UAX #14 Example 7).
        case uax14
        /// UAX #14 plus the Chinese rules of design.md §2 (see `ChineseTailoring`):
        /// no 。，、”）》 etc. at a line start, no “（《 at a line end, URLs and e-mail
        /// addresses kept whole, never a break inside a grapheme cluster.
        case chinese
    }

    /// The break action *before* each scalar: `result[i]` says what happens between
    /// `scalars[i - 1]` and `scalars[i]`. `result[0]` is always `.prohibited`
    /// (LB2: never break at the start of text). `result.count == scalars.count`.
    public static func actions(_ scalars: [Unicode.Scalar], tailoring: Tailoring = .chinese) -> [BreakAction] {
        actions(scalars, tailoring: tailoring, splitting: nil)
    }

    /// `actions(_:tailoring:)`, splitting texts of at least `splitting` scalars as
    /// `analyze` does (`Int.max`: never).
    static func actions(_ scalars: [Unicode.Scalar], tailoring: Tailoring, splitting: Int?) -> [BreakAction] {
        var scratch = WrapScratch()
        scalars.withUnsafeBufferPointer { scalars in
            analyze(scalars, tailoring: tailoring, ambiguousWide: false, scratch: &scratch, splitting: splitting) { _, _ in }
        }
        return Array(scratch.actions.prefix(scalars.count))
    }

    /// Everything wrapping needs to know about `scalars`, in one pass over them plus one
    /// over their line-break classes: `scratch.actions` (as `actions(_:tailoring:)`) and
    /// `scratch.cells` (per scalar: `cellBoundary` when a grapheme cluster boundary lies
    /// before it, plus the columns it takes). Both hold at least `scalars.count` entries
    /// (their storage is reused from text to text and never shrinks); `body` gets them
    /// while they are held still. Texts of at least `splitting` scalars (`splitCount`
    /// unless given) are analysed in two halves at once.
    static func analyze<R>(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, tailoring: Tailoring, ambiguousWide: Bool,
        scratch: inout WrapScratch, splitting: Int? = nil,
        _ body: (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<BreakAction>) -> R
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
                                    ambiguousWide: ambiguousWide, classes: classes, cells: cells)
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
                                        ranges: halves[half].contains(.rangeDash), links: halves[half].contains(.linkCharacter))
                                }
                            }
                        }
                    } else {
                        let found = classify(scalars, range: 0..<count, chinese: chinese, ambiguousWide: ambiguousWide,
                                             classes: classes, cells: cells)
                        uax14(UnsafeBufferPointer(classes), count: count, range: 0..<count, into: actions,
                              cells: chinese ? UnsafeBufferPointer(cells) : nil)
                        if chinese {
                            ChineseTailoring.adjustActions(
                                scalars, UnsafeBufferPointer(classes), actions,
                                ranges: found.contains(.rangeDash), links: found.contains(.linkCharacter))
                        }
                    }
                    return body(cells, actions)
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
        let table = UnicodeTables.properties
        func isPlain(_ index: Int) -> Bool {
            let properties = table[scalars[index].value]
            return ScalarPropertyTable.lineBreak(properties) & 0x3F == LineBreakClass.id.rawValue
                && ScalarPropertyTable.grapheme(properties) == GraphemeBreakClass.other.rawValue
                && properties & ScalarPropertyTable.marked == 0
        }
        let middle = scalars.count / 2
        for index in middle..<min(scalars.count, middle + 65536) where index > 0 && isPlain(index - 1) && isPlain(index) {
            return index
        }
        return nil
    }

    /// What `classify` saw that calls for the tailoring's rarer passes.
    struct Findings: OptionSet {
        let rawValue: UInt8
        /// A dash that may join two numbers (`ChineseTailoring.isRangeDash`).
        static let rangeDash = Findings(rawValue: 1)
        /// A character one of which every URL or e-mail address holds
        /// (`ChineseTailoring.examinedCodePoints`).
        static let linkCharacter = Findings(rawValue: 2)
    }

    /// The first pass: each scalar's packed line-break value (the Chinese tailoring's
    /// classes applied) into `classes`, and its grapheme boundary and columns into `cells`.
    ///
    /// Classifies `scalars[range]`; a grapheme boundary is taken to lie before the first.
    @inline(__always)
    private static func classify(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>, chinese: Bool, ambiguousWide: Bool,
        classes: UnsafeMutableBufferPointer<UInt8>, cells: UnsafeMutableBufferPointer<UInt8>
    ) -> Findings {
        guard !range.isEmpty else { return [] }
        let table = UnicodeTables.properties
        return GraphemeBreaker.withPairs { pairs in
            var found = Findings()
            let first = table[scalars[range.lowerBound].value]
            var cursor = GraphemeBreaker.Cursor(first: ScalarPropertyTable.grapheme(first))
            /// Classifies `scalars[i]`, whose properties are `properties`.
            @inline(__always) func classify(_ i: Int, _ properties: UInt16, isBoundary: Bool) {
                var packed = ScalarPropertyTable.lineBreak(properties)
                let columns = ScalarPropertyTable.columns(properties, ambiguousWide: ambiguousWide)
                if chinese && properties & ScalarPropertyTable.marked != 0 {
                    let value = scalars[i].value
                    if value < 0x80 {
                        found.insert(.linkCharacter)
                    } else if let tailored = ChineseTailoring.tailoredClass(scalars, at: i) {
                        packed = tailored
                    } else if ChineseTailoring.isRangeDash(value) {
                        found.insert(.rangeDash)
                    }
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

    @inline(__always)
    static func lineBreakClass(_ raw: UInt8) -> LineBreakClass {
        classOfRaw[Int(raw & 0x3F)]
    }

    /// `LineBreakClass(rawValue:) ?? .al` for each 6-bit value: a table read instead of
    /// the enum initialiser's call, which did not inline (4% of wrapping time).
    private static let classOfRaw: [LineBreakClass] = (0..<64).map { LineBreakClass(rawValue: UInt8($0)) ?? .al }

    /// The UAX #14 pair rules over packed line-break values (class in the low 6 bits,
    /// `UnicodeTableData.lineBreakFlag…` bits above) of a text of `count` scalars: the
    /// actions before the scalars of `range` but its first (LB2 when it starts the text)
    /// are written into `result`, starting from the state its first scalar leaves
    /// (`splitPoint` says where that is the state the text before it leaves too).
    ///
    /// Works on "units" per LB9: a base X followed by any CM/ZWJ scalars behaves as X.
    /// Rules of the form `X SP* × Y` look at `lastNonSpace`, the last unit before the
    /// current run of spaces (or the previous unit when there are none).
    ///
    /// With `cells` (the Chinese tailoring), two of its rules are applied on the way:
    /// no break before NS, not even after a space (UAX #14 allows one by LB18 before
    /// LB21; clreq never does), and none inside a grapheme cluster.
    private static func uax14(
        _ raw: UnsafeBufferPointer<UInt8>, count: Int, range: Range<Int>, into result: UnsafeMutableBufferPointer<BreakAction>,
        cells: UnsafeBufferPointer<UInt8>?
    ) {
        guard !range.isEmpty else { return }
        if range.lowerBound == 0 { result[0] = .prohibited }  // LB2
        guard range.count > 1 else { return }
        let start = range.lowerBound
        classOfRaw.withUnsafeBufferPointer { classOfRaw in
            unitTable.withUnsafeBufferPointer { unitTable in
                @inline(__always) func lineBreakClass(_ raw: UInt8) -> LineBreakClass { classOfRaw[Int(raw & 0x3F)] }

                var previousScalar = lineBreakClass(raw[start])  // class of scalars[i - 1] itself (LB8a)
                var previous = previousScalar == .cm || previousScalar == .zwj ? .al : previousScalar  // LB10
                var previousFlags = raw[start]  // packed value of the previous unit's base
                var beforePrevious = LineBreakClass.sp  // unit before `previous` (LB21a); SP = none
                var lastNonSpace = previous
                var regionalIndicators = previous == .ri ? 1 : 0  // consecutive RI units (LB30a)
                var inNumber = previous == .nu  // previous units match NU (NU | SY | IS)* (LB25)
                var numberClosed = false  // previous units match NU (NU | SY | IS)* (CL | CP) (LB25)

                let end = range.upperBound
                var i = start + 1
                while i < end {
                    // A run of ID after ID (ideographs) or AL after AL (letters): the pair
                    // is decided by LB31 (allowed) or LB28 (prohibited) in every context
                    // these units leave, and the state after each is the same.
                    if previousScalar == previous && (previous == .id || previous == .al) {
                        let run = previous
                        let runAction: BreakAction = run == .id ? .allowed : .prohibited
                        var j = i
                        while j < end && lineBreakClass(raw[j]) == run {
                            if runAction == .allowed, let cells, cells[j] & cellBoundary == 0 {
                                result[j] = .prohibited
                            } else {
                                result[j] = runAction
                            }
                            j += 1
                        }
                        if j > i {
                            beforePrevious = run
                            previousFlags = raw[j - 1]
                            inNumber = false
                            numberClosed = false
                            regionalIndicators = 0
                            i = j
                            continue
                        }
                    }

                    let scalarClass = lineBreakClass(raw[i])
                    var current = scalarClass
                    var action: BreakAction
                    var absorbed = false  // LB9: this CM/ZWJ joins the previous unit
                    // Most pairs: one look-up in `unitTable` (see there), unless LB8 or LB8a
                    // may apply.
                    let known: UInt8
                    if lastNonSpace == .zw || previousScalar == .zwj {
                        known = contextDependent
                    } else if previous == .sp {
                        known = unitTable[3 << 12 | Int(lastNonSpace.rawValue) << 6 | Int(scalarClass.rawValue)]
                    } else {
                        let numbers = inNumber ? 1 : numberClosed ? 2 : 0
                        known = unitTable[numbers << 12 | Int(previous.rawValue) << 6 | Int(scalarClass.rawValue)]
                    }
                    if known != contextDependent, let simple = BreakAction(rawValue: known) {
                        action = simple
                    } else {
                        if current == .cm || current == .zwj {
                            switch previous {
                            case .bk, .cr, .lf, .nl, .sp, .zw: current = .al  // LB10
                            default: absorbed = true  // LB9
                            }
                        }
                        action = slowAction(
                            previous, current, absorbed: absorbed, previousScalar: previousScalar,
                            beforePrevious: beforePrevious, lastNonSpace: lastNonSpace, previousFlags: previousFlags,
                            currentFlags: raw[i],
                            nextIsNumber: current == .op || current == .hy ? nextUnitIsNumber(raw, count: count, after: i) : false,
                            inNumber: inNumber, numberClosed: numberClosed,
                            oddRegionalIndicators: regionalIndicators & 1 == 1)
                    }
                    if action == .allowed, let cells,
                       scalarClass == .ns || cells[i] & cellBoundary == 0 {
                        action = .prohibited
                    }
                    result[i] = action
                    previousScalar = scalarClass
                    if !absorbed {
                        numberClosed = inNumber && (current == .cl || current == .cp)
                        inNumber = current == .nu || (inNumber && (current == .sy || current == .is))
                        regionalIndicators = current == .ri ? regionalIndicators + 1 : 0
                        beforePrevious = previous
                        previous = current
                        previousFlags = raw[i]
                        if current != .sp { lastNonSpace = current }
                    }
                    i += 1
                }
            }
        }
    }

    /// `unitTable` marker: the pair's action depends on more than the table knows.
    private static let contextDependent: UInt8 = 0xFF

    /// The `uax14` action (LB4–LB7, LB11–LB31) for the contexts that decide most pairs,
    /// or `contextDependent`, indexed by `context << 12 | unit << 6 | current`:
    ///
    /// * context 0, 1, 2: the previous unit is `unit`, not SP, and the units before it
    ///   end no number (0), end inside one (1: `inNumber`) or close one (2: `numberClosed`)
    ///   (LB25); the last unit that is not a space is then `unit` itself.
    /// * context 3: the previous unit is SP and the last one that is not is `unit`
    ///   (LB14–LB17; after a space no number is open).
    ///
    /// `current` is the class of the scalar itself: CM and ZWJ (LB9, LB10) are left to
    /// `slowAction`, and so are the states where LB8 or LB8a may apply. An entry holds an
    /// action when `slowAction` gives it for every value of what the index leaves out
    /// (the unit before, the East Asian width and pictographic flags, whether a number
    /// follows, an odd count of regional indicators).
    private static let unitTable: [UInt8] = {
        let classCount = 64
        var table = [UInt8](repeating: contextDependent, count: 4 * classCount * classCount)
        let all = (0..<UInt8(classCount)).compactMap { LineBreakClass(rawValue: $0) }
        let wide = UnicodeTableData.lineBreakFlagEastAsianWide
        let pictographic = UnicodeTableData.lineBreakFlagPictographicUnassigned
        for context in 0..<4 {
            // CM and ZWJ are never the previous unit (LB10 makes them AL, LB9 joins them
            // to the unit before), nor is ZW when the table is read (LB8 is left open).
            for unit in all where unit != .sp && unit != .zw && unit != .cm && unit != .zwj {
                let previous = context == 3 ? LineBreakClass.sp : unit
                for current in all where current != .cm && current != .zwj {
                    // The actions seen, one bit each; two different ones end the search
                    // (the table is built while the first screen waits).
                    var outcomes: UInt8 = 0
                    search: for beforePrevious in [LineBreakClass.hl, .al] {
                        for previousFlags in [0, wide, pictographic] {
                            for currentFlags in [0, wide] {
                                for nextIsNumber in [false, true] {
                                    for odd in [false, true] {
                                        outcomes |= 1 << slowAction(
                                            previous, current, absorbed: false, previousScalar: previous,
                                            beforePrevious: beforePrevious, lastNonSpace: unit,
                                            previousFlags: previousFlags, currentFlags: currentFlags,
                                            nextIsNumber: nextIsNumber, inNumber: context == 1,
                                            numberClosed: context == 2, oddRegionalIndicators: odd).rawValue
                                        if outcomes & (outcomes - 1) != 0 { break search }
                                    }
                                }
                            }
                        }
                    }
                    if outcomes & (outcomes - 1) == 0 {
                        table[context << 12 | Int(unit.rawValue) << 6 | Int(current.rawValue)] =
                            UInt8(outcomes.trailingZeroBitCount)
                    }
                }
            }
        }
        return table
    }()

    /// LB4–LB31 in full, for the pairs `unitTable` leaves open; `current` is already
    /// resolved by LB10, and `absorbed` says LB9 joins it to the previous unit.
    private static func slowAction(
        _ previous: LineBreakClass, _ current: LineBreakClass, absorbed: Bool, previousScalar: LineBreakClass,
        beforePrevious: LineBreakClass, lastNonSpace: LineBreakClass, previousFlags: UInt8, currentFlags: UInt8,
        nextIsNumber: Bool, inNumber: Bool, numberClosed: Bool, oddRegionalIndicators: Bool
    ) -> BreakAction {
        // LB4, LB5: hard breaks.
        switch previous {
        case .bk, .lf, .nl: return .mandatory
        case .cr: return current == .lf ? .prohibited : .mandatory
        default: break
        }
        switch current {
        case .bk, .cr, .lf, .nl, .sp, .zw: return .prohibited  // LB6, LB7
        default: break
        }
        if lastNonSpace == .zw { return .allowed }  // LB8
        if absorbed { return .prohibited }  // LB9
        if previousScalar == .zwj { return .prohibited }  // LB8a
        return pairAction(
            previous, current, beforePrevious: beforePrevious, lastNonSpace: lastNonSpace,
            previousFlags: previousFlags, currentFlags: currentFlags, nextIsNumber: nextIsNumber,
            inNumber: inNumber, numberClosed: numberClosed, oddRegionalIndicators: oddRegionalIndicators)
    }

    /// Whether the unit after the one starting at `index` (skipping CM/ZWJ) is NU.
    private static func nextUnitIsNumber(_ raw: UnsafeBufferPointer<UInt8>, count: Int, after index: Int) -> Bool {
        var j = index + 1
        while j < count {
            let c = lineBreakClass(raw[j])
            if c != .cm && c != .zwj { return c == .nu }
            j += 1
        }
        return false
    }

    /// LB11–LB31 for two adjacent units (LB4–LB10 are handled by the caller).
    @inline(__always)
    private static func pairAction(
        _ previous: LineBreakClass, _ current: LineBreakClass,
        beforePrevious: LineBreakClass, lastNonSpace: LineBreakClass,
        previousFlags: UInt8, currentFlags: UInt8, nextIsNumber: Bool,
        inNumber: Bool, numberClosed: Bool, oddRegionalIndicators: Bool
    ) -> BreakAction {
        // LB11
        if current == .wj || previous == .wj { return .prohibited }
        // LB12, LB12a
        if previous == .gl { return .prohibited }
        if current == .gl && previous != .sp && previous != .ba && previous != .hy { return .prohibited }
        // LB13
        switch current {
        case .cl, .cp, .ex, .is, .sy: return .prohibited
        default: break
        }
        // LB14–LB17: X SP* × Y
        switch lastNonSpace {
        case .op: return .prohibited
        case .qu where current == .op: return .prohibited
        case .cl where current == .ns, .cp where current == .ns: return .prohibited
        case .b2 where current == .b2: return .prohibited
        default: break
        }
        // LB18
        if previous == .sp { return .allowed }
        // LB19
        if current == .qu || previous == .qu { return .prohibited }
        // LB20
        if current == .cb || previous == .cb { return .allowed }
        // LB21, LB21a, LB21b, LB22
        switch current {
        case .ba, .hy, .ns, .in: return .prohibited
        default: break
        }
        if previous == .bb { return .prohibited }
        if beforePrevious == .hl && (previous == .hy || previous == .ba) { return .prohibited }
        if previous == .sy && current == .hl { return .prohibited }

        switch (previous, current) {
        // LB23
        case (.al, .nu), (.hl, .nu), (.nu, .al), (.nu, .hl): return .prohibited
        // LB23a
        case (.pr, .id), (.pr, .eb), (.pr, .em), (.id, .po), (.eb, .po), (.em, .po): return .prohibited
        // LB24
        case (.pr, .al), (.pr, .hl), (.po, .al), (.po, .hl),
             (.al, .pr), (.al, .po), (.hl, .pr), (.hl, .po): return .prohibited
        // LB25 (UAX #14 Example 7): (PR | PO)? (OP | HY)? NU (NU | SY | IS)* (CL | CP)? (PR | PO)?
        case (.pr, .nu), (.po, .nu), (.op, .nu), (.hy, .nu): return .prohibited
        case (.pr, .op), (.pr, .hy), (.po, .op), (.po, .hy):
            if nextIsNumber { return .prohibited }
        // LB26
        case (.jl, .jl), (.jl, .jv), (.jl, .h2), (.jl, .h3),
             (.jv, .jv), (.jv, .jt), (.h2, .jv), (.h2, .jt),
             (.jt, .jt), (.h3, .jt): return .prohibited
        // LB27
        case (.jl, .po), (.jv, .po), (.jt, .po), (.h2, .po), (.h3, .po),
             (.pr, .jl), (.pr, .jv), (.pr, .jt), (.pr, .h2), (.pr, .h3): return .prohibited
        default: break
        }
        // LB25, continued: inside and right after the number.
        if inNumber {
            switch current {
            case .nu, .sy, .is, .cl, .cp, .po, .pr: return .prohibited
            default: break
            }
        }
        if numberClosed && (current == .po || current == .pr) { return .prohibited }

        switch (previous, current) {
        // LB28
        case (.al, .al), (.al, .hl), (.hl, .al), (.hl, .hl): return .prohibited
        // LB29
        case (.is, .al), (.is, .hl): return .prohibited
        // LB30: only for OP/CP that are not East Asian wide.
        case (.al, .op), (.hl, .op), (.nu, .op):
            if currentFlags & UnicodeTableData.lineBreakFlagEastAsianWide == 0 { return .prohibited }
        case (.cp, .al), (.cp, .hl), (.cp, .nu):
            if previousFlags & UnicodeTableData.lineBreakFlagEastAsianWide == 0 { return .prohibited }
        // LB30a
        case (.ri, .ri):
            if oddRegionalIndicators { return .prohibited }
        // LB30b
        case (.eb, .em): return .prohibited
        case (_, .em):
            if previousFlags & UnicodeTableData.lineBreakFlagPictographicUnassigned != 0 { return .prohibited }
        default: break
        }
        return .allowed  // LB31
    }
}
