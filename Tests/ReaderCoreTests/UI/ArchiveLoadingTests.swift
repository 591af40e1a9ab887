import Testing

@testable import ReaderCore

/// An archive whose files are read after its issue list shows (ReaderState+ArchiveLoading):
/// rows before and after the counts come, an issue opened before it is read, a text let
/// go beyond the budget and read again, and the list-wide search over texts not in memory.
@Suite struct ArchiveLoadingTests {
    static let seedText = UIFixtures.seedBytes
    static let smallText = Array("## 甲文章\n\n重庆正文\n\n## 乙\n\n内容\n".utf8)

    /// The list once every file of `archive()` is read (whether their texts are kept or not).
    static let everyFileRead = [
        " Reader | papers/                                  3 issues",
        "▸ 1 2015/a.txt                       10 articles  10 unread",
        "  2 2015/b.txt                         2 articles  2 unread",
        "  3 2016/c.bin                              not a text file",
        "",
        " [1/3]                   j/k move  ⏎ open  / search  ? help",
    ]

    /// Issue `name` as the app reads its file.
    static func read(_ bytes: [UInt8], _ name: String) -> Document {
        Document(source: bytes, name: name)
    }

    /// Three files, none read yet, as the app opens an archive (its labels, no session
    /// made): the seed, a small issue, and one that is not text.
    func archive(rows: Int = 6, columns: Int = 60) -> ReaderState {
        var state = ReaderState(
            unreadIssues: ArchiveLoadingTests.labels(["2015/a.txt", "2015/b.txt", "2016/c.bin"]),
            placeholder: Document.unread(name: "", counts: nil, repair: true), archiveName: "papers/",
            size: ScreenSize(rows: rows, columns: columns))
        state.searchesArchiveWithIndex = true
        return state
    }

    /// The labels of files named `names`.
    static func labels(_ names: [String]) -> IssueLabels {
        var labels = IssueLabels()
        for name in names { labels.append(Array(name.utf8)[...]) }
        return labels
    }

    /// Each file of `archive()` read, in list order.
    static func readAll(into state: inout ReaderState) {
        state.receiveArchiveIssue(read(seedText, "2015/a.txt"), issue: 0)
        state.keepWithinBudget(issue: 0)
        state.receiveArchiveIssue(read(smallText, "2015/b.txt"), issue: 1)
        state.keepWithinBudget(issue: 1)
        state.markUnreadable(issue: 2, failure: IssueSession.Failure(
            label: "not a text file", message: "c.bin: not a text file (binary data, or not UTF-8)"))
    }

