@testable import ReaderCore
import Testing

/// The screens' components on their own (ARCHITECTURE.md, "How to add …"): each takes a
/// key and answers what the state is to do, which `ReaderState` routes.
@Suite struct ScreenComponentTests {
    @Test func helpScrollsWithinItsLinesAndAnswersCloseAndQuit() {
        var help = HelpOverlay()
        #expect(help.update(.lineUp, lineCount: 10) == .scrolled)
        #expect(help.scroll == 0)
        #expect(help.update(.scroll(4), lineCount: 10) == .scrolled)
        #expect(help.scroll == 4)
        #expect(help.update(.scroll(100), lineCount: 10) == .scrolled)
        #expect(help.scroll == 9)
        #expect(help.update(.lineDown, lineCount: 10) == .scrolled)
        #expect(help.scroll == 9)
        #expect([Action.close, .quit, .nextArticle].map { help.update($0, lineCount: 10) } == [.close, .quit, .ignored])
        #expect(help.scroll == 9)
    }

    @Test func helpShowsAFullLastBoxWhenScrolledPastIt() {
        let lines = (1...6).map { "line \($0)" }
        #expect(Array(HelpOverlay(scroll: 5).shownLines(of: lines, rows: 4)) == ["line 3", "line 4", "line 5", "line 6"])
        #expect(Array(HelpOverlay(scroll: 1).shownLines(of: lines, rows: 4)) == ["line 2", "line 3", "line 4", "line 5"])
        #expect(Array(HelpOverlay(scroll: 0).shownLines(of: lines, rows: 10)) == lines)
    }

