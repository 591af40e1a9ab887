import Testing
@testable import ReaderCore

/// Runs the untailored line breaker over the Unicode 17.0 `LineBreakTest.txt` (vendored
/// in Data/ucd-17.0.0).
@Suite struct LineBreakConformanceTests {
    @Test func lineBreakTestFile() throws {
        let path = GeneratedTablesTests.packageRoot.appendingPathComponent("Data/ucd-17.0.0/auxiliary/LineBreakTest.txt").path
        let cases = try BreakTestCase.load(path)
        #expect(cases.count == 19_338)
        var failures: [String] = []
        for testCase in cases {
            let actions = LineBreaker.actions(testCase.scalars, tailoring: .uax14)
            // Position 0 is ÷ in the file (start of text) but `.prohibited` by the API (LB2).
            var expected = testCase.breaks.map { $0 ? BreakAction.allowed : .prohibited }
            expected[0] = .prohibited
            // The file does not distinguish mandatory breaks from opportunities.
            let actual = actions.map { $0 == .mandatory ? BreakAction.allowed : $0 }
            if actual != expected {
                failures.append("line \(testCase.line): \(testCase.comment)")
            }
        }
        #expect(failures.count == 0, "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Mandatory breaks are reported as such, after BK, LF, NL and CR (but CR × LF).
    @Test func mandatoryBreaks() {
        let scalars: [Unicode.Scalar] = ["a", "\r", "\n", "b", "\n", "c", "\r", "d", "\u{2028}", "e", "\u{85}", "f"]
        let actions = LineBreaker.actions(scalars, tailoring: .uax14)
        #expect(actions == [.prohibited, .prohibited, .prohibited, .mandatory, .prohibited, .mandatory,
                            .prohibited, .mandatory, .prohibited, .mandatory, .prohibited, .mandatory])
    }

    @Test func emptyAndSingle() {
        #expect(LineBreaker.actions([], tailoring: .uax14) == [])
        #expect(LineBreaker.actions(["a"], tailoring: .uax14) == [.prohibited])
        #expect(LineBreaker.actions([], tailoring: .chinese) == [])
        #expect(GraphemeBreaker.boundaries([]) == [])
        #expect(GraphemeBreaker.boundaries(["a"]) == [true])
    }
}
