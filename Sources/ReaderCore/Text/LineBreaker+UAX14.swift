extension LineBreaker {
    /// The UAX #14 pair rules over packed line-break values (class in the low 6 bits,
    /// `UnicodeTableData.lineBreakFlag…` bits above) of a text of `count` scalars: the
    /// actions before the scalars of `range` but its first (LB2 when it starts the text)
    /// are written into `result`, starting from the state its first scalar leaves
    /// (`splitPoint` says where that is the state the text before it leaves too).
    ///
    /// Works on "units" per LB9: a base X followed by any CM/ZWJ scalars behaves as X.
    /// Rules of the form `X SP* × Y` look at `lastNonSpace`, the last unit before the
    /// current run of spaces (or the previous unit when there are none). The rules
    /// themselves are `LineBreakRules`; most pairs are answered by `unitTable`.
    ///
    /// With `cells` (the Chinese tailoring), three of its rules are applied on the way:
    /// no break before NS, not even after a space (UAX #14 allows one by LB18 before
    /// LB21; clreq never does), none inside a grapheme cluster, and none inside a Korean
    /// word (`ChineseTailoring.joinsKoreanWord`).
    static func uax14(
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
                var beforePrevious = LineBreakClass.sp  // unit before `previous` (LB20a, LB21a); SP = sot
                var beforePreviousFlags: UInt8 = 0
                var lastNonSpace = previous
                var quoteOpens = previous == .qi  // LB15a: a Pi quotation mark at sot
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
                            beforePreviousFlags = raw[j - 2]  // j > i, and raw[i - 1] is the run's first unit
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
                        action = LineBreakRules.action(LineBreakPair(
                            previous: previous, current: current, absorbed: absorbed, previousScalar: previousScalar,
                            beforePrevious: beforePrevious, beforePreviousFlags: beforePreviousFlags,
                            previousFlags: previousFlags, currentFlags: raw[i], lastNonSpace: lastNonSpace,
                            quoteOpens: quoteOpens,
                            lookahead: !absorbed && LineBreakRules.looksAhead(current) ? lookahead(raw, count: count, after: i) : [],
                            inNumber: inNumber, numberClosed: numberClosed,
                            oddRegionalIndicators: regionalIndicators & 1 == 1))
                    }
                    if action == .allowed, let cells, scalarClass == .ns || cells[i] & cellBoundary == 0
                        || ChineseTailoring.joinsKoreanWord(previous, current) {
                        action = .prohibited
                    }
                    result[i] = action
                    previousScalar = scalarClass
                    if !absorbed {
                        numberClosed = inNumber && (current == .cl || current == .cp)
                        inNumber = current == .nu || (inNumber && (current == .sy || current == .is))
                        regionalIndicators = current == .ri ? regionalIndicators + 1 : 0
                        if current != .sp {
                            quoteOpens = current == .qi && opensQuote(after: previous)
                            lastNonSpace = current
                        }
                        beforePrevious = previous
                        beforePreviousFlags = previousFlags
                        previous = current
                        previousFlags = raw[i]
                    }
                    i += 1
                }
            }
        }
    }

    /// Whether a Pi quotation mark after a unit of class `before` opens a quotation (LB15a:
    /// after sot, BK, CR, LF, NL, OP, QU, GL, SP or ZW).
    private static func opensQuote(after before: LineBreakClass) -> Bool {
        switch before {
        case .bk, .cr, .lf, .nl, .op, .qu, .qi, .qf, .gl, .sp, .zw: return true
        default: return false
        }
    }

    /// What follows the unit that starts at `index` (its CM/ZWJ skipped), for the rules
    /// that look ahead (`LineBreakRules.looksAhead`).
    private static func lookahead(_ raw: UnsafeBufferPointer<UInt8>, count: Int, after index: Int) -> LineBreakPair.Lookahead {
        /// The index of the unit after the one at `index`, or `count`.
        func nextUnit(after index: Int) -> Int {
            var j = index + 1
            while j < count {
                let c = lineBreakClass(raw[j])
                if c != .cm && c != .zwj { break }
                j += 1
            }
            return j
        }
        let next = nextUnit(after: index)
        guard next < count else { return .nextEndsQuote }  // eot
        var found: LineBreakPair.Lookahead = []
        let nextClass = lineBreakClass(raw[next])
        if nextClass == .nu { found.insert(.nextIsNumber) }
        if nextClass == .vf { found.insert(.nextIsViramaFinal) }
        if LineBreakRules.isEastAsian(raw[next]) { found.insert(.nextIsEastAsian) }
        if LineBreakRules.endsQuote(nextClass) { found.insert(.nextEndsQuote) }
        if nextClass == .is {
            let afterNext = nextUnit(after: next)
            if afterNext < count && lineBreakClass(raw[afterNext]) == .nu { found.insert(.nextIsInfixThenNumber) }
        }
        return found
    }

    /// `unitTable` marker: the pair's action depends on more than the table knows.
    static let contextDependent: UInt8 = 0xFF

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
    /// `LineBreakRules.action` in full, and so are the states where LB8 or LB8a may
    /// apply. An entry holds an action when `LineBreakRules.action` gives it for every
    /// value of what the index leaves out (the unit before and its flags, the flags,
    /// what follows, an odd count of regional indicators, an opening quotation mark).
    static let unitTable: [UInt8] = {
        let classCount = 64
        var table = [UInt8](repeating: contextDependent, count: 4 * classCount * classCount)
        let all = (0..<UInt8(classCount)).compactMap { LineBreakClass(rawValue: $0) }
        let wide = UnicodeTableData.lineBreakFlagEastAsianWide
        let pictographic = UnicodeTableData.lineBreakFlagPictographicUnassigned
        // The units before that some rule tells apart: sot (SP), HL (LB21a), AK (LB28a),
        // an East Asian one (LB19a), any other.
        let unitsBefore: [(LineBreakClass, UInt8)] = [(.al, 0), (.sp, 0), (.hl, 0), (.ak, 0), (.id, wide)]
        for context in 0..<4 {
            // CM and ZWJ are never the previous unit (LB10 makes them AL, LB9 joins them
            // to the unit before), nor is ZW when the table is read (LB8 is left open).
            for unit in all where unit != .sp && unit != .zw && unit != .cm && unit != .zwj {
                let previous = context == 3 ? LineBreakClass.sp : unit
                for current in all where current != .cm && current != .zwj {
                    // The actions seen, one bit each; two different ones end the search
                    // (the table is built while the first screen waits).
                    var outcomes: UInt8 = 0
                    var pair = LineBreakPair(
                        previous: previous, current: current, previousScalar: previous, lastNonSpace: unit,
                        inNumber: context == 1, numberClosed: context == 2)
                    // Only after these does a rule look at the unit before (LB19a, LB20a,
                    // LB21a, LB28a).
                    let before: [(LineBreakClass, UInt8)]
                    switch previous {
                    case .hy, .hh, .vi, .qu, .qi, .qf: before = unitsBefore
                    default: before = [(.al, 0)]
                    }
                    search: for (beforePrevious, beforePreviousFlags) in before {
                        pair.beforePrevious = beforePrevious
                        pair.beforePreviousFlags = beforePreviousFlags
                        for previousFlags in [0, wide, pictographic] {
                            pair.previousFlags = previousFlags
                            for currentFlags in [0, wide] {
                                pair.currentFlags = currentFlags
                                for lookahead in LineBreakPair.Lookahead.domain(for: current) {
                                    pair.lookahead = lookahead
                                    for odd in [false, true] {
                                        pair.oddRegionalIndicators = odd
                                        for opens in unit == .qi ? [false, true] : [false] {
                                            pair.quoteOpens = opens
                                            outcomes |= 1 << LineBreakRules.action(pair).rawValue
                                            if outcomes & (outcomes - 1) != 0 { break search }
                                        }
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
}
