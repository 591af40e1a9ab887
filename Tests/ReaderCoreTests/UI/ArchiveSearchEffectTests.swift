import Testing

@testable import ReaderCore

/// `/` in an archive's issue list with the persistent index: each edit asks the app to
/// search (`Effect.searchArchive`), and the `.archiveHits` it answers with show as they
/// come, the stale ones of an earlier query ignored.
struct ArchiveSearchEffectTests {
    static func archive() -> ReaderState {
        let seed = Document(source: UIFixtures.seedBytes, name: "a.txt")
        let small = Document(text: "## 甲文章\n\n重庆正文\n\n## 乙\n\n内容\n", name: "b.txt")
        var state = ReaderState(issues: [seed, small], archiveName: "papers/", size: ScreenSize(rows: 6, columns: 60))
        state.searchesArchiveWithIndex = true
        return state
    }

    static func request(_ query: String, _ generation: Int) -> Effect {
        .searchArchive(ArchiveSearchRequest(query: query, generation: generation, issues: []))
    }

    @Test func eachEditAsksForASearchAndTheHitsShowAsTheyCome() {
        var state = ArchiveSearchEffectTests.archive()
        state.press(.character("/"))
        UIFixtures.type("重庆正文", on: &state)
        #expect(state.takeEffects() == [
            ArchiveSearchEffectTests.request("重", 1), ArchiveSearchEffectTests.request("重庆", 2),
            ArchiveSearchEffectTests.request("重庆正", 3), ArchiveSearchEffectTests.request("重庆正文", 4),
        ])
        // The request carries every issue, the documents as shown.
        let (_, effects) = ReaderState.update(state, .insert("x"))
        guard case .searchArchive(let request) = effects.first else {
            Issue.record("no .searchArchive in \(effects)")
            return
        }
        #expect((0..<request.count).map { request.issue($0).document.name } == ["a.txt", "b.txt"])
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "",
            "",
            "",
            "",
            "/重庆正文                          searching...  Esc cancel",
        ], "searching")
        // Hits of an earlier query are dropped; those of this one show, more to come.
        state.apply(.archiveHits(ArchiveHits(generation: 3, hits: [.init(issue: 0, article: 0, count: 9)], isLast: true)))
        state.apply(.archiveHits(ArchiveHits(generation: 4, hits: [.init(issue: 1, article: 0, count: 1)], isLast: false)))
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "",
            "",
            "",
            "/重庆正文                           1 article in 1 issue...",
        ], "first hits")
        state.apply(.archiveHits(ArchiveHits(generation: 4, hits: [], isLast: true)))
        #expect(state.archiveFilter?.hits == [ArchiveFilter.Hit(issue: 1, article: 0, count: 1)])
        state.press(.enter)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "",
            "",
            "",
            " [1/1] /重庆正文         j/k move  ⏎ open  / search  ? help",
        ], "accepted")
    }

    /// Enter before the last hits: the list says it is still searching, and a search that
    /// finds nothing then goes back to the issue list with "not found".
    @Test func enterWhileSearchingThenNoHitsRestoresTheList() {
        var state = ArchiveSearchEffectTests.archive()
        state.press(.down)
        state.press(.character("/"))
        UIFixtures.type("没有", on: &state)
        state.press(.enter)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "",
            "",
            "",
            "",
            " [0/0] /没有 searching...          j/k move  ⏎ open  ? help",
        ], "accepted while searching")
        state.apply(.archiveHits(ArchiveHits(generation: 2, hits: [], isLast: true)))
        #expect(state.archiveFilter == nil)
        #expect(state.issueSelected == 1)
        #expect(state.message == "not found: 没有")
    }

    /// Without the index the archive search runs in the state, as before: no effect.
    @Test func withoutTheIndexNoEffect() {
        var state = ArchiveSearchEffectTests.archive()
        state.searchesArchiveWithIndex = false
        state.press(.character("/"))
        UIFixtures.type("重庆正文", on: &state)
        #expect(state.takeEffects() == [])
        #expect(state.archiveFilter?.hits == [ArchiveFilter.Hit(issue: 1, article: 0, count: 1)])
    }
}
