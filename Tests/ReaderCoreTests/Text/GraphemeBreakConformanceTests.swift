import Testing
@testable import ReaderCore

/// Runs the grapheme segmenter over the Unicode 15.0 `GraphemeBreakTest.txt`.
@Suite struct GraphemeBreakConformanceTests {
    @Test func graphemeBreakTestFile() throws {
        let cases = try BreakTestCase.load("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt")
        #expect(cases.count == 602)
        var failures: [String] = []
        for testCase in cases where GraphemeBreaker.boundaries(testCase.scalars) != testCase.breaks {
            failures.append("line \(testCase.line): \(testCase.comment)")
        }
        print("GraphemeBreakTest.txt: \(cases.count - failures.count)/\(cases.count) passed")
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }
}
