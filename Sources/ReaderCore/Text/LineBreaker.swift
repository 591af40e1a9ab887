/// What may happen between two adjacent scalars when a paragraph is wrapped.
public enum BreakAction: UInt8, Sendable {
    /// No line break here.
    case prohibited
    /// A line break may be placed here (a break opportunity).
    case allowed
    /// A line break must be placed here (a hard line break in the text).
    case mandatory
}

/// Line-break opportunities per Unicode UAX #14, optionally tailored for Chinese text.
///
/// PLACEHOLDER until the real implementation lands: owned by the Unicode-tables work.
public enum LineBreaker {
    /// Which rules apply.
    public enum Tailoring: Sendable {
        /// The default, untailored UAX #14 rules (what `LineBreakTest.txt` checks;
        /// LB25 uses the regular-expression tailoring of UAX #14 Example 7).
        case uax14
        /// UAX #14 plus the Chinese rules of design.md §2: no 。，、”）》 etc. at a line
        /// start, no “（《 at a line end, URLs and e-mail addresses kept whole.
        case chinese
    }

    /// The break action *before* each scalar: `result[i]` says what happens between
    /// `scalars[i - 1]` and `scalars[i]`. `result[0]` is always `.prohibited`
    /// (LB2: never break at the start of text). `result.count == scalars.count`.
    public static func actions(_ scalars: [Unicode.Scalar], tailoring: Tailoring = .chinese) -> [BreakAction] {
        var result = [BreakAction](repeating: .prohibited, count: scalars.count)
        let noStart: Set<UInt32> = [0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x201D, 0x2C, 0x2E, 0x29, 0x3A]
        let noEnd: Set<UInt32> = [0xFF08, 0x300A, 0x201C, 0x28]
        for i in scalars.indices.dropFirst() {
            let a = scalars[i - 1], b = scalars[i]
            if a.properties.isASCIIHexDigit && b.properties.isASCIIHexDigit { continue }
            if a.isASCII && b.isASCII && a.properties.isAlphabetic && b.properties.isAlphabetic { continue }
            if noStart.contains(b.value) || noEnd.contains(a.value) { continue }
            result[i] = .allowed
        }
        return result
    }
}

/// Extended grapheme cluster boundaries (UAX #29).
///
/// PLACEHOLDER until the real implementation lands: owned by the Unicode-tables work.
public enum GraphemeBreaker {
    /// `result[i]` is true when a grapheme cluster boundary lies *before* `scalars[i]`.
    /// `result[0]` is true for non-empty input. `result.count == scalars.count`.
    public static func boundaries(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var result = [Bool](repeating: false, count: scalars.count)
        var index = 0
        for character in String(String.UnicodeScalarView(scalars)) {
            if index < result.count { result[index] = true }
            index += character.unicodeScalars.count
        }
        return result
    }
}
