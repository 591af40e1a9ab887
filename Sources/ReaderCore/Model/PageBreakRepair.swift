/// Joins paragraphs that a page break cut in two (design.md §1).
///
/// A paragraph that does not end in sentence-final punctuation, followed in the same
/// article and section by one that starts with a CJK character or a lowercase letter,
/// was cut by a page break. Markers (ending in `>>>`) and bylines/credits are never joined.
enum PageBreakRepair {
    /// Joins the cut paragraphs of `article`, in place.
    static func repair(_ article: inout Article, in source: UnsafeBufferPointer<UInt8>) {
        // Only two paragraphs in a row can be joined: most short articles have nothing
        // to look at, and are left as they are.
        if article.lead.count > 1 { article.lead = repair(article.lead, in: source) }
        for index in article.sections.indices where article.sections[index].paragraphs.count > 1 {
            article.sections[index].paragraphs = repair(article.sections[index].paragraphs, in: source)
        }
    }

    static func repair(_ paragraphs: [Paragraph], in source: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
        guard paragraphs.count > 1 else { return paragraphs }
        var result: [Paragraph] = []
        result.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            if var previous = result.last, isCut(previous, before: paragraph, in: source) {
                previous.repairedJoins.append(previous.lines.count)
                previous.lines += paragraph.lines
                result[result.count - 1] = previous
            } else {
                result.append(paragraph)
            }
        }
        return result
    }

    /// Whether `first` was cut by a page break and `second` is its continuation.
    static func isCut(_ first: Paragraph, before second: Paragraph, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lastLine = first.lines.last, let firstLine = second.lines.first,
              let end = ScalarDecoder.lastScalar(in: source, range: lastLine),
              let start = ScalarDecoder.scalars(in: source, range: firstLine, limit: 1).first
        else { return false }
        if isSentenceFinal(end.value) { return false }
        guard isCJK(start) || start.properties.isLowercase else { return false }
        return !isMarkerOrCredit(first, in: source) && !isMarkerOrCredit(second, in: source)
    }

    /// 。！？…”」』） and ASCII . ! ? "
    static let sentenceFinal: Set<UInt32> = [
        0x3002, 0xFF01, 0xFF1F, 0x2026, 0x201D, 0x300D, 0x300F, 0xFF09, 0x2E, 0x21, 0x3F, 0x22,
    ]

    /// `sentenceFinal.contains(value)`, without hashing.
    @inline(__always)
    static func isSentenceFinal(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x2026, 0x201D, 0x300D, 0x300F, 0xFF09, 0x2E, 0x21, 0x3F, 0x22: true
        default: false
        }
    }

    /// Words that mark a short paragraph as a byline or photo credit.
    static let creditWords = ["记者", "摄影", "通讯员", "编辑", "供图", "报道", "来源"]

    /// A marker line (`相关新闻>>>`) or a byline/credit (`重庆日报记者 张亦筑 龙帆 摄影报道`).
    ///
    /// Most paragraphs are neither, and are told apart on bytes alone: a marker's last
    /// character is `>` or `》` (so its last byte is `>` or its last three `》`), and a
    /// credit has at most 40 scalars. Only the few that might be are decoded into a String
    /// for the exact, Character-based test.
    static func isMarkerOrCredit(_ paragraph: Paragraph, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = paragraph.sourceRange
        let mayBeMarker = endsLikeMarker(range, in: source)
        if !mayBeMarker, !ScalarDecoder.hasAtMost(40, scalarsIn: range, of: source) {
            return false
        }
        let scalars = ScalarDecoder.scalars(in: source, range: range)
        if !mayBeMarker, !(scalars.count <= 40 && mightHoldCreditWord(scalars)) { return false }
        let text = String(String.UnicodeScalarView(scalars))
        if text.hasSuffix(">>>") || text.hasSuffix("》》》") { return true }
        return scalars.count <= 40 && creditWords.contains { text.contains($0) }
            && !text.contains("。") && !text.contains("，") && !text.contains(",")
    }

    /// The scalars of each of `creditWords` (all single-scalar ideographs).
    static let creditWordScalars: [[UInt32]] = creditWords.map { $0.unicodeScalars.map(\.value) }

    /// False only when no credit word can be in `scalars` by the Character-based
    /// `String.contains`: for that, some run of scalars must be the word's ideographs,
    /// each alone in its Character, or a CJK compatibility ideograph (canonically
    /// equivalent to a unified one). Saves making a String of most short paragraphs.
    static func mightHoldCreditWord(_ scalars: [Unicode.Scalar]) -> Bool {
        for word in creditWordScalars where scalars.count >= word.count {
            for start in 0...(scalars.count - word.count) {
                var matched = 0
                while matched < word.count {
                    let value = scalars[start + matched].value
                    guard value == word[matched] || isCompatibilityIdeograph(value) else { break }
                    matched += 1
                }
                if matched == word.count { return true }
            }
        }
        return false
    }

    /// CJK Compatibility Ideographs (and their supplement): each decomposes to a unified ideograph.
    @inline(__always)
    static func isCompatibilityIdeograph(_ value: UInt32) -> Bool {
        (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }

    /// Whether `source[range]` ends in `>` or `》` (the only way it can end in `>>>` or `》》》`).
    @inline(__always)
    static func endsLikeMarker(_ range: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = range.last else { return false }
        if source[last] == UInt8(ascii: ">") { return true }
        return range.count >= 3 && source[last] == 0x8B && source[last - 1] == 0x80 && source[last - 2] == 0xE3
    }

    /// Han ideographs, kana, Hangul and CJK symbols that begin running text.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
