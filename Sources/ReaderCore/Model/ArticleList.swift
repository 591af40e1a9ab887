/// The articles of a document, parsed one at a time when first asked for.
///
/// Behaves like the array of every article parsed up front (same elements, same order),
/// but building it only finds where articles start (`ArticleBoundaries`); an article's
/// paragraphs, sections and page-break repair are worked out when it is read, and kept
/// in a small cache. Counting articles and their sections needs no parsing at all.
public struct ArticleList: RandomAccessCollection, Sendable {
    private let source: SourceBytes
    private let boundaries: ArticleBoundaries
    private let repaired: Bool
    /// The conversion titles and section titles are shown in (`Document.conversion`).
    private let conversion: ScriptConversion?
    private let cache: ArticleCache

    init(source: SourceBytes, boundaries: ArticleBoundaries, repaired: Bool, conversion: ScriptConversion? = nil) {
        self.source = source
        self.boundaries = boundaries
        self.repaired = repaired
        self.conversion = conversion
        self.cache = ArticleCache()
    }

    /// The same articles with or without page-break repair (the boundaries are shared).
    func withRepair(_ repair: Bool) -> ArticleList {
        ArticleList(source: source, boundaries: boundaries, repaired: repair, conversion: conversion)
    }

    /// The same articles with titles shown converted by `conversion` (or not, for nil).
    func withConversion(_ conversion: ScriptConversion?) -> ArticleList {
        ArticleList(source: source, boundaries: boundaries, repaired: repaired, conversion: conversion)
    }

    /// Converts the titles of `article` (its title and its sections').
    private func convertTitles(_ article: inout Article) {
        guard let conversion else { return }
        article.title = conversion.convert(article.title)
        for index in article.sections.indices {
            article.sections[index].title = conversion.convert(article.sections[index].title)
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { boundaries.count }

    public subscript(index: Int) -> Article {
        precondition(indices.contains(index), "article index out of range")
        if let cached = cache.article(index) { return cached }
        let article = parse(index)
        cache.store(article, at: index)
        return article
    }

    /// Number of sections of article `index`, without parsing it.
    public func sectionCount(of index: Int) -> Int {
        Int(boundaries.sectionCounts[index])
    }

    /// The most sections any article has.
    public var maxSectionCount: Int { boundaries.maxSectionCount }

    /// The title of article `index` (`self[index].title`), without parsing the article:
    /// from its heading line alone (`DocumentParser.firstTitle`).
    public func title(of index: Int) -> String {
        precondition(indices.contains(index), "article index out of range")
        if let cached = cache.article(index) { return cached.title }
        let title = source.withUnsafeBufferPointer { DocumentParser.firstTitle($0, range: boundaries.chunk(index)) }
        // A chunk holds an article (cannot be otherwise): see `parse(_:in:)`.
        guard let title else { return Document.untitled }
        return conversion?.convert(title) ?? title
    }

    /// Byte range of article `index`'s chunk of the source: its heading to the next one.
    public func chunk(of index: Int) -> Range<Int> {
        boundaries.chunk(index)
    }

    /// Article `index` parsed afresh, bypassing the cache (for passes over every article).
    public func parse(_ index: Int) -> Article {
        source.withUnsafeBufferPointer { parse(index, in: $0) }
    }

    /// Articles `indices` parsed from `buffer` (the document's source) in one pass over
    /// their chunks, as `parse(_:in:)` parses each: one parser and one array for the run,
    /// not one of each per article (a million tiny articles: those were a tenth of the dump).
    func parse(_ indices: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>) -> [Article] {
        guard let first = indices.first else { return [] }
        let range = boundaries.chunk(first).lowerBound..<boundaries.chunk(indices.upperBound - 1).upperBound
        var articles = DocumentParser.parse(buffer, range: range)
        // Every chunk starts with a heading or holds front matter, so the run parses into
        // one article per chunk; were it otherwise, each is parsed on its own.
        guard articles.count == indices.count else { return indices.map { parse($0, in: buffer) } }
        if repaired {
            for index in articles.indices { PageBreakRepair.repair(&articles[index], in: buffer) }
        }
        if conversion != nil {
            for index in articles.indices { convertTitles(&articles[index]) }
        }
        return articles
    }

    /// Article `index` parsed from `buffer` (the document's source).
    func parse(_ index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Article {
        var articles = DocumentParser.parse(buffer, range: boundaries.chunk(index))
        // Moved out of the array rather than copied (a million tiny articles: every
        // retain and release of an article's parts shows).
        guard !articles.isEmpty else {
            // Cannot happen: every chunk starts with a heading or holds front matter.
            let start = boundaries.starts[index]
            return Article(title: Document.untitled, heading: nil, titleOffset: start, lead: [], sections: [],
                           range: start..<start)
        }
        var article = articles.removeFirst()
        if repaired { PageBreakRepair.repair(&article, in: buffer) }
        convertTitles(&article)
        return article
    }
}

/// The recently read articles of an `ArticleList`, shared by its copies.
private final class ArticleCache: Sendable {
    /// Enough for the open article and everything a screen of the list shows, many times over.
    static let limit = 4096
    private let articles = Locked<[Int: Article]>([:])

    func article(_ index: Int) -> Article? {
        articles.withLock { $0[index] }
    }

    func store(_ article: Article, at index: Int) {
        articles.withLock { articles in
            if articles.count >= ArticleCache.limit { articles.removeAll(keepingCapacity: true) }
            articles[index] = article
        }
    }
}
