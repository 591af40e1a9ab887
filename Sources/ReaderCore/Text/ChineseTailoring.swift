/// The Chinese tailoring of UAX #14 (`LineBreaker.Tailoring.chinese`), after clreq
/// (W3C "Requirements for Chinese Text Layout"):
///
/// * Curly quotes are paired by shape instead of the ambiguous class QU: “ ‘ open
///   (OP: no break after), ” ’ close (CL: no break before). A ’ between two ASCII
///   letters is an English apostrophe and stays inside the word (AL).
/// * The interpunct · (U+00B7, as in 奥利维尔·康坦特) never starts a line (NS).
/// * The ideographic space U+3000 is a space (SP, not BA), so `“　` still never ends a line,
///   and NS characters (：；・·) never start one, not even after a space.
/// * A dash between two digits (2—3年, 9:00–17:00) is a range and is not broken.
/// * URLs and e-mail addresses are never broken internally.
/// * An ASCII quotation mark `"` next to an East Asian character is paired by its place:
///   after an East Asian character, a space or an opener and before a non-space it
///   opens (OP); before an East Asian character, a space or the end and after a
///   non-space it closes (CL). So `考"proc.txt(.gz)"，"sysfs"` breaks before each
///   opening mark, not inside the quotation. (UAX #14's LB19a allows a break only when
///   East Asian characters stand on both sides, and glues the rest.)
/// * Korean is broken at spaces only (CSS `word-break: keep-all`): no break between a
///   Hangul unit and a letter, digit, ideograph or Hangul unit (`joinsKoreanWord`).
/// * No break after the hyphens that start a word, also several (`--color`, `-f`): LB20a
///   of UAX #14 covers one hyphen only.
/// * Never a break inside an extended grapheme cluster (e.g. after a space
///   followed by a combining mark, or before an emoji modifier).
///
/// The rest is plain UAX #14, which already forbids breaks before ，。、；：？！）》」』】〕〉
/// and , . ; : ? ! ), after （《「『【〔〈 and (, and inside ASCII words and numbers,
/// and allows them between ideographs.
enum ChineseTailoring {
    static let leftDoubleQuote: UInt32 = 0x201C, leftSingleQuote: UInt32 = 0x2018
    static let rightDoubleQuote: UInt32 = 0x201D, rightSingleQuote: UInt32 = 0x2019
    static let middleDot: UInt32 = 0x00B7
    static let ideographicSpace: UInt32 = 0x3000
    static let quotationMark: UInt32 = 0x22, hyphenMinus: UInt32 = 0x2D

    /// Every code point `LineBreaker.analyze` has to look at for the tailoring: those
    /// `tailoredClass` and `straightQuoteClass` reclassify, the range dashes
    /// (`isRangeDash`), the hyphen-minus and the ASCII characters one of which every link
    /// holds (`@`, the `/` of `://`, the `w` of `www.`; not `:`, which times like 9:00
    /// have too), and those a `LineBreakStrictness` reclassifies.
    static let examinedCodePoints: [UInt32] = [
        middleDot, ideographicSpace, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D,
        0x2014, 0x2013, 0xFF5E, 0x301C, 0x2015,
        quotationMark, hyphenMinus,
        0x40, 0x2F, 0x57, 0x77,
    ] + LineBreakStrictness.examinedCodePoints

    /// How far back `straightQuoteClass` counts quotation marks to pair one.
    static let quotePairingWindow = 256

