import Dispatch

/// Every article's search text, folded once, so that a list-wide search is a `memmem`
/// scan instead of decoding, folding and scanning the whole issue for each keystroke.
///
/// The texts are those `ArticleSearch.texts` gives (title, lead paragraphs, section
/// headings and paragraphs, lines joined and page-break repair applied as for display),
/// folded as `SearchFolding` does and stored as UTF-8, written by `SearchTextWriter`
/// straight from the source (no `Article` is parsed). Each text ends in a 0xFF byte,
/// which valid UTF-8 never holds, so no match can span two texts — as none spans two
/// texts in `ArticleSearch`. A byte match of the needle's UTF-8 is a scalar match (UTF-8
/// is self-synchronising), so counting non-overlapping leftmost matches per byte gives
/// exactly `ArticleSearch.count`'s counts.
///
/// The articles are split into chunks built (and scanned) on all cores.
///
/// The folded texts are about as large as the source, so they are kept only for an issue
/// of at most `keptSourceBytes`: a larger one (a 1 GB issue) would take twice its size in
/// memory. Its chunks are built again for each search, scanned and dropped (ARCHITECTURE.md,
/// "Input checks and limits"): a slower search, and memory bounded by the source.
public final class SearchIndex: Sendable {
    /// Folded texts of consecutive articles.
    struct Chunk: Sendable {
        /// The first article of the chunk.
        var firstArticle: Int
        /// Byte offset in `bytes` where each article's texts start.
        var starts: [Int]
        /// UTF-8 of the folded texts, each followed by `separator`.
        var bytes: FoldedBytes
    }

    /// Ends every text: never part of valid UTF-8, so never part of a needle.
    static let separator: UInt8 = 0xFF
    /// Articles per chunk.
    static let chunkArticles = 1024
    /// The largest source whose folded texts are kept between searches (256 MiB).
    static let keptSourceBytes = 256 << 20
    /// The largest source whose index the reader builds as soon as the issue is read
    /// (128 MiB); a larger one's is built when the list is first searched, since the
    /// folded texts are about as large as the source (ARCHITECTURE.md, "Huge paragraphs").
    static let builtAtOpenBytes = 128 << 20

    /// The chunks, kept; empty when they are built for each search (`streamed`).
    private let keptChunks: [Chunk]
    /// What the chunks are built from, when they are built for each search (over
    /// `keptSourceBytes`). Not the `Document`, which holds this index in its attachment.
    private let streamed: Articles?
    let articleCount: Int
    /// How many chunks the articles make.
    private let chunkCount: Int

    /// Builds the index of every article of `document` (or, for an issue over
    /// `keptSourceBytes`, readies it to build its chunks for each search).
    public convenience init(document: Document) {
        self.init(document: document, keptSourceBytes: SearchIndex.keptSourceBytes)
    }

    /// As `init(document:)`, with chunks kept for a source of at most `keptSourceBytes`.
    init(document: Document, keptSourceBytes: Int) {
        let count = document.articles.count
        articleCount = count
        chunkCount = (count + SearchIndex.chunkArticles - 1) / SearchIndex.chunkArticles
        let articles = Articles(source: document.source, list: document.articles, repair: document.joinsCutParagraphs)
        if document.source.count > keptSourceBytes {
            streamed = articles
            keptChunks = []
            return
        }
        streamed = nil
        var built = [Chunk?](repeating: nil, count: chunkCount)
        built.withUnsafeMutableBufferPointer { built in
            nonisolated(unsafe) let built = built
            DispatchQueue.concurrentPerform(iterations: built.count) { number in
                built[number] = SearchIndex.chunk(number, of: articles)
            }
        }
        keptChunks = built.compactMap { $0 }
    }

    /// Whether the folded texts are built for each search rather than kept.
    var isStreamed: Bool { streamed != nil }

    /// An issue's articles as the search texts are written from them.
    private struct Articles: Sendable {
        let source: SourceBytes
        let list: ArticleList
        /// Whether cut paragraphs are joined (`Document.joinsCutParagraphs`).
        let repair: Bool
    }

    /// The folded texts of chunk `number` of `issue`'s articles.
    private static func chunk(_ number: Int, of issue: Articles) -> Chunk {
        let articles = issue.list
        let count = articles.count
        let first = number * SearchIndex.chunkArticles
        let end = min(count, first + SearchIndex.chunkArticles)
        var starts: [Int] = []
        starts.reserveCapacity(end - first)
        return issue.source.withUnsafeBufferPointer { source in
            // Folded texts are about as long as the source (no line ends or `#`s).
            var writer = SearchTextWriter(source: source, repair: issue.repair, capacity: articles.chunk(of: first)
                .lowerBound.distance(to: end < count ? articles.chunk(of: end).lowerBound : source.count))
            for index in first..<end {
                starts.append(writer.count)
                writer.writeArticle(articles.chunk(of: index))
            }
            return Chunk(firstArticle: first, starts: starts, bytes: writer.finish())
        }
    }