    @Test func contentsMovesJumpsAndSaysWhatIsMissing() {
        var contents = ContentsOverlay(selected: 0)
        #expect(contents.update(.bottom, sectionCount: 4, rows: 10) == .moved)
        #expect(contents.selected == 3)
        #expect(contents.update(.lineDown, sectionCount: 4, rows: 10) == .moved)
        #expect(contents.selected == 3)
        #expect(contents.update(.accept, sectionCount: 4, rows: 10) == .jump(toSection: 3))
        #expect(contents.update(.number(2), sectionCount: 4, rows: 10) == .jump(toSection: 1))
        #expect(contents.update(.number(5), sectionCount: 4, rows: 10) == .message("no section 5"))
        #expect([Action.close, .help, .quit, .search].map { contents.update($0, sectionCount: 4, rows: 10) }
            == [.close, .help, .quit, .ignored])
        #expect(contents.selected == 3)
    }

    @Test func theLinkOverlayMovesOpensAndSaysWhatIsMissing() {
        let links = LinkFixtures.articleState().currentLayout.links
        var list = LinkList(links: links, visible: 0..<0)
        #expect(list.update(.lineDown, rows: 10) == .moved)
        #expect(list.selected == 1)
        #expect(list.update(.accept, rows: 10) == .open(links[1]))
        #expect(list.update(.number(5), rows: 10) == .open(links[4]))
        #expect(list.update(.number(9), rows: 10) == .message("no link 9"))
        #expect([Action.close, .help, .quit, .search].map { list.update($0, rows: 10) } == [.close, .help, .quit, .ignored])
        #expect(list.selected == 1)
    }

    @Test func theBookmarksOverlayOpensAndRemovesOnlyOpenIssuesBookmarks() {
        let open = BookmarkEntry(
            title: "A", issueName: "a.txt", date: 0, position: ReadingPosition(article: 1, offset: 10), issue: 0)
        let other = BookmarkEntry(
            title: "B", issueName: "b.txt", date: 0, position: ReadingPosition(article: 2, offset: 20), path: "/b.txt")
        var bookmarks = BookmarksOverlay(selected: 0)
        #expect(bookmarks.update(.accept, list: [], rows: 10) == .ignored)
        #expect(bookmarks.update(.bottom, list: [other, open], rows: 10) == .moved)
        #expect(bookmarks.selected == 1)
        #expect(bookmarks.update(.accept, list: [other, open], rows: 10) == .open(open))
        #expect(bookmarks.update(.toggleBookmark, list: [other, open], rows: 10) == .remove(open))
        #expect(bookmarks.selected == 0)
        #expect(bookmarks.update(.toggleBookmark, list: [other], rows: 10)
            == .message("only bookmarks of the open issues can be removed here"))
        #expect([Action.close, .quit, .help].map { bookmarks.update($0, list: [other], rows: 10) } == [.close, .quit, .ignored])
    }

    /// The seed's second article, which has sections, seen from line `top` in 10 rows.
    private func page(top: Int) -> ArticleScreen.Page {
        let state = UIFixtures.state()
        let layout = state.layout(of: 1)
        return ArticleScreen.Page(
            article: 1, layout: layout, topLine: top, topOffset: layout.lines[top].offset, bodyRows: 10,
            sectionCount: state.document.articles[1].sections.count)
    }

    @Test func articleScreenStepsBetweenSections() {
        var screen = ArticleScreen()
        let first = page(top: 0)
        let starts = first.layout.sectionLines
        #expect(starts.count == first.sectionCount)
        #expect(screen.update(.nextSection, on: first) == .jump(toSection: 0))
        #expect(screen.update(.previousSection, on: first) == .message("at the top"))
        let inSecond = page(top: starts[1])
        #expect(screen.update(.nextSection, on: inSecond) == .jump(toSection: 2))
        #expect(screen.update(.previousSection, on: inSecond) == .jump(toSection: 0))
        #expect(screen.update(.tableOfContents, on: inSecond) == .contents(selected: 1))
        let last = page(top: starts[starts.count - 1])
        #expect(screen.update(.nextSection, on: last) == .message("no next section"))
        #expect(screen.update(.number(2), on: first) == .jump(toSection: 1))
        #expect(screen.update(.number(first.sectionCount + 1), on: first) == .message("no section \(first.sectionCount + 1)"))
        #expect(screen.update(.toggleRead, on: first) == .ignored)
    }

    @Test func articleScreenStepsThroughMatchesAndWraps() {
        var screen = ArticleScreen()
        let top = page(top: 0)
        #expect(screen.update(.nextMatch, on: top) == .message("no search (press / to search)"))
        let first = screen.searchAsTyped("空天", saved: nil, in: top.layout, article: 1, from: 0)
        let matches = screen.search?.matches ?? []
        #expect(matches.count > 1)
        #expect(first == matches.first)
        #expect(screen.search?.current == 0)
        #expect(screen.update(.previousMatch, on: top) == .reveal(matches[matches.count - 1], message: "search wrapped to the bottom"))
        #expect(screen.update(.nextMatch, on: top) == .reveal(matches[0], message: "search wrapped to the top"))
        #expect(screen.update(.nextMatch, on: top) == .reveal(matches[1], message: nil))
        #expect(screen.search?.current == 1)
        #expect(screen.searchAsTyped("", saved: nil, in: top.layout, article: 1, from: 0) == nil)
        #expect(screen.search == nil)
    }

    @Test func articleListRowsFollowItsFilter() {
        var list = ArticleListScreen()
        #expect(list.entries(articleCount: 3) == [0, 1, 2])
        #expect(list.row(of: 2, articleCount: 3) == 2)
        #expect(list.row(of: 7, articleCount: 3) == 0)
        list.filter = ListFilter(query: "空天", document: UIFixtures.seed)
        let hits = list.filter?.hits.map(\.article) ?? []
        #expect(!hits.isEmpty)
        #expect(list.entries(articleCount: 3) == hits)
        #expect(list.count(articleCount: 3) == hits.count)
        #expect(list.entry(0) == hits[0])
        #expect(list.row(of: hits[hits.count - 1], articleCount: 3) == hits.count - 1)
    }

    @Test func articleListKeysSelectOpenAndStepThroughHits() {
        var list = ArticleListScreen()
        let cursor = ListCursor(selected: 1, top: 0)
        #expect(list.update(.lineDown, cursor: cursor, articleCount: 3, visible: 10) == .select(row: 2, message: nil))
        #expect(list.update(.open, cursor: cursor, articleCount: 3, visible: 10) == .openSelected)
        #expect(list.update(.open, cursor: cursor, articleCount: 0, visible: 10) == .nothing)
        #expect(list.update(.number(3), cursor: cursor, articleCount: 3, visible: 10) == .openArticle(2))
        #expect(list.update(.number(4), cursor: cursor, articleCount: 3, visible: 10) == .message("no article 4"))
        #expect(list.update(.nextMatch, cursor: cursor, articleCount: 3, visible: 10)
            == .message("no search (press / to search)"))
        #expect(list.update(.search, cursor: cursor, articleCount: 3, visible: 10) == .ignored)
        list.filter = ListFilter(query: "空天", document: UIFixtures.seed)
        let count = list.filter?.hits.count ?? 0
        let last = ListCursor(selected: count - 1, top: 0)
        #expect(list.update(.nextMatch, cursor: last, articleCount: 3, visible: 10)
            == .select(row: 0, message: "search wrapped to the first article"))
        #expect(list.update(.previousMatch, cursor: ListCursor(), articleCount: 3, visible: 10)
            == .select(row: count - 1, message: "search wrapped to the last article"))
    }

    @Test func issueListKeysMoveOpenAndSayWhatIsMissing() {
        var list = IssueListScreen()
        #expect(list.update(.bottom, issueCount: 4, visible: 2) == .moved(message: nil))
        #expect(list.cursor == ListCursor(selected: 3, top: 2))
        #expect(list.update(.accept, issueCount: 4, visible: 2) == .ignored)
        #expect(list.update(.open, issueCount: 4, visible: 2) == .open(row: 3))
        #expect(list.update(.number(1), issueCount: 4, visible: 2) == .open(row: 0))
        #expect(list.cursor == ListCursor(selected: 0, top: 0))
        #expect(list.update(.number(5), issueCount: 4, visible: 2) == .message("no issue 5"))
        #expect(list.update(.previousMatch, issueCount: 4, visible: 2) == .message("no search (press / to search)"))
        list.filter = ArchiveFilter(query: "空天", documents: [UIFixtures.seed])
        let hits = list.filter?.hits.count ?? 0
        #expect(list.update(.number(hits + 1), issueCount: 4, visible: 2) == .message("no hit \(hits + 1)"))
        #expect(list.update(.previousMatch, issueCount: 4, visible: 2)
            == .moved(message: "search wrapped to the last article"))
        #expect(list.cursor.selected == hits - 1)
    }

    @Test func issueListCountsIssuesOrHits() {
        var list = IssueListScreen()
        #expect(list.entryCount(issueCount: 4) == 4)
        list.filter = ArchiveFilter(query: "空天", documents: [UIFixtures.seed, UIFixtures.seed])
        #expect(list.entryCount(issueCount: 4) == (list.filter?.hits.count ?? -1))
        #expect(list.filter?.issueCount == 2)
    }

    @Test func aListCursorRowComesFromAMovementKeyOrAClick() {
        let cursor = ListCursor(selected: 5, top: 3)
        #expect(cursor.row(after: .lineDown, count: 10, visible: 4) == 6)
        #expect(cursor.row(after: .click(row: 2, column: 7), count: 10, visible: 4) == 4)
        #expect(cursor.row(after: .click(row: 0, column: 7), count: 10, visible: 4) == nil)
        #expect(cursor.row(after: .search, count: 10, visible: 4) == nil)
    }

    @Test func revealingALineMovesTheViewOnlyWhenItIsNotShown() {
        let viewport = ArticleViewport(top: 5, lineCount: 30, bodyRows: 10)
        #expect(viewport.top(revealing: 8, alwaysToTop: false) == nil)
        #expect(viewport.top(revealing: 8, alwaysToTop: true) == 8)
        #expect(viewport.top(revealing: 16, alwaysToTop: false) == 16)
        #expect(viewport.top(revealing: 27, alwaysToTop: false) == 20)
        #expect(viewport.top(revealing: 2, alwaysToTop: false) == 2)
    }
}
