/// Finds every occurrence of a query in an article's texts (title, headings, paragraphs).
///
/// A paragraph's text is whole (not split into screen lines), so a match that a wrapped
/// line break cuts in two is found like any other. Matching is a plain scan over folded
/// scalar arrays: no regular expressions, no allocation per candidate.
public enum ArticleSearch {
    /// The texts of `article` in the order `ArticleLayout` lays them out.
    public static func texts(of article: Article, in document: Document) -> [DisplayText] {
        var texts: [DisplayText] = []
        texts.reserveCapacity(1 + article.lead.count + article.sections.count * 4)
        texts.append(ArticleLayout.headingText(
            article.title, offset: article.titleOffset, heading: article.heading, in: document))
        for paragraph in article.lead { texts.append(document.text(of: paragraph)) }
        for section in article.sections {
            texts.append(ArticleLayout.headingText(
                section.title, offset: section.titleOffset, heading: section.heading, in: document))
            for paragraph in section.paragraphs { texts.append(document.text(of: paragraph)) }
        }
        return texts
    }

    /// All matches of `query` in `article`, in reading order. An empty query matches nothing.
    public static func matches(of query: String, in article: Article, document: Document) -> [SearchMatch] {
        matches(of: SearchFolding.fold(query), in: texts(of: article, in: document))
    }

    /// All matches of `query` in the article laid out as `layout` (the same as
    /// `matches(of:in:document:)`, without making the texts again). When the layout shows
    /// the article converted, the source's text is searched (so every place is found and
    /// counted once, as the list's counts do) and each match covers the shown scalars
    /// that came from the matched source characters.
    public static func matches(of query: String, in layout: ArticleLayout) -> [SearchMatch] {
        let found = matches(of: SearchFolding.fold(query), in: layout.searchTexts)
        guard layout.isConverted else { return found }
        return found.map { match in
            var shown = match
            shown.scalars = shownScalars(from: match.start, through: match.last, in: layout.texts[match.text])
            return shown
        }
    }

    /// The scalars of `text` whose source offsets lie in `start...last` (offsets never go
    /// backwards in a text); at least one, so that a match always shows.
    static func shownScalars(from start: Int, through last: Int, in text: DisplayText) -> Range<Int> {
        let offsets = text.offsets
        guard !offsets.isEmpty else { return 0..<0 }
        let lower = offsets.partitioningIndex { $0 >= start }
        let upper = offsets.partitioningIndex { $0 > last }
        if lower < upper { return lower..<upper }
        let index = min(max(0, upper - 1), offsets.count - 1)
        return index..<index + 1
    }

    /// All matches of the folded `needle` in `texts`, in order; matches do not overlap.
    public static func matches(of needle: [Unicode.Scalar], in texts: [DisplayText]) -> [SearchMatch] {
        guard !needle.isEmpty else { return [] }
        var result: [SearchMatch] = []
        for (index, text) in texts.enumerated() {
            for range in find(needle, in: text.scalars) {
                result.append(SearchMatch(
                    text: index, scalars: range,
                    start: text.offsets[range.lowerBound], last: text.offsets[range.upperBound - 1]))
            }
        }
        return result
    }

    /// Number of matches of `query` in `article` (for the list's hit counts).
    public static func count(of needle: [Unicode.Scalar], in article: Article, document: Document) -> Int {
        guard !needle.isEmpty else { return 0 }
        return texts(of: article, in: document).reduce(0) { $0 + find(needle, in: $1.scalars).count }
    }

    /// A needle scalar that matches only the same scalar of the text: folding leaves it
    /// alone and turns nothing else into it (`SearchFolding.foldsOnlyFromItself`), so
    /// `fold(h) == scalar` exactly when `h == scalar`.
    static func isVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        SearchFolding.foldsOnlyFromItself(scalar)
    }

    /// Non-overlapping occurrences of the folded `needle` in `haystack` (folded on the fly).
    ///
    /// When the needle's first scalar is one that only itself folds to (a CJK character,
    /// say: see `isVerbatim`), candidates are found by comparing scalars
    /// as they are, without folding each one (the 10 MB paragraph: ~4× faster).
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Range<Int>] {
        let count = needle.count
        guard count > 0, haystack.count >= count else { return [] }
        var result: [Range<Int>] = []
        let first = needle[0]
        let firstIsVerbatim = isVerbatim(first)
        var index = 0
        let lastStart = haystack.count - count
        while index <= lastStart {
            if firstIsVerbatim {
                while index <= lastStart, haystack[index] != first { index += 1 }
                if index > lastStart { break }
            }
            if firstIsVerbatim || SearchFolding.fold(haystack[index]) == first {
                var matched = 1
                while matched < count, SearchFolding.fold(haystack[index + matched]) == needle[matched] {
                    matched += 1
                }
                if matched == count {
                    result.append(index..<index + count)
                    index += count
                    continue
                }
            }
            index += 1
        }
        return result
    }
}
