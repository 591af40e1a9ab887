import Foundation

/// One case of a UCD break test file (`LineBreakTest.txt`, `GraphemeBreakTest.txt`):
/// scalars separated by ÷ (break) and × (no break).
struct BreakTestCase {
    /// 1-based line number in the file.
    var line: Int
    var scalars: [Unicode.Scalar]
    /// `breaks[i]`: the marker *before* `scalars[i]` is ÷. The final marker (end of
    /// text) is not included.
    var breaks: [Bool]
    /// The comment after `#`, for failure messages.
    var comment: String

    /// Parses every case of the file at `path` (directory `/usr/share/unicode/auxiliary`).
    static func load(_ path: String) throws -> [BreakTestCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var cases: [BreakTestCase] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let parts = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let data = parts.first.map(String.init) ?? ""
            guard !data.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            var scalars: [Unicode.Scalar] = []
            var breaks: [Bool] = []
            var pendingBreak: Bool?
            for token in data.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                switch token {
                case "÷": pendingBreak = true
                case "×": pendingBreak = false
                default:
                    guard let value = UInt32(token, radix: 16), let scalar = Unicode.Scalar(value),
                          let marker = pendingBreak else {
                        throw ParseError(line: number + 1, text: String(line))
                    }
                    scalars.append(scalar)
                    breaks.append(marker)
                    pendingBreak = nil
                }
            }
            cases.append(BreakTestCase(line: number + 1, scalars: scalars, breaks: breaks,
                                       comment: parts.count > 1 ? String(parts[1]) : ""))
        }
        return cases
    }

    struct ParseError: Error {
        var line: Int
        var text: String
    }
}
