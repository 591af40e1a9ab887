/// The rules of UAX #14 (Unicode 17.0) for one pair of units, LB4–LB31: the one
/// definition `LineBreaker.uax14` applies, both through its table of the pairs that need
/// no more than their two classes (`LineBreaker.unitTable`) and directly for the rest.
///
/// A unit is a base scalar with the CM/ZWJ scalars LB9 joins to it. `LineBreakPair`
/// holds what the rules may look at around the position between two units; the table
/// is built by asking `action(_:)` about every value of what it does not index.
enum LineBreakRules {
    /// The action between `pair.previous` and `pair.current` (LB4–LB31; LB9 and LB10 are
    /// resolved by the caller: `current` is already AL for a CM/ZWJ that LB10 turns into
    /// one, and `absorbed` says LB9 joins `current` to the previous unit).
    static func action(_ pair: LineBreakPair) -> BreakAction {
        let previous = pair.previous, current = pair.current
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
        if pair.lastNonSpace == .zw { return .allowed }  // LB8
        if pair.absorbed { return .prohibited }  // LB9
        if pair.previousScalar == .zwj { return .prohibited }  // LB8a
        return pairAction(pair)
    }

    /// LB11–LB31.
    @inline(__always)
    private static func pairAction(_ pair: LineBreakPair) -> BreakAction {
        let previous = pair.previous, current = pair.current, lastNonSpace = pair.lastNonSpace
        // LB11
        if current == .wj || previous == .wj { return .prohibited }
        // LB12, LB12a
        if previous == .gl { return .prohibited }
        if current == .gl && previous != .sp && previous != .ba && previous != .hy && previous != .hh { return .prohibited }
        // LB13
        switch current {
        case .cl, .cp, .ex, .sy: return .prohibited
        default: break
        }
        // LB14: OP SP* ×
        if lastNonSpace == .op { return .prohibited }
        // LB15a: (sot | BK | CR | LF | NL | OP | QU | GL | SP | ZW) [\p{Pi}&QU] SP* ×
        if lastNonSpace == .qi && pair.quoteOpens { return .prohibited }
        // LB15b: × [\p{Pf}&QU] (SP | GL | WJ | CL | QU | CP | EX | IS | SY | BK | CR | LF | NL | ZW | eot)
        if current == .qf && pair.lookahead.contains(.nextEndsQuote) { return .prohibited }
        // LB15c: SP ÷ IS NU
        if previous == .sp && current == .is && pair.lookahead.contains(.nextIsNumber) { return .allowed }
        // LB15d: × IS
        if current == .is { return .prohibited }
        // LB16: (CL | CP) SP* × NS; LB17: B2 SP* × B2
        if (lastNonSpace == .cl || lastNonSpace == .cp) && current == .ns { return .prohibited }
        if lastNonSpace == .b2 && current == .b2 { return .prohibited }
        // LB18
        if previous == .sp { return .allowed }
        // LB19: × [QU - \p{Pi}], [QU - \p{Pf}] ×
        if current == .qu || current == .qf || previous == .qu || previous == .qi { return .prohibited }
        // LB19a: no break on either side of a quotation mark unless East Asian characters
        // surround it.
        if isQuotation(current) && (!isEastAsian(pair.previousFlags) || !pair.lookahead.contains(.nextIsEastAsian)) {
            return .prohibited
        }
        if isQuotation(previous) && (!isEastAsian(pair.currentFlags) || !isEastAsian(pair.beforePreviousFlags)) {
            return .prohibited
        }
        // LB20
        if current == .cb || previous == .cb { return .allowed }
        // LB20a: (sot | BK | CR | LF | NL | SP | ZW | CB | GL) (HY | HH) × (AL | HL)
        if (previous == .hy || previous == .hh) && (isAlphabetic(current) || current == .hl) {
            switch pair.beforePrevious {
            case .sp, .bk, .cr, .lf, .nl, .zw, .cb, .gl: return .prohibited  // SP also stands for sot
            default: break
            }
        }
        // LB21, LB21a, LB21b, LB22
        switch current {
        case .ba, .hh, .hy, .ns, .in: return .prohibited
        default: break
        }
        if previous == .bb { return .prohibited }
        if pair.beforePrevious == .hl && (previous == .hy || previous == .hh) && current != .hl { return .prohibited }
        if previous == .sy && current == .hl { return .prohibited }

        let previousLetter = isAlphabetic(previous) || previous == .hl
        let currentLetter = isAlphabetic(current) || current == .hl
        // LB23
        if (previousLetter && current == .nu) || (previous == .nu && currentLetter) { return .prohibited }
        switch (previous, current) {
        // LB23a
        case (.pr, .id), (.pr, .eb), (.pr, .em), (.id, .po), (.eb, .po), (.em, .po): return .prohibited
        // LB25: PR × NU, PO × NU, HY × NU, IS × NU; (PR | PO) × OP IS? NU
        case (.pr, .nu), (.po, .nu), (.hy, .nu), (.is, .nu): return .prohibited
        case (.pr, .op), (.po, .op):
            if pair.lookahead.contains(.nextIsNumber) || pair.lookahead.contains(.nextIsInfixThenNumber) { return .prohibited }
        // LB26
        case (.jl, .jl), (.jl, .jv), (.jl, .h2), (.jl, .h3),
             (.jv, .jv), (.jv, .jt), (.h2, .jv), (.h2, .jt),
             (.jt, .jt), (.h3, .jt): return .prohibited
        // LB27
        case (.jl, .po), (.jv, .po), (.jt, .po), (.h2, .po), (.h3, .po),
             (.pr, .jl), (.pr, .jv), (.pr, .jt), (.pr, .h2), (.pr, .h3): return .prohibited
        default: break
        }
        // LB24
        if (previous == .pr || previous == .po) && currentLetter { return .prohibited }
        if previousLetter && (current == .pr || current == .po) { return .prohibited }
        // LB25, continued: NU (SY | IS)* × (NU | PO | PR), NU (SY | IS)* (CL | CP) × (PO | PR).
        if pair.inNumber && (current == .nu || current == .po || current == .pr) { return .prohibited }
        if pair.numberClosed && (current == .po || current == .pr) { return .prohibited }
        // LB28
        if previousLetter && currentLetter { return .prohibited }
        // LB28a: AP × (AK | ◌ | AS); (AK | ◌ | AS) × (VF | VI); (AK | ◌ | AS) VI × (AK | ◌);
        // (AK | ◌ | AS) × (AK | ◌ | AS) VF
        if previous == .ap && isAksara(current) { return .prohibited }
        if isAksara(previous) && (current == .vf || current == .vi) { return .prohibited }
        if previous == .vi && isAksara(pair.beforePrevious) && (current == .ak || current == .dc) { return .prohibited }
        if isAksara(previous) && isAksara(current) && pair.lookahead.contains(.nextIsViramaFinal) { return .prohibited }

        switch (previous, current) {
        // LB29
        case (.is, _) where currentLetter: return .prohibited
        // LB30: only for OP/CP that are not East Asian.
        case (_, .op) where previousLetter || previous == .nu:
            if !isEastAsian(pair.currentFlags) { return .prohibited }
        case (.cp, _) where currentLetter || current == .nu:
            if !isEastAsian(pair.previousFlags) { return .prohibited }
        // LB30a
        case (.ri, .ri):
            if pair.oddRegionalIndicators { return .prohibited }
        // LB30b
        case (.eb, .em): return .prohibited
        case (_, .em):
            if pair.previousFlags & UnicodeTableData.lineBreakFlagPictographicUnassigned != 0 { return .prohibited }
        default: break
        }
        return .allowed  // LB31
    }

