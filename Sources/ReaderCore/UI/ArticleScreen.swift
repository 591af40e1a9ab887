/// The article view's own state and keys beyond scrolling (which is `ArticleViewport`'s):
/// the search in the open article and its matches, the sections, the links. `ReaderState`
/// owns it as `articleScreen`, routes the article view's section, match and link keys to
/// `update` with what the view shows (`Page`), and carries out what it answers — as it does
/// for `ListCursor` and `ArticleViewport` (ARCHITECTURE.md, "How to add …").
struct ArticleScreen: Sendable {
    /// The search in the open article: its query, matches and current match.
    var search: PageSearch?

    /// What the article view shows, which its keys read.
    struct Page {
        /// The open article (an index into the document's articles).
        var article: Int
        /// Its layout at the current width.
        var layout: ArticleLayout
        /// The line on top of the view.
        var topLine: Int
        /// The source offset of the first character on the top line.
        var topOffset: Int
        /// Rows between the title bar and the status bar.
        var bodyRows: Int
        /// The article's sections.
        var sectionCount: Int

        /// The section shown at the top of the view, if any.
        var currentSection: Int? { layout.section(at: topLine) }

        /// The source offsets of the lines on screen, from the top line's to the next line's.
        var visibleOffsets: Range<Int> {
            guard layout.lines.indices.contains(topLine) else { return 0..<0 }
            let start = layout.lines[topLine].offset
            let after = topLine + bodyRows
            let end = layout.lines.indices.contains(after) ? layout.lines[after].offset : Int.max
            return start..<max(start, end)
        }
    }

    /// What a key of the article view asks of the state.
    enum Outcome: Equatable {
        /// Put section `index`'s heading on the top line.
        case jump(toSection: Int)
        /// Put the article's first line on top.
        case firstLine
        /// Scroll so that `match` shows, then say `message` (a wrapped search) if any.
        case reveal(SearchMatch, message: String?)
        /// Open the table of contents with section `selected` selected.
        case contents(selected: Int)
        /// Open the link overlay.
        case links(LinkList)
        case message(String)
        /// Not a section, match or link key.
        case ignored
    }

    /// Applies a section, match or link key to the article view showing `page`.
    mutating func update(_ action: Action, on page: Page) -> Outcome {
        switch action {
        case .tableOfContents:
            page.sectionCount == 0 ? .message("this article has no sections")
                : .contents(selected: page.currentSection ?? 0)
        case .showLinks:
            Self.linkList(on: page)
        case .previousSection, .nextSection:
            Self.sectionStep(forward: action == .nextSection, on: page)
        case .number(let number):
            (0..<page.sectionCount).contains(number - 1) ? .jump(toSection: number - 1) : .message("no section \(number)")
        case .nextMatch, .previousMatch:
            stepMatch(forward: action == .nextMatch, on: page)
        default:
            .ignored
        }
    }

    /// `o`: the article's links, those on screen first, or a message when it has none.
    private static func linkList(on page: Page) -> Outcome {
        let links = page.layout.links
        return links.isEmpty ? .message("this article has no links")
            : .links(LinkList(links: links, visible: page.visibleOffsets))
    }

    /// `[` / `]`: the previous or next section's heading from the top line; `[` inside the
    /// first section goes to the top.
    private static func sectionStep(forward: Bool, on page: Page) -> Outcome {
        let starts = page.layout.sectionLines
        let line = page.topLine
        let target = forward ? starts.firstIndex { $0 > line } : starts.lastIndex { $0 < line }
        if let target { return .jump(toSection: target) }
        if !forward, line > 0 { return .firstLine }
        return .message(starts.isEmpty ? "this article has no sections" : forward ? "no next section" : "at the top")
    }

    /// `n` / `N`: the next or previous match, wrapping at the ends with a message; with
    /// none chosen yet, the first match from the top of the view.
    private mutating func stepMatch(forward: Bool, on page: Page) -> Outcome {
        guard var search, search.article == page.article else { return .message("no search (press / to search)") }
        guard !search.matches.isEmpty else { return .message("not found: \(search.query)") }
        let count = search.matches.count
        let next: Int
        if let index = search.current {
            next = forward ? index + 1 : index - 1
        } else {
            let after = search.matches.firstIndex { $0.start >= page.topOffset } ?? count
            next = forward ? after : after - 1
        }
        var message: String?
        if next >= count {
            search.current = 0
            message = "search wrapped to the top"
        } else if next < 0 {
            search.current = count - 1
            message = "search wrapped to the bottom"
        } else {
            search.current = next
        }
        self.search = search
        return .reveal(search.matches[search.current ?? 0], message: message)
    }

    /// Opening `article` (laid out as `layout`) from a list filtered by a search for
    /// `query`: the query searched in it, its first match current when `atFirstHit`.
    /// Returns the match to put on top, if any.
    mutating func showHits(of query: String, in layout: ArticleLayout, article: Int, atFirstHit: Bool) -> SearchMatch? {
        let matches = ArticleSearch.matches(of: query, in: layout)
        search = PageSearch(
            query: query, article: article, matches: matches, current: atFirstHit && !matches.isEmpty ? 0 : nil)
        return atFirstHit ? matches.first : nil
    }

    /// The search prompt's `query` as typed, in `article` (laid out as `layout`): the
    /// first match from `offset` (else the first) current; an empty query brings back
    /// `saved`, the search from before the prompt. Returns the match to show, if any.
    mutating func searchAsTyped(
        _ query: String, saved: PageSearch?, in layout: ArticleLayout, article: Int, from offset: Int
    ) -> SearchMatch? {
        guard !query.isEmpty else {
            search = saved
            return nil
        }
        let matches = ArticleSearch.matches(of: query, in: layout)
        let first = matches.firstIndex { $0.start >= offset } ?? (matches.isEmpty ? nil : 0)
        search = PageSearch(query: query, article: article, matches: matches, current: first)
        return first.map { matches[$0] }
    }

    /// Finds the search's matches again in `article`'s new `layout` (repair or conversion
    /// toggled), the current one the first from the old current one's place.
    mutating func searchAgain(in layout: ArticleLayout, article: Int) {
        guard let old = search else { return }
        let matches = ArticleSearch.matches(of: old.query, in: layout)
        let start = old.current.map { old.matches[$0].start }
        let index = start.flatMap { offset in matches.firstIndex { $0.start >= offset } }
        search = PageSearch(query: old.query, article: article, matches: matches, current: index)
    }
}
