import ReaderCore
import Testing

/// Bookmarks: `*` with the time the app gave, the star in the list, `B` over every issue,
/// opening one, and the state file and bookmark index formats.
@Suite struct BookmarkTests {
    static let first = Document(text: "## 甲一\n\n正文一\n\n## 甲二\n\n正文二\n", name: "a.txt")
    static let second = Document(text: "## 乙一\n\n内容\n", name: "b.txt")
    /// 2026-12-06 12:00 UTC.
    static let noon: Int64 = 1_796_558_400

    func archive() -> ReaderState {
        var state = ReaderState(
            issues: [BookmarkTests.first, BookmarkTests.second], archiveName: "papers/",
            size: ScreenSize(rows: 12, columns: 40))
        state.setTime(BookmarkTests.noon)
        return state
    }

    @Test func starBookmarksTheSelectedArticleWithTheGivenTime() {
        var state = archive()
        UIFixtures.press([.enter, .down], on: &state)
        let (starred, effects) = ReaderState.update(state, .toggleBookmark)
        #expect(effects == [])
        #expect(starred.bookmarks == [1: BookmarkTests.noon])
        expectScreen(Renderer.render(starred), [
            " Reader | a.txt              2 articles",
            "  1 甲一",
            "▸ 2 *甲二",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " bookmarked                       [2/2]",
        ], "starred list 40x12")
        let (unstarred, _) = ReaderState.update(starred, .toggleBookmark)
        #expect(unstarred.bookmarks == [:])
        #expect(unstarred.message == "bookmark removed")
    }

    @Test func bListsEveryIssuesBookmarksNewestFirstAndOpensOne() {
        var state = archive()
        UIFixtures.press([.enter, .down, .character("*"), .character("q"), .down, .enter], on: &state)
        state.setTime(BookmarkTests.noon + 86_400)
        state.press(.character("*"))
        state.setOtherBookmarks([
            BookmarkEntry(
                title: "丙文章", issueName: "old-issue.txt", date: 1_700_000_000,
                position: ReadingPosition(article: 0, offset: 0)),
        ])
        state.press(.character("B"))
        #expect(state.keyContext == .bookmarks)
        expectScreen(Renderer.render(state), [
            " Reader | b.txt               1 article",
            "▸ 1 *乙一",
            "",
            " Bookmarks (3)",
            "",
            " 2026-12-07  b.txt | 乙一",
            " 2026-12-06  a.txt | 甲二",
            " 2023-11-14  old-issue... | 丙文章",
            " j/k move  ⏎ open  Esc close",
            "",
            "",
            " [1/1]         j/k move  ⏎ open  ? help",
        ], "bookmarks 40x12")
        UIFixtures.press([.down, .enter], on: &state)
        #expect(state.overlay == nil)
        #expect(state.screen == .article)
        #expect(state.issueIndex == 0)
        #expect(state.current == 1)
        state.press(.character("B"))
        UIFixtures.press([.down, .down, .enter], on: &state)
        #expect(state.message == "in another issue: old-issue.txt (open it to read)")
        #expect(state.overlay == .bookmarks(selected: 2))
    }

    @Test func enterOnAnotherRunsBookmarkAsksToOpenItsIssueThenShowsTheArticle() {
        var state = ReaderState(document: BookmarkTests.second, size: ScreenSize(rows: 12, columns: 40))
        state.setOtherBookmarks([
            BookmarkIndex.Entry(
                path: "/papers/a.txt", contentHash: 5, position: ReadingPosition(article: 1, offset: 12),
                date: BookmarkTests.noon, issueName: "a.txt", title: "甲二"
            ).listEntry,
        ])
        state.press(.character("B"))
        let (asked, effects) = ReaderState.update(state, .accept)
        #expect(effects == [.openIssue(path: "/papers/a.txt", position: ReadingPosition(article: 1, offset: 12))])
        #expect(asked.overlay == nil)
        #expect(asked.message == "opening a.txt")
        // The app opens the file in a new state, then shows the bookmarked article.
        var opened = ReaderState(document: BookmarkTests.first, size: ScreenSize(rows: 12, columns: 40))
        opened.showBookmark(at: ReadingPosition(article: 1, offset: 12))
        expectScreen(Renderer.render(opened), [
            " Reader | a.txt             article 2/2",
            "                  甲二",
            "",
            "     正文二",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "       100%  1 min left  q back  ? help",
        ], "the bookmarked article")
        var changed = ReaderState(document: BookmarkTests.second, size: ScreenSize(rows: 12, columns: 40))
        changed.showBookmark(at: ReadingPosition(article: 1, offset: 12))
        #expect(changed.screen == .list)
        #expect(changed.message == "the bookmarked article is not in b.txt any more")
    }