    /// AL, or the dotted circle (AL but for LB28a).
    @inline(__always)
    static func isAlphabetic(_ c: LineBreakClass) -> Bool { c == .al || c == .dc }

    /// QU, whatever its General_Category.
    @inline(__always)
    static func isQuotation(_ c: LineBreakClass) -> Bool { c == .qu || c == .qi || c == .qf }

    /// AK, ◌ or AS (LB28a).
    @inline(__always)
    static func isAksara(_ c: LineBreakClass) -> Bool { c == .ak || c == .dc || c == .`as` }

    /// In UAX #14's $EastAsian set (East_Asian_Width F, W or H).
    @inline(__always)
    static func isEastAsian(_ flags: UInt8) -> Bool { flags & UnicodeTableData.lineBreakFlagEastAsianWide != 0 }

    /// The classes that end a final quotation mark's no-break (LB15b), eot aside.
    static func endsQuote(_ c: LineBreakClass) -> Bool {
        switch c {
        case .sp, .gl, .wj, .cl, .qu, .qi, .qf, .cp, .ex, .is, .sy, .bk, .cr, .lf, .nl, .zw: return true
        default: return false
        }
    }

    /// Whether a unit of class `current` has a rule that looks at the units after it.
    @inline(__always)
    static func looksAhead(_ current: LineBreakClass) -> Bool {
        switch current {
        case .op, .is, .qu, .qi, .qf, .ak, .`as`, .dc: return true
        default: return false
        }
    }
}

