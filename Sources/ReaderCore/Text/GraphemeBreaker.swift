/// Extended grapheme cluster boundaries (UAX #29, Unicode 15.0: rules GB3–GB13,
/// without the GB9c Indic conjunct rule that arrived in 15.1).
public enum GraphemeBreaker {
    /// `result[i]` is true when a grapheme cluster boundary lies *before* `scalars[i]`.
    /// `result[0]` is true for non-empty input. `result.count == scalars.count`.
    public static func boundaries(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var result: [Bool] = []
        boundaries(scalars, into: &result)
        return result
    }

    /// `boundaries(_:)` written into `result`, whose storage is reused.
    static func boundaries(_ scalars: [Unicode.Scalar], into result: inout [Bool]) {
        result.removeAll(keepingCapacity: true)
        result.append(contentsOf: repeatElement(false, count: scalars.count))
        guard !scalars.isEmpty else { return }
        let table = UnicodeTables.graphemeBreak
        withPairs { pairs in
            scalars.withUnsafeBufferPointer { scalars in
                result.withUnsafeMutableBufferPointer { result in
                    var cursor = Cursor(first: table[scalars[0].value])
                    result[0] = true
                    for i in 1..<scalars.count {
                        result[i] = cursor.advance(table[scalars[i].value], pairs: pairs)
                    }
                }
            }
        }
    }

    /// Calls `body` with the pair table that `Cursor.advance` needs (read once per text:
    /// each access to a `static let` checks that it is built).
    @inline(__always)
    static func withPairs<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        pairTable.withUnsafeBufferPointer(body)
    }

    /// The left-to-right scan for boundaries, one scalar at a time: the previous class and
    /// what rules GB11–GB13 need to remember. Classes are `GraphemeBreakClass` raw values.
    struct Cursor {
        private var previous: UInt8
        /// Number of consecutive regional indicators ending at `previous` (GB12/13).
        private var regionalIndicators: Int
        /// The text since the last Extended_Pictographic is `Extend*` (GB11).
        private var afterPictographic: Bool
        /// `previous` is a ZWJ that follows `ExtPict Extend*` (GB11).
        private var zwjAfterPictographic = false

        /// A scan whose first scalar has class `first` (a boundary lies before it).
        @inline(__always)
        init(first: UInt8) {
            previous = first
            regionalIndicators = first == GraphemeBreakClass.regionalIndicator.rawValue ? 1 : 0
            afterPictographic = first == GraphemeBreakClass.extPict.rawValue
        }

        /// Moves past a scalar of class `current`; true when a boundary lies before it.
        @inline(__always)
        mutating func advance(_ current: UInt8, pairs: UnsafeBufferPointer<UInt8>) -> Bool {
            if previous | current == 0 {
                // Other after Other (most text): GB999, and nothing to remember (the state
                // after an Other is already all clear).
                return true
            }
            return advanceByPairs(current, pairs: pairs)
        }

        /// `advance` for the pairs that are not Other after Other: kept out of line, so
        /// that the common case inlines into the hot loops as a single test.
        @inline(never)
        private mutating func advanceByPairs(_ current: UInt8, pairs: UnsafeBufferPointer<UInt8>) -> Bool {
            let known = pairs[Int(previous & 0x0F) << 4 | Int(current & 0x0F)]
            let isBoundary = known != GraphemeBreaker.contextDependent
                ? known == GraphemeBreaker.boundary
                : GraphemeBreaker.rules(
                    GraphemeBreaker.graphemeClass(previous), GraphemeBreaker.graphemeClass(current),
                    zwjAfterPictographic: zwjAfterPictographic, oddRegionalIndicators: regionalIndicators & 1 == 1)
            zwjAfterPictographic = current == GraphemeBreakClass.zwj.rawValue && afterPictographic
            if current == GraphemeBreakClass.extPict.rawValue {
                afterPictographic = true
            } else if current != GraphemeBreakClass.extend.rawValue {
                afterPictographic = false
            }
            regionalIndicators = current == GraphemeBreakClass.regionalIndicator.rawValue ? regionalIndicators + 1 : 0
            previous = current
            return isBoundary
        }
    }

    @inline(__always)
    static func graphemeClass(_ raw: UInt8) -> GraphemeBreakClass {
        GraphemeBreakClass(rawValue: raw) ?? .other
    }

    /// `pairTable` values.
    fileprivate static let noBoundary: UInt8 = 0, boundary: UInt8 = 1, contextDependent: UInt8 = 2

    /// `rules` for each `previous << 4 | current` pair, or `contextDependent` for the
    /// pairs whose answer depends on the GB11 / GB12–13 state.
    fileprivate static let pairTable: [UInt8] = {
        var table = [UInt8](repeating: contextDependent, count: 256)
        let all = (0..<UInt8(16)).compactMap { GraphemeBreakClass(rawValue: $0) }
        for previous in all {
            for current in all {
                // Which answers the four states give: bit 0 no boundary, bit 1 a boundary.
                var outcomes = 0
                for zwj in [false, true] {
                    for odd in [false, true] {
                        outcomes |= rules(previous, current, zwjAfterPictographic: zwj, oddRegionalIndicators: odd) ? 2 : 1
                    }
                }
                if outcomes != 3 {
                    table[Int(previous.rawValue) << 4 | Int(current.rawValue)] = outcomes == 2 ? boundary : noBoundary
                }
            }
        }
        return table
    }()

    /// Whether there is a boundary between `previous` and `current` (GB3–GB999).
    fileprivate static func rules(_ previous: GraphemeBreakClass, _ current: GraphemeBreakClass,
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