    @Test func rowsSayLoadingUntilTheCountsCome() {
        var state = archive()
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  3 issues",
            "▸ 1 2015/a.txt                                   loading...",
            "  2 2015/b.txt                                   loading...",
            "  3 2016/c.bin                                   loading...",
            "",
            " [1/3]                   j/k move  ⏎ open  / search  ? help",
        ], "nothing read")
        #expect(state.issuesOnScreen == 0..<3)
        state.receiveArchiveIssue(ArchiveLoadingTests.read(ArchiveLoadingTests.smallText, "2015/b.txt"), issue: 1)
        state.keepWithinBudget(issue: 1)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  3 issues",
            "▸ 1 2015/a.txt                                   loading...",
            "  2 2015/b.txt                         2 articles  2 unread",
            "  3 2016/c.bin                                   loading...",
            "",
            " [1/3]                   j/k move  ⏎ open  / search  ? help",
        ], "the second read")
        ArchiveLoadingTests.readAll(into: &state)
        expectScreen(Renderer.render(state), ArchiveLoadingTests.everyFileRead, "all read")
        UIFixtures.press([.character("G"), .enter], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  3 issues",
            "  1 2015/a.txt                       10 articles  10 unread",
            "  2 2015/b.txt                         2 articles  2 unread",
            "▸ 3 2016/c.bin                              not a text file",
            "",
            " c.bin: not a text file (binary data, or not UTF-8)   [3/3]",
        ], "Enter on the file that is not text")
        #expect(state.screen == .issues)
    }

    /// Thirty files: each row's label is made from its file's bytes when shown, as
    /// `SafeText` shows a file name (bytes that are not UTF-8 as `\xHH`, a control
    /// character in caret notation).
    @Test func rowsAreLabelledFromTheirFilesBytes() {
        var labels = ArchiveLoadingTests.labels((1...28).map { "2015/01-\($0 < 10 ? "0" : "")\($0).txt" })
        labels.append([0x62, 0xFF, 0x2E, 0x74, 0x78, 0x74][...])
        labels.append(Array("e\u{1B}[2J.txt".utf8)[...])
        var state = ReaderState(
            unreadIssues: labels, placeholder: Document.unread(name: "", counts: nil), archiveName: "papers/",
            size: ScreenSize(rows: 6, columns: 60))
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                 30 issues",
            "▸  1 2015/01-01.txt                              loading...",
            "   2 2015/01-02.txt                              loading...",
            "   3 2015/01-03.txt                              loading...",
            "   4 2015/01-04.txt                              loading...",
            " [1/30]                  j/k move  ⏎ open  / search  ? help",
        ], "the first rows")
        UIFixtures.press([.character("G")], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                 30 issues",
            "  27 2015/01-27.txt                              loading...",
            "  28 2015/01-28.txt                              loading...",
            "  29 b\\xFF.txt                                   loading...",
            "▸ 30 e^[[2J.txt                                  loading...",
            " [30/30]                 j/k move  ⏎ open  / search  ? help",
        ], "the last rows")
        #expect(state.slot(28).document.name == "b\\xFF.txt")
        state.receiveArchiveIssue(ArchiveLoadingTests.read(ArchiveLoadingTests.smallText, "e.txt"), issue: 29)
        #expect(state.slot(29).document.articles.count == 2)
        #expect(state.slot(0).document.name == "2015/01-01.txt")
    }

    @Test func anIssueOpenedBeforeItIsReadOpensWhenRead() {
        var state = archive()
        UIFixtures.press([.character("j"), .enter], on: &state)
        #expect(state.issueWanted == 1)
        expectScreen(Renderer.render(state), [
            " Reader | 2015/b.txt                             loading...",
            "",
            "",
            "",
            "",
            " [0/0]                   j/k move  ⏎ open  / search  ? help",
        ], "opened before it is read")
        // Enter before the text is there: it is being read (not "no articles").
        state.press(.enter)
        expectScreen(Renderer.render(state), [
            " Reader | 2015/b.txt                             loading...",
            "",
            "",
            "",
            "",
            " loading...                                           [0/0]",
        ], "Enter before it is read")
        state.receiveArchiveIssue(ArchiveLoadingTests.read(ArchiveLoadingTests.smallText, "2015/b.txt"), issue: 1)
        state.keepWithinBudget(issue: 1)
        #expect(state.issueWanted == nil)
        expectScreen(Renderer.render(state), [
            " Reader | 2015/b.txt                             2 articles",
            "▸ 1 甲文章                                        7字 1 min",
            "  2 乙                                            3字 1 min",
            "",
            "",
            " [1/2]                   j/k move  ⏎ open  / search  ? help",
        ], "read")
    }

    @Test func aTextLetGoKeepsItsCountsAndIsReadAgainWhenOpened() {
        var state = archive()
        // Room for the small issue only: the seed's text is let go once counted.
        state.heldTextBudget = ArchiveLoadingTests.smallText.count
        ArchiveLoadingTests.readAll(into: &state)
        #expect(!state.holdsText(ofIssue: 0))
        #expect(state.holdsText(ofIssue: 1))
        let before = state.readingState(ofIssue: 0, contentHash: 7)
        expectScreen(Renderer.render(state), ArchiveLoadingTests.everyFileRead, "the seed let go, its counts kept")
        UIFixtures.press([.enter], on: &state)
        #expect(state.issueWanted == 0)
        state.receiveArchiveIssue(ArchiveLoadingTests.read(ArchiveLoadingTests.seedText, "2015/a.txt"), issue: 0)
        state.keepWithinBudget(issue: 0)
        // Open, so kept over the budget; the small issue let go for it.
        #expect(state.holdsText(ofIssue: 0))
        #expect(!state.holdsText(ofIssue: 1))
        #expect(state.readingState(ofIssue: 0, contentHash: 7) == before)
        UIFixtures.press([.enter, .character("q"), .character("q")], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  3 issues",
            "▸ 1 2015/a.txt                        10 articles  9 unread",
            "  2 2015/b.txt                         2 articles  2 unread",
            "  3 2016/c.bin                              not a text file",
            "",
            " [1/3]                   j/k move  ⏎ open  / search  ? help",
        ], "read again, its first article read")
    }

    @Test func theListSearchOverTextsNotHeldGivesTheSameHits() {
        let held = ArchiveFilter(query: "重庆", documents: [
            ArchiveLoadingTests.read(ArchiveLoadingTests.seedText, "2015/a.txt"),
            ArchiveLoadingTests.read(ArchiveLoadingTests.smallText, "2015/b.txt"),
        ])
        var state = archive()
        state.heldTextBudget = 0
        ArchiveLoadingTests.readAll(into: &state)
        #expect(!state.holdsText(ofIssue: 0) && !state.holdsText(ofIssue: 1))
        state.press(.character("/"))
        UIFixtures.type("重庆", on: &state)
        guard case .searchArchive(let request) = state.takeEffects().last else {
            Issue.record("no archive search asked for")
            return
        }
        let files = [ArchiveLoadingTests.seedText, ArchiveLoadingTests.smallText]
        let hits = (0..<request.count).flatMap { issue in
            request.issue(issue).hits(of: SearchFolding.fold("重庆"), issue: issue) {
                files.indices.contains(issue) ? ArchiveLoadingTests.read(files[issue], "") : nil
            }
        }
        #expect(hits.map { [$0.issue, $0.article, $0.count] } == held.hits.map { [$0.issue, $0.article, $0.count] })
        #expect(hits.count == 10)
        state.apply(.archiveHits(ArchiveHits(generation: request.generation, hits: hits, isLast: true)))
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  3 issues",
            "▸  1 2015/a.txt │ 重庆计划3年内建成公共领域车辆全…   2 hits",
            "   2 2015/a.txt │ 国内首个空天信息产业共同体和千…   10 hits",
            "   3 2015/a.txt │ 首届明月湖空天信息产业国际生态…   13 hits",
            "   4 2015/a.txt │ 重庆高新区: 特色科普阵地揭牌启用   3 hits",
            "/重庆                               10 articles in 2 issues",
        ], "the hits, titles from the files")
        // Enter on a hit of a text not in memory: opened at its first hit once read again.
        UIFixtures.press([.enter, .enter], on: &state)
        #expect(state.issueWanted == 0)
        state.receiveArchiveIssue(ArchiveLoadingTests.read(ArchiveLoadingTests.seedText, "2015/a.txt"), issue: 0)
        #expect(state.screen == .article)
        #expect(state.current == 0)
        #expect(state.search?.matches.count == 2)
    }
}
