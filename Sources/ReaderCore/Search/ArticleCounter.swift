import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Counts the matches of a query in every article at once, for the list-wide search.
///
/// Gives exactly `ArticleSearch.count` for each article, but without building any
/// `DisplayText`: each text is decoded, made display-safe, joined and folded straight
/// into one reusable scalar buffer, and scanned there. Articles whose bytes cannot
/// contain a match (a CJK scalar of the query is missing from them, found with `memmem`)
/// are skipped without parsing. The articles are split between the cores.
struct ArticleCounter {
    let needle: [Unicode.Scalar]
    /// UTF-8 of the needle's scalars that only the same scalar can produce in a text (see `isVerbatim`).
    private let requiredBytes: [[UInt8]]
    /// Folded scalars of the text being scanned (reused from text to text).
    private var scratch: [UInt32] = []

    init(needle: [Unicode.Scalar]) {
        self.needle = needle
        var required: [[UInt8]] = []
        for scalar in Set(needle) where ArticleCounter.isVerbatim(scalar) {
            required.append(Array(String(scalar).utf8))
        }
        self.requiredBytes = required
    }

    /// A scalar that reaches search text only from the same scalar in the source: not
    /// changed by folding, not the result of folding anything else, and shown as itself.
    /// (Folding only produces ASCII, a space, or Latin lowercase below U+2E80.)
    static func isVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0x2E80 && value != 0x3000 && !(0xFF01...0xFF5E).contains(value) && value != 0xFFFD
            && SearchFolding.fold(scalar) == scalar && DisplayWidth.of(scalar) >= 0
    }

    /// Match counts of every article of `document`, in article order.
    static func counts(of needle: [Unicode.Scalar], in document: Document) -> [Int] {
        let articles = document.articles
        var counts = [Int](repeating: 0, count: articles.count)
        guard !needle.isEmpty, !articles.isEmpty else { return counts }
        let batchSize = 256
        let batches = (articles.count + batchSize - 1) / batchSize
        document.source.withUnsafeBufferPointer { source in
            counts.withUnsafeMutableBufferPointer { counts in
                nonisolated(unsafe) let source = source
                nonisolated(unsafe) let counts = counts
                DispatchQueue.concurrentPerform(iterations: batches) { batch in
                    var counter = ArticleCounter(needle: needle)
                    for index in (batch * batchSize)..<min(articles.count, (batch + 1) * batchSize) {
                        counts[index] = counter.count(article: index, of: articles, in: source)
                    }
                }
            }
        }
        return counts
    }

    /// Matches in article `index`.
    mutating func count(article index: Int, of articles: ArticleList, in source: UnsafeBufferPointer<UInt8>) -> Int {
        let chunk = articles.chunk(of: index)
        guard let base = source.baseAddress else { return 0 }
        for bytes in requiredBytes {
            let found = bytes.withUnsafeBytes { needle in
                systemMemmem(base + chunk.lowerBound, chunk.count, needle.baseAddress, needle.count)
            }
            if found == nil { return 0 }
        }
        var total = 0
        var buffer = scratch  // (taken out of self so the closure may read self)
        scratch = []
        ArticleCounter.forEachFoldedText(of: articles.parse(index, in: source), in: source, scratch: &buffer) { text in
            total += count(in: text)
        }
        scratch = buffer
        return total
    }

    /// Fills `scratch` with the folded scalars of each text of `article` in layout order
    /// (title, lead paragraphs, each section's heading and paragraphs), calling `body`
    /// with it after each: the texts `ArticleSearch.texts` gives, folded, without building them.
    static func forEachFoldedText(
        of article: Article, in source: UnsafeBufferPointer<UInt8>, scratch: inout [UInt32], _ body: ([UInt32]) -> Void
    ) {
        foldHeading(article.title, offset: article.titleOffset, heading: article.heading, in: source, into: &scratch)
        body(scratch)
        for paragraph in article.lead {
            foldParagraph(paragraph.lines, in: source, into: &scratch)
            body(scratch)
        }
        for section in article.sections {
            foldHeading(section.title, offset: section.titleOffset, heading: section.heading, in: source, into: &scratch)
            body(scratch)
            for paragraph in section.paragraphs {
                foldParagraph(paragraph.lines, in: source, into: &scratch)
                body(scratch)
            }
        }
    }

    /// As `ArticleLayout.headingText`: the source's title text, or the placeholder.
    private static func foldHeading(
        _ title: String, offset: Int, heading: Range<Int>?, in source: UnsafeBufferPointer<UInt8>,
        into scratch: inout [UInt32]
    ) {
        if let heading, offset < heading.upperBound {
            return foldParagraph(CollectionOfOne(offset..<heading.upperBound), in: source, into: &scratch)
        }
        scratch.removeAll(keepingCapacity: true)
        for scalar in title.unicodeScalars { scratch.append(SearchFolding.fold(scalar).value) }
    }

    /// As `DisplayText.joining(lines:of:)`, folded.
    private static func foldParagraph<Lines: Collection<Range<Int>>>(
        _ lines: Lines, in source: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt32]
    ) {
        scratch.removeAll(keepingCapacity: true)
        var previous: Unicode.Scalar?  // the last display scalar, before folding
        for line in lines where !line.isEmpty {
            if let last = previous {
                let first = ScalarDecoder.firstScalar(in: source, range: line)
                if !(DisplayWidth.of(last) == 2 && DisplayWidth.of(first) == 2) {
                    scratch.append(0x20)
                }
            }
            ScalarDecoder.forEachScalar(in: source, range: line) { scalar, _ in
                SafeText.visible(scalar) { shown in
                    scratch.append(SearchFolding.fold(shown).value)
                    previous = shown
                }
            }
        }
    }

    /// Non-overlapping occurrences of the needle in `text`, leftmost first (as `ArticleSearch.find`).
    private func count(in text: [UInt32]) -> Int {
        let count = needle.count
        guard text.count >= count else { return 0 }
        return text.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let first = needle[0].value
                let lastStart = haystack.count - count
                var index = 0
                var found = 0
                while index <= lastStart {
                    if haystack[index] == first {
                        var matched = 1
                        while matched < count, haystack[index + matched] == needle[matched].value { matched += 1 }
                        if matched == count {
                            found += 1
                            index += count
                            continue
                        }
                    }
                    index += 1
                }
                return found
            }
        }
    }
}

/// glibc's `memmem` (a GNU extension the Glibc module does not import). Pointer and
/// integer arguments are passed the same way by the Swift and C conventions.
@_silgen_name("memmem")
func systemMemmem(
    _ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?, _ needleLength: Int
) -> UnsafeMutableRawPointer?
