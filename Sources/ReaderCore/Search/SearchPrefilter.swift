#if canImport(Glibc)
import Glibc
#endif

/// Rules out, from the raw bytes of an issue file (UTF-8 issue text, not a converted
/// feed, page or Markdown file), that its search texts hold a query, without parsing or
/// folding it: what lets `reader --search --no-index` skip most files at `memchr` speed.
/// A file it lets through is searched by the plain path, so it may only ever be wrong
/// in letting too much through.
///
/// Why it is sound: a search text (`SearchTextWriter`) is made of placeholder titles,
/// join spaces, and for each source scalar `t` the fold of its visible form — `t` itself
/// when printable, a space for a tab, `^` and a letter for an ASCII control, U+FFFD for
/// anything hidden or invalid. Nothing else comes between two source scalars of a text
/// but line ends and white space, which joining drops or turns into one space (none only
/// between two wide scalars). So, in a match, a needle scalar `s` that is not a space,
/// `^` or U+FFFD, nor could be the letter of a caret pair (first in the needle, or after
/// a `^`), came from a source scalar that folds to `s` (`preimages`); and a run of such
/// ASCII scalars came, unless one of them came from a non-ASCII scalar (a full-width
/// form), from adjacent ASCII source bytes, equal but for letter case. A needle that a
/// placeholder holds rules nothing out.
public struct SearchPrefilter: Sendable {
    /// The folded needle it was made for.
    public let needle: [Unicode.Scalar]
    /// A non-ASCII needle scalar: one of these scalars' UTF-8 must be in the file.
    private var anyOf: [[[UInt8]]] = []
    /// A run of ASCII needle scalars (folded): in the file up to ASCII letter case, or
    /// else one of `runEscapes` must be (a non-ASCII scalar folding to one of them).
    private var runs: [[UInt8]] = []
    private var runEscapes: [PatternSet] = []
    /// Whether nothing can be ruled out.
    public private(set) var passesEverything = false

    public init(needle: [Unicode.Scalar]) {
        self.needle = needle
        let placeholders = [Document.untitled, Document.untitledSection, Document.frontMatter]
            .map { SearchFolding.fold($0) }
        if needle.isEmpty || placeholders.contains(where: { SearchPrefilter.contains($0, needle) }) {
            passesEverything = true
            return
        }
        var run: [UInt8] = []
        var escapes: [[UInt8]] = []
        func endRun() {
            if !run.isEmpty {
                runs.append(run)
                runEscapes.append(PatternSet(escapes))
            }
            run = []
            escapes = []
        }
        for (index, scalar) in needle.enumerated() {
            let afterCaret = index == 0 || needle[index - 1] == "^"
            let caretLetter = scalar.isASCII && afterCaret && SearchPrefilter.caretLetters.contains(scalar)
            guard scalar != " ", scalar != "^", scalar != SafeText.replacement, !caretLetter else {
                endRun()
                continue
            }
            let preimages = SearchPrefilter.preimages(of: scalar)
            if scalar.isASCII {
                run.append(UInt8(scalar.value))
                escapes += preimages.filter { !$0.isASCII }.map { Array(String($0).utf8) }
            } else {
                endRun()
                anyOf.append(preimages.map { Array(String($0).utf8) })
            }
        }
        endRun()
        passesEverything = anyOf.isEmpty && runs.isEmpty
    }

    /// The folded forms of the letters of caret pairs (`^@`, `^A`…`^Z`, `^[`…`^_`, `^?`).
    static let caretLetters: Set<Unicode.Scalar> = Set(
        ((0..<0x20).map { SafeText.caretPartner(UInt8($0)) } + ["?"]).map { SearchFolding.fold($0) })

    /// Every scalar that folds to `scalar`: those below the Han folding table (Latin
    /// case, full-width forms are checked one by one), `scalar` itself, and the Traditional
    /// characters the table folds to it.
    static func preimages(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        let low = (0..<SearchFolding.firstHan).lazy.compactMap(Unicode.Scalar.init)
        let fullWidth = (UInt32(0xFF01)...0xFF5E).lazy.compactMap(Unicode.Scalar.init)
        for candidate in low where SearchFolding.fold(candidate) == scalar { result.append(candidate) }
        for candidate in fullWidth where SearchFolding.fold(candidate) == scalar { result.append(candidate) }
        if scalar.value >= SearchFolding.firstHan, !(0xFF01...0xFF5E).contains(scalar.value),
           SearchFolding.fold(scalar) == scalar {
            result.append(scalar)
        }
        for pair in ScriptFoldingData.pairs {
            if UInt32(truncatingIfNeeded: pair) == scalar.value, let from = Unicode.Scalar(UInt32(pair >> 32)) {
                result.append(from)
            }
        }
        return result
    }

    /// Whether `needle` occurs in `haystack`.
    private static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...haystack.count - needle.count).contains { start in
            needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }

    /// Whether the issue text `bytes` may hold the needle (false: it certainly does not).
    public func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if passesEverything { return true }
        for patterns in anyOf where !patterns.contains(where: { SearchPrefilter.find($0, in: bytes) }) {
            return false
        }
        for (run, escapes) in zip(runs, runEscapes) where !SearchPrefilter.findIgnoringCase(run, in: bytes) {
            if !escapes.isFound(in: bytes) { return false }
        }
        return true
    }

    /// Whether `pattern` (the UTF-8 of a scalar or more) is in `bytes`: `memchr` for its
    /// last byte, each hit compared backwards. In CJK text the last byte (a continuation
    /// byte, one of 64) is several times rarer than the lead (one of a handful), and glibc's
    /// `memmem` was most of a `--no-index` search.
    static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let last = pattern.last else { return false }
        let before = pattern.count - 1
        return pattern.withUnsafeBufferPointer { pattern in
            guard let head = pattern.baseAddress else { return false }
            var position = before
            while position < bytes.count, let hit = memchr(base + position, Int32(last), bytes.count - position) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                // The bytes before the hit, compared in place (a `memcmp` call per hit
                // was a fifth of a `--no-index` search for a CJK word).
                var same = 0
                while same < before, base[offset - before + same] == head[same] { same += 1 }
                if same == before { return true }
                position = offset + 1
            }
            return false
        }
    }

    /// Whether the lowercase ASCII `run` is in `bytes` with its letters in either case:
    /// `memchr` for each case of its first byte, then a comparison.
    private static func findIgnoringCase(_ run: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let first = run.first else { return false }
        let isLetter = first >= 0x61 && first <= 0x7A
        for start in isLetter ? [first, first - 0x20] : [first] {
            var position = 0
            while position + run.count <= bytes.count,
                  let hit = memchr(base + position, Int32(start), bytes.count - position - run.count + 1) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var matched = 1
                while matched < run.count {
                    let byte = bytes[offset + matched]
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if lower != run[matched] { break }
                    matched += 1
                }
                if matched == run.count { return true }
                position = offset + 1
            }
        }
        return false
    }
}
