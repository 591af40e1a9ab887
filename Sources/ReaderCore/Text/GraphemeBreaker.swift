/// Extended grapheme cluster boundaries (UAX #29, Unicode 15.0: rules GB3–GB13,
/// without the GB9c Indic conjunct rule that arrived in 15.1).
public enum GraphemeBreaker {
    /// `result[i]` is true when a grapheme cluster boundary lies *before* `scalars[i]`.
    /// `result[0]` is true for non-empty input. `result.count == scalars.count`.
    public static func boundaries(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var result = [Bool](repeating: false, count: scalars.count)
        guard !scalars.isEmpty else { return result }
        result[0] = true
        let table = UnicodeTables.graphemeBreak
        var segmenter = Segmenter(first: graphemeClass(table[scalars[0].value]))
        for i in 1..<scalars.count {
            result[i] = segmenter.isBoundary(before: graphemeClass(table[scalars[i].value]))
        }
        return result
    }

    @inline(__always)
    static func graphemeClass(_ raw: UInt8) -> GraphemeBreakClass {
        GraphemeBreakClass(rawValue: raw) ?? .other
    }

    /// Left-to-right boundary state machine: feed it the class of each scalar after
    /// the first; it answers whether a boundary lies before that scalar.
    struct Segmenter {
        /// Class of the previous scalar.
        private var previous: GraphemeBreakClass
        /// Number of consecutive regional indicators ending at the previous scalar (GB12/13).
        private var regionalIndicators: Int
        /// The text since the last Extended_Pictographic is `Extend*` (GB11).
        private var afterPictographic: Bool
        /// The previous scalar is a ZWJ that follows `ExtPict Extend*` (GB11).
        private var zwjAfterPictographic = false

        init(first: GraphemeBreakClass) {
            previous = first
            regionalIndicators = first == .regionalIndicator ? 1 : 0
            afterPictographic = first == .extPict
        }

        mutating func isBoundary(before current: GraphemeBreakClass) -> Bool {
            let boundary = Self.rules(previous, current,
                                      zwjAfterPictographic: zwjAfterPictographic,
                                      oddRegionalIndicators: regionalIndicators & 1 == 1)
            zwjAfterPictographic = current == .zwj && afterPictographic
            switch current {
            case .extPict: afterPictographic = true
            case .extend: break
            default: afterPictographic = false
            }
            regionalIndicators = current == .regionalIndicator ? regionalIndicators + 1 : 0
            previous = current
            return boundary
        }

        @inline(__always)
        private static func rules(_ previous: GraphemeBreakClass, _ current: GraphemeBreakClass,
                                  zwjAfterPictographic: Bool, oddRegionalIndicators: Bool) -> Bool {
            switch (previous, current) {
            case (.cr, .lf): return false  // GB3
            case (.control, _), (.cr, _), (.lf, _): return true  // GB4
            case (_, .control), (_, .cr), (_, .lf): return true  // GB5
            case (.l, .l), (.l, .v), (.l, .lv), (.l, .lvt): return false  // GB6
            case (.lv, .v), (.lv, .t), (.v, .v), (.v, .t): return false  // GB7
            case (.lvt, .t), (.t, .t): return false  // GB8
            case (_, .extend), (_, .zwj): return false  // GB9
            case (_, .spacingMark): return false  // GB9a
            case (.prepend, _): return false  // GB9b
            case (.zwj, .extPict): return !zwjAfterPictographic  // GB11
            case (.regionalIndicator, .regionalIndicator): return !oddRegionalIndicators  // GB12, GB13
            default: return true  // GB999
            }
        }
    }
}
