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

    /// `boundaries(_:)` written into `result`, whose storage is reused (the wrapper
    /// passes the same array for every paragraph, saving an allocation each).
    static func boundaries(_ scalars: [Unicode.Scalar], into result: inout [Bool]) {
        result.removeAll(keepingCapacity: true)
        result.append(contentsOf: repeatElement(false, count: scalars.count))
        guard !scalars.isEmpty else { return }
        result[0] = true
        let table = UnicodeTables.graphemeBreak
        let pairs = pairTable

        var previous = graphemeClass(table[scalars[0].value])
        /// Number of consecutive regional indicators ending at `previous` (GB12/13).
        var regionalIndicators = previous == .regionalIndicator ? 1 : 0
        /// The text since the last Extended_Pictographic is `Extend*` (GB11).
        var afterPictographic = previous == .extPict
        /// `previous` is a ZWJ that follows `ExtPict Extend*` (GB11).
        var zwjAfterPictographic = false

        pairs.withUnsafeBufferPointer { pairs in
            result.withUnsafeMutableBufferPointer { result in
                for i in 1..<scalars.count {
                    let current = graphemeClass(table[scalars[i].value])
                    let known = pairs[Int(previous.rawValue) << 4 | Int(current.rawValue)]
                    result[i] = known != contextDependent
                        ? known == boundary
                        : rules(previous, current, zwjAfterPictographic: zwjAfterPictographic,
                                oddRegionalIndicators: regionalIndicators & 1 == 1)

                    zwjAfterPictographic = current == .zwj && afterPictographic
                    if current == .extPict {
                        afterPictographic = true
                    } else if current != .extend {
                        afterPictographic = false
                    }
                    regionalIndicators = current == .regionalIndicator ? regionalIndicators + 1 : 0
                    previous = current
                }
            }
        }
    }

    @inline(__always)
    static func graphemeClass(_ raw: UInt8) -> GraphemeBreakClass {
        GraphemeBreakClass(rawValue: raw) ?? .other
    }

    /// `pairTable` values.
    private static let noBoundary: UInt8 = 0, boundary: UInt8 = 1, contextDependent: UInt8 = 2

    /// `rules` for each `previous << 4 | current` pair, or `contextDependent` for the
    /// pairs whose answer depends on the GB11 / GB12–13 state.
    private static let pairTable: [UInt8] = {
        var table = [UInt8](repeating: contextDependent, count: 256)
        let all = (0..<UInt8(16)).compactMap { GraphemeBreakClass(rawValue: $0) }
        for previous in all {
            for current in all {
                let outcomes = Set([false, true].flatMap { zwj in
                    [false, true].map { odd in
                        rules(previous, current, zwjAfterPictographic: zwj, oddRegionalIndicators: odd)
                    }
                })
                if outcomes.count == 1, let only = outcomes.first {
                    table[Int(previous.rawValue) << 4 | Int(current.rawValue)] = only ? boundary : noBoundary
                }
            }
        }
        return table
    }()

    /// Whether there is a boundary between `previous` and `current` (GB3–GB999).
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
