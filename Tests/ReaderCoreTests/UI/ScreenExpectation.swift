import ReaderCore
import Testing

/// Compares a rendered screen with an expected array of lines. On a mismatch the
/// actual screen is printed as a Swift array literal, ready to paste into the test
/// (the expected screens shift whenever the width tables or the line breaker change).
func expectScreen(
    _ grid: ScreenGrid, _ expected: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = grid.lines()
    if actual != expected {
        let literal = actual.map { "            \"" + escaped($0) + "\"," }
        print("--- actual screen \(name):\n        [\n" + literal.joined(separator: "\n") + "\n        ]")
    }
    #expect(actual == expected, "screen \(name)", sourceLocation: sourceLocation)
}

/// `line` with quotes and backslashes escaped for a Swift string literal.
private func escaped(_ line: String) -> String {
    var result = ""
    for character in line {
        if character == "\"" || character == "\\" { result.append("\\") }
        result.append(character)
    }
    return result
}