    /// Calls `body` with each chunk in article order (kept, or built one at a time).
    func forEachChunk(_ body: (Chunk) -> Void) {
        if let streamed {
            for number in 0..<chunkCount { body(SearchIndex.chunk(number, of: streamed)) }
        } else {
            keptChunks.forEach(body)
        }
    }

    /// The articles holding the folded `needle`, in order, with their match counts.
    public func articleHits(of needle: [Unicode.Scalar]) -> [ArticleHit] {
        guard !needle.isEmpty else { return [] }
        return counts(of: needle).enumerated().compactMap { article, count in
            count > 0 ? ArticleHit(article: article, count: count) : nil
        }
    }

    /// Match counts of the folded `needle` in every article, in article order (each
    /// as `ArticleSearch.count` gives it).
    func counts(of needle: [Unicode.Scalar]) -> [Int] {
        var counts = [Int](repeating: 0, count: articleCount)
        let pattern = needle.flatMap { Array(String($0).utf8) }
        guard !pattern.isEmpty else { return counts }
        let chunks = keptChunks
        let streamed = streamed
        counts.withUnsafeMutableBufferPointer { counts in
            nonisolated(unsafe) let counts = counts
            DispatchQueue.concurrentPerform(iterations: chunkCount) { number in
                // A streamed chunk lives only while it is scanned.
                let chunk = streamed.map { SearchIndex.chunk(number, of: $0) } ?? chunks[number]
                SearchIndex.count(pattern, in: chunk, into: counts)
            }
        }
        return counts
    }

    /// Adds the matches of `pattern` in `chunk` to its articles' entries of `counts`.
    private static func count(_ pattern: [UInt8], in chunk: Chunk, into counts: UnsafeMutableBufferPointer<Int>) {
        chunk.bytes.withUnsafeBufferPointer { bytes in
            var article = 0  // index into chunk.starts
            forEachMatch(of: pattern, in: bytes) { offset in
                while article + 1 < chunk.starts.count, chunk.starts[article + 1] <= offset { article += 1 }
                counts[chunk.firstArticle + article] += 1
            }
        }
    }

    /// Calls `body` with the offset of each match of `pattern` in `bytes`, leftmost first,
    /// not overlapping (what a count of the needle is).
    static func forEachMatch(of pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        pattern.withUnsafeBufferPointer { pattern in
            guard let base = bytes.baseAddress, let needle = pattern.baseAddress else { return }
            var position = 0
            while position + pattern.count <= bytes.count {
                guard let found = systemMemmem(base + position, bytes.count - position, needle, pattern.count)
                else { break }
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                body(offset)
                position = offset + pattern.count
            }
        }
    }

    /// `articleHits(of: prefilter.needle)` of `document`'s index, without building the
    /// index: each article that `prefilter` does not rule out from its own bytes (its
    /// search texts hold only its own scalars, folded, and placeholders, which a
    /// prefilter never rules out) has its texts written, by the same `SearchTextWriter`
    /// into one buffer used again, and counted by the same `forEachMatch`. For `reader
    /// --search`, which counts each issue once: it builds nothing it does not count, and
    /// an article without the needle's scalars costs a few `memchr`s.
    static func articleHits(in document: Document, prefilter: SearchPrefilter) -> [ArticleHit] {
        let pattern = prefilter.needle.flatMap { Array(String($0).utf8) }
        guard !pattern.isEmpty else { return [] }
        let articles = document.articles
        return document.source.withUnsafeBufferPointer { source in
            var writer = SearchTextWriter(source: source, repair: document.joinsCutParagraphs, capacity: 1 << 12)
            var hits: [ArticleHit] = []
            for article in articles.indices {
                let chunk = articles.chunk(of: article)
                guard prefilter.mayMatch(UnsafeBufferPointer(rebasing: source[chunk])) else { continue }
                writer.removeAll()
                writer.writeArticle(chunk)
                var count = 0
                writer.withWritten { forEachMatch(of: pattern, in: $0) { _ in count += 1 } }
                if count > 0 { hits.append(ArticleHit(article: article, count: count)) }
            }
            _ = writer.finish()
            return hits
        }
    }
}

/// glibc's `memmem` (a GNU extension the Glibc module does not import). Pointer and
/// integer arguments are passed the same way by the Swift and C conventions.
@_silgen_name("memmem")
func systemMemmem(
    _ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?, _ needleLength: Int
) -> UnsafeMutableRawPointer?