/// What the UAX #14 rules may look at around the position between two units.
struct LineBreakPair {
    /// The classes of the unit before and the unit after the position (LB9, LB10 resolved).
    var previous: LineBreakClass, current: LineBreakClass
    /// LB9 joins `current` (CM or ZWJ) to the previous unit.
    var absorbed = false
    /// The class of the scalar right before the position itself (LB8a: ZWJ).
    var previousScalar: LineBreakClass
    /// The unit before `previous` (SP also when there is none: sot).
    var beforePrevious: LineBreakClass = .al
    /// The flag bits (`UnicodeTableData.lineBreakFlag…`) of `beforePrevious`, `previous`
    /// and `current`.
    var beforePreviousFlags: UInt8 = 0, previousFlags: UInt8 = 0, currentFlags: UInt8 = 0
    /// The last unit that is not SP (`previous` unless that is SP).
    var lastNonSpace: LineBreakClass
    /// `lastNonSpace` is a Pi quotation mark after sot, BK, CR, LF, NL, OP, QU, GL, SP or ZW (LB15a).
    var quoteOpens = false
    /// What follows `current` (asked only when `LineBreakRules.looksAhead(current)`).
    var lookahead: Lookahead = []
    /// The units before match NU (SY | IS)* (LB25).
    var inNumber = false
    /// The units before match NU (SY | IS)* (CL | CP) (LB25).
    var numberClosed = false
    /// An odd number of RI units precede (LB30a).
    var oddRegionalIndicators = false

    /// What follows the unit after the position.
    struct Lookahead: OptionSet {
        let rawValue: UInt8
        /// The next unit is NU (LB15c, LB25).
        static let nextIsNumber = Lookahead(rawValue: 1)
        /// The next units are IS NU (LB25).
        static let nextIsInfixThenNumber = Lookahead(rawValue: 2)
        /// The next unit is East Asian (LB19a; not at eot).
        static let nextIsEastAsian = Lookahead(rawValue: 4)
        /// Nothing follows, or a unit of `LineBreakRules.endsQuote` (LB15b).
        static let nextEndsQuote = Lookahead(rawValue: 8)
        /// The next unit is VF (LB28a).
        static let nextIsViramaFinal = Lookahead(rawValue: 16)

        /// The values worth telling apart for a `current` unit of this class.
        static func domain(for current: LineBreakClass) -> [Lookahead] {
            switch current {
            case .op: return [[], .nextIsNumber, .nextIsInfixThenNumber]
            case .is: return [[], .nextIsNumber]
            case .qu, .qi, .qf: return [[], .nextIsEastAsian, .nextEndsQuote, [.nextIsEastAsian, .nextEndsQuote]]
            case .ak, .`as`, .dc: return [[], .nextIsViramaFinal]
            default: return [[]]
            }
        }
    }
}