    @Test func bookmarksSurviveASaveAndLoad() throws {
        var state = archive()
        UIFixtures.press([.enter, .character("*")], on: &state)
        let text = state.readingState(ofIssue: 0, contentHash: 5).encoded()
        #expect(text.hasSuffix("read\nbookmark 0 \(BookmarkTests.noon)\nend\n"))
        var reopened = archive()
        reopened.restore(try ReadingState.decode(Array(text.utf8)), issue: 0)
        #expect(reopened.bookmarkList.map(\.title) == ["甲一"])
        let old = "reader-state 1\nhash 0000000000000005\nscreen list\narticle 0\noffset 0\nread\nend\n"
        #expect(try ReadingState.decode(Array(old.utf8)).bookmarks == [:])
        for bad in ["bookmark 1", "bookmark x 5", "bookmark 1 -5"] {
            let damaged = old.replacingOccurrences(of: "read\n", with: "read\n\(bad)\n")
            #expect(throws: ReadingState.DecodeError.self) { try ReadingState.decode(Array(damaged.utf8)) }
        }
    }

    @Test func datesAreUTCDays() {
        func day(_ seconds: Int64) -> String {
            BookmarkEntry(title: "", issueName: "", date: seconds, position: ReadingPosition(article: 0, offset: 0)).day
        }
        #expect(day(0) == "1970-01-01")
        #expect(day(BookmarkTests.noon) == "2026-12-06")
        #expect(day(951_782_400) == "2000-02-29")
        #expect(day(4_107_542_399) == "2100-02-28")
    }
}

/// The bookmark index file: its text, damaged lines, replacing one issue's entries, the cap.
@Suite struct BookmarkIndexTests {
    func entry(_ path: String, article: Int, date: Int64, title: String = "标题") -> BookmarkIndex.Entry {
        BookmarkIndex.Entry(
            path: path, contentHash: 0xAB, position: ReadingPosition(article: article, offset: 10 * article),
            date: date, issueName: "n", title: title)
    }

    @Test func encodesAndDecodes() {
        let index = BookmarkIndex(entries: [entry("/a.txt", article: 2, date: 9, title: "一\t二\n三")])
        let text = index.encoded()
        #expect(text == "reader-bookmarks 1\nbookmark 00000000000000ab 2 20 9\t/a.txt\tn\t一 二 三\nend\n")
        #expect(BookmarkIndex.decode(Array(text.utf8)) == BookmarkIndex(entries: [entry("/a.txt", article: 2, date: 9, title: "一 二 三")]))
    }

    @Test func badLinesAreSkippedAndAFileWithoutEndIsNone() {
        let text = "reader-bookmarks 1\nbookmark zz 1 1 1\ta\tb\tc\njunk\n"
            + "bookmark 00000000000000ab 1 10 5\t/b.txt\tn\t标题\nend\n"
        #expect(BookmarkIndex.decode(Array(text.utf8))?.entries == [entry("/b.txt", article: 1, date: 5)])
        #expect(BookmarkIndex.decode(Array("reader-bookmarks 1\n".utf8)) == nil)
        #expect(BookmarkIndex.decode([0xFF]) == nil)
    }

    @Test func replacingKeepsOtherIssuesAndTheNewestThousand() {
        let old = BookmarkIndex(entries: [entry("/a.txt", article: 0, date: 1), entry("/b.txt", article: 0, date: 2)])
        let key = BookmarkIndex.IssueKey(path: "/a.txt", contentHash: 0xAB)
        let replaced = old.replacing(issues: [key], with: [entry("/a.txt", article: 3, date: 3)])
        #expect(replaced.entries == [entry("/a.txt", article: 3, date: 3), entry("/b.txt", article: 0, date: 2)])
        let many = (0..<1500).map { entry("/c.txt", article: $0, date: Int64($0)) }
        let capped = BookmarkIndex().replacing(issues: [], with: many)
        #expect(capped.entries.count == 1000)
        #expect(capped.entries.first?.date == 1499)
        #expect(capped.entries.last?.date == 500)
    }
}