    /// The packed line-break value of the ASCII quotation mark `scalars[i]` when an East
    /// Asian character stands next to it: OP when it opens a quotation, CL when it closes
    /// one; nil (QU, UAX #14) when it can be neither.
    static func straightQuoteClass(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UInt8? {
        // The plain line-break table, not `ScalarPropertyTable.layout`, which is built
        // from `examinedCodePoints`: the tailoring stands on the tables, never the reverse.
        let table = UnicodeTables.lineBreak
        func isEastAsian(_ k: Int) -> Bool {
            LineBreakRules.isEastAsian(table[scalars[k].value])
        }
        func isSpace(_ k: Int) -> Bool { Wrapper.isSpace(scalars[k]) }
        let hasBefore = i > 0, hasAfter = i + 1 < scalars.count
        let eastAsianBefore = hasBefore && isEastAsian(i - 1), eastAsianAfter = hasAfter && isEastAsian(i + 1)
        guard eastAsianBefore || eastAsianAfter else { return nil }
        let opens = hasAfter && !isSpace(i + 1) && (!hasBefore || isSpace(i - 1) || eastAsianBefore)
        let closes = hasBefore && !isSpace(i - 1) && (!hasAfter || isSpace(i + 1) || eastAsianAfter)
        let wide = UnicodeTableData.lineBreakFlagEastAsianWide
        switch (opens, closes) {
        case (true, false): return LineBreakClass.op.rawValue | wide
        case (false, true): return LineBreakClass.cl.rawValue | wide
        case (true, true):
            // Between two East Asian characters (他说"好"。): the marks pair up, so an even
            // number of them before (within a bounded look back) makes this one open.
            var before = 0
            for k in max(0, i - quotePairingWindow)..<i where scalars[k].value == quotationMark { before += 1 }
            return (before % 2 == 0 ? LineBreakClass.op.rawValue : LineBreakClass.cl.rawValue) | wide
        default: return nil
        }
    }

    /// The packed line-break value the tailoring gives `scalars[i]`, or nil when it keeps
    /// the scalar's own.
    @inline(__always)
    static func tailoredClass(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> UInt8? {
        let v = scalars[i].value
        guard v == middleDot || v == ideographicSpace || (v >= leftSingleQuote && v <= rightDoubleQuote) else { return nil }
        let wide = UnicodeTableData.lineBreakFlagEastAsianWide
        switch v {
        case leftDoubleQuote, leftSingleQuote:
            return LineBreakClass.op.rawValue | wide
        case rightDoubleQuote:
            return LineBreakClass.cl.rawValue | wide
        case rightSingleQuote:
            let apostrophe = i > 0 && i + 1 < scalars.count
                && isASCIILetter(scalars[i - 1].value) && isASCIILetter(scalars[i + 1].value)
            return apostrophe ? LineBreakClass.al.rawValue : LineBreakClass.cl.rawValue | wide
        case middleDot:
            return LineBreakClass.ns.rawValue
        case ideographicSpace:
            return LineBreakClass.sp.rawValue
        default:
            return nil
        }
    }

    /// Applies the rules that are not expressible as classes to the UAX #14 result, for
    /// the first `scalars.count` actions; `found` says whether the text may hold a number
    /// range, a link or a hyphen at all. (The rules against a break before NS, inside a
    /// grapheme cluster and inside a Korean word are applied by `LineBreaker.uax14` itself.)
    static func adjustActions(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ raw: UnsafeBufferPointer<UInt8>,
        _ actions: UnsafeMutableBufferPointer<BreakAction>, found: LineBreaker.Findings
    ) {
        if found.contains(.rangeDash) { protectRanges(scalars, raw, actions) }
        if found.contains(.linkCharacter) { protectLinks(scalars, actions) }
        if found.contains(.hyphen) { protectWordInitialHyphens(scalars, raw, actions) }
    }

    /// No break between the hyphen-minuses that start a word and the letter after them
    /// (`--color`, `-f`): the hyphens follow the start, a space, a hard break, an opener
    /// or a quotation mark.
    private static func protectWordInitialHyphens(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ raw: UnsafeBufferPointer<UInt8>,
        _ actions: UnsafeMutableBufferPointer<BreakAction>
    ) {
        for i in 1..<max(1, scalars.count) where actions[i] == .allowed && scalars[i - 1].value == hyphenMinus {
            let letter = LineBreaker.lineBreakClass(raw[i])
            guard LineBreakRules.isAlphabetic(letter) || letter == .hl else { continue }
            var first = i - 1
            while first > 0 && scalars[first - 1].value == hyphenMinus { first -= 1 }
            let wordInitial: Bool
            if first == 0 {
                wordInitial = true
            } else {
                switch LineBreaker.lineBreakClass(raw[first - 1]) {
                case .sp, .bk, .cr, .lf, .nl, .zw, .cb, .gl, .op, .qu, .qi, .qf: wordInitial = true
                default: wordInitial = false
                }
            }
            if wordInitial { actions[i] = .prohibited }
        }
    }

    /// Whether units of classes `previous` and `current` belong to one Korean word (one
    /// of them Hangul, the other Hangul, a letter, a digit or an ideograph): no break
    /// between them. (Comparisons only: asked for every break opportunity.)
    @inline(__always)
    static func joinsKoreanWord(_ previous: LineBreakClass, _ current: LineBreakClass) -> Bool {
        (isHangul(previous) || isHangul(current)) && isKoreanWordPart(previous) && isKoreanWordPart(current)
    }

    /// JL, JV, JT, H2, H3.
    @inline(__always)
    private static func isHangul(_ c: LineBreakClass) -> Bool {
        c == .jl || c == .jv || c == .jt || c == .h2 || c == .h3
    }

    /// Hangul, AL, HL, NU, ID or the dotted circle.
    @inline(__always)
    private static func isKoreanWordPart(_ c: LineBreakClass) -> Bool {
        isHangul(c) || c == .al || c == .hl || c == .nu || c == .id || c == .dc
    }

    /// Dashes that join two numbers: — – ～ 〜 ―.
    @inline(__always)
    static func isRangeDash(_ v: UInt32) -> Bool {
        v == 0x2014 || v == 0x2013 || v == 0xFF5E || v == 0x301C || v == 0x2015
    }

    /// No break on either side of a dash between two digits (`2—3年`).
    private static func protectRanges(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ raw: UnsafeBufferPointer<UInt8>,
        _ actions: UnsafeMutableBufferPointer<BreakAction>
    ) {
        guard scalars.count >= 3 else { return }
        for i in 1..<(scalars.count - 1) where isRangeDash(scalars[i].value) {
            guard LineBreaker.lineBreakClass(raw[i - 1]) == .nu,
                  LineBreaker.lineBreakClass(raw[i + 1]) == .nu else { continue }
            if actions[i] == .allowed { actions[i] = .prohibited }
            if actions[i + 1] == .allowed { actions[i + 1] = .prohibited }
        }
    }

    /// Finds URLs and e-mail addresses in each run of printable, non-space ASCII and
    /// prohibits every break strictly inside them.
    private static func protectLinks(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ actions: UnsafeMutableBufferPointer<BreakAction>
    ) {
        forEachLink(in: scalars) { link in
            for k in (link.lowerBound + 1)..<link.upperBound where actions[k] == .allowed {
                actions[k] = .prohibited
            }
        }
    }

    /// Calls `body` with the scalar range of each URL and e-mail address in `scalars`, in
    /// order: the one rule that keeps links whole when wrapping and that finds the links
    /// of an article (`ArticleLinks`).
    @inline(__always)
    static func forEachLink(in scalars: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Range<Int>) -> Void) {
        var i = 0
        let count = scalars.count
        while i < count {
            guard isLinkCharacter(scalars[i].value) else { i += 1; continue }
            var end = i + 1
            while end < count && isLinkCharacter(scalars[end].value) { end += 1 }
            if let link = findLink(scalars, i..<end) { body(link) }
            i = end
        }
    }

    /// The URL or e-mail address within `run` (printable non-space ASCII), if any.
    ///
    /// A URL starts at `http://`, `https://`, `ftp://` or `www.` (not preceded by a
    /// letter or digit) and extends to the end of the run. An e-mail address is the
    /// run around an `@` that has word characters on both sides. Leading and trailing
    /// punctuation (sentence punctuation, quotes, unbalanced brackets) is not part of
    /// either.
    static func findLink(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ run: Range<Int>) -> Range<Int>? {
        var start: Int?
        for p in run where p == run.lowerBound || !isWordCharacter(scalars[p - 1].value) {
            if hasPrefix(scalars, at: p, in: run, "http://") || hasPrefix(scalars, at: p, in: run, "https://")
                || hasPrefix(scalars, at: p, in: run, "ftp://") || hasPrefix(scalars, at: p, in: run, "www.") {
                start = p
                break
            }
        }
        if start == nil {
            for q in run where scalars[q] == "@" && q > run.lowerBound && q + 1 < run.upperBound
                && isWordCharacter(scalars[q - 1].value) && isWordCharacter(scalars[q + 1].value) {
                var s = run.lowerBound
                while s < q && !isWordCharacter(scalars[s].value) { s += 1 }
                start = s
                break
            }
        }
        guard let linkStart = start else { return nil }
        let linkEnd = trimmedEnd(scalars, linkStart..<run.upperBound)
        return linkEnd - linkStart >= 2 ? linkStart..<linkEnd : nil
    }

    /// The end of `token` without trailing sentence punctuation and unbalanced closers.
    private static func trimmedEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ token: Range<Int>) -> Int {
        var end = token.upperBound
        while end > token.lowerBound {
            let last = scalars[end - 1]
            switch last {
            case ".", ",", ";", ":", "!", "?", "'", "\"":
                end -= 1
            case ")", "]", "}", ">":
                let opener: Unicode.Scalar = last == ")" ? "(" : last == "]" ? "[" : last == "}" ? "{" : "<"
                var balance = 0
                for k in token.lowerBound..<end {
                    if scalars[k] == opener { balance += 1 } else if scalars[k] == last { balance -= 1 }
                }
                if balance >= 0 { return end }
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    private static func hasPrefix(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at p: Int, in run: Range<Int>, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard run.upperBound - p > length else { return false }  // something must follow
        return prefix.withUTF8Buffer { bytes in
            for k in 0..<length {
                var v = scalars[p + k].value
                if v >= 0x41 && v <= 0x5A { v += 0x20 }  // ASCII lowercase
                if v != UInt32(bytes[k]) { return false }
            }
            return true
        }
    }

    @inline(__always)
    static func isLinkCharacter(_ v: UInt32) -> Bool { v > 0x20 && v < 0x7F }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

    @inline(__always)
    static func isWordCharacter(_ v: UInt32) -> Bool {
        isASCIILetter(v) || (v >= 0x30 && v <= 0x39) || v == 0x5F
    }
}
