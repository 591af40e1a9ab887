import Testing

@testable import ReaderCore

/// A list-wide search typed while the search index is still being built waits for it
/// without blocking the keys: "searching…" until the app answers `Effect.prepareSearch`
/// with `.searchPrepared`, then the hits.
struct PendingListSearchTests {
    /// A state on a fresh copy of the seed after `.prepareSearch`, and the index requests
    /// it emitted (which the app would build in the background).
    static func stateWithIndexOnHold(rows: Int = 12, columns: Int = 60) -> (ReaderState, [SearchIndexRequest]) {
        let document = Document(source: UIFixtures.seedBytes, name: UIFixtures.seedName)
        let state = ReaderState(document: document, size: ScreenSize(rows: rows, columns: columns))
        let (preparing, effects) = ReaderState.update(state, .prepareSearch)
        guard case .prepareSearch(let requests) = effects.first else { return (preparing, []) }
        return (preparing, requests)
    }

    /// What the app answers once it has built the indexes of `requests`.
    static func release(_ requests: [SearchIndexRequest]) -> Action {
        .searchPrepared(requests.map(PreparedSearchIndex.init(building:)))
    }

    /// `.prepareSearch` asks for the open issue's index once: the effect names it, asking
    /// again while it is being built or once it is there asks for nothing, and a search
    /// after `.searchPrepared` does not wait.
    @Test func prepareSearchAsksForEachIndexOnce() {
        let document = Document(source: UIFixtures.seedBytes, name: UIFixtures.seedName)
        let state = ReaderState(document: document, size: ScreenSize(rows: 12, columns: 60))
        let request = SearchIndexRequest(key: SearchIndexKey(issue: 0, repaired: true), document: document)
        let (preparing, effects) = ReaderState.update(state, .prepareSearch)
        #expect(effects == [.prepareSearch([request])])
        #expect(ReaderState.update(preparing, .prepareSearch).1 == [])
        var (prepared, answered) = ReaderState.update(preparing, PendingListSearchTests.release([request]))
        #expect(answered == [])
        #expect(ReaderState.update(prepared, .prepareSearch).1 == [])
        UIFixtures.press([.character("/")], on: &prepared)
        UIFixtures.type("康坦特", on: &prepared)
        #expect(!prepared.isWaitingForSearch)
        #expect(prepared.listFilter?.hits == [ListFilter.Hit(article: 1, count: 2)])
    }

    /// An issue over `indexBuiltAtOpenBytes` (a huge one in use; 100 bytes here) gets no
    /// index when it is read: the first list-wide search asks for it, waits for it, then
    /// shows the hits as for any issue.
    @Test func aLargeIssueGetsItsIndexWhenFirstSearched() {
        let document = Document(source: UIFixtures.seedBytes, name: UIFixtures.seedName)
        var state = ReaderState(document: document, size: ScreenSize(rows: 12, columns: 60))
        state.indexBuiltAtOpenBytes = 100
        let (opened, atOpen) = ReaderState.update(state, .prepareSearch)
        #expect(atOpen == [])
        state = opened
        UIFixtures.press([.character("/")], on: &state)
        #expect(state.takeEffects() == [])
        UIFixtures.type("康坦特", on: &state)
        let request = SearchIndexRequest(key: SearchIndexKey(issue: 0, repaired: true), document: document)
        #expect(state.takeEffects() == [.prepareSearch([request])])
        #expect(state.isWaitingForSearch)
        #expect(state.listFilter == nil)
        state.apply(PendingListSearchTests.release([request]))
        #expect(!state.isWaitingForSearch)
        #expect(state.listFilter?.hits == [ListFilter.Hit(article: 1, count: 2)])
        UIFixtures.press([.backspace], on: &state)
        // The index is there now: the next edit asks for nothing and does not wait.
        #expect(state.takeEffects() == [])
        #expect(!state.isWaitingForSearch)
        #expect(state.listFilter?.hits == [ListFilter.Hit(article: 1, count: 2)])
    }

    @Test func typingWaitsForTheIndexThenShowsTheHits() {
        var (state, requests) = PendingListSearchTests.stateWithIndexOnHold()
        #expect(requests.count == 1)
        UIFixtures.press([.down, .character("/")], on: &state)
        UIFixtures.type("康坦特", on: &state)
        #expect(state.isWaitingForSearch)
        #expect(state.listFilter == nil)
        #expect(state.selected == 1)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt              10 articles",
            "   1 重庆计划3年内建成公共领域车辆全面电…       512字 2 min",
            "▸  2 国内首个空天信息产业共同体和千亿基…   3§  1.2k字 4 min",
            "   3 首届明月湖空天信息产业国际生态活动…        739字 2 min",
            "   4 重庆高新区: 特色科普阵地揭牌启用           224字 1 min",
            "   5 “政府间国际科技创新合作”等重点专项…        347字 1 min",
            "   6 重庆智能建造7项经验全国推广                497字 2 min",
            "   7 西部(重庆)科学城人才产业园正式启动…        440字 2 min",
            "   8 重庆启动产业知识产权运营中心建设           691字 2 min",
            "   9 2023年全市物联网十大应用案例评选“出…       462字 2 min",
            "  10 人均年产值300万元背后的“三条路” 全…         40字 1 min",
            "/康坦特                            searching...  Esc cancel",
        ], "searching 60x12")
        // Nothing changes while the index is still being built.
        state.apply(.searchPrepared([]))
        #expect(state.isWaitingForSearch)
        state.apply(PendingListSearchTests.release(requests))
        #expect(!state.isWaitingForSearch)
        #expect(state.listFilter?.hits == [ListFilter.Hit(article: 1, count: 2)])
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt              10 articles",
            "▸  2 国内首个空天信息产业共同体和千亿基金群在渝诞…   2 hits",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "/康坦特                        1 of 10 articles  Esc cancel",
        ], "found 60x12")
    }

    @Test func enterWhileWaitingKeepsTheFilterWhenTheHitsCome() {
        var (state, requests) = PendingListSearchTests.stateWithIndexOnHold()
        state.press(.character("/"))
        UIFixtures.type("空天信息", on: &state)
        state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.isWaitingForSearch)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt              10 articles",
            "▸  1 重庆计划3年内建成公共领域车辆全面电…       512字 2 min",
            "   2 国内首个空天信息产业共同体和千亿基…   3§  1.2k字 4 min",
            "   3 首届明月湖空天信息产业国际生态活动…        739字 2 min",
            "   4 重庆高新区: 特色科普阵地揭牌启用           224字 1 min",
            "   5 “政府间国际科技创新合作”等重点专项…        347字 1 min",
            "   6 重庆智能建造7项经验全国推广                497字 2 min",
            "   7 西部(重庆)科学城人才产业园正式启动…        440字 2 min",
            "   8 重庆启动产业知识产权运营中心建设           691字 2 min",
            "   9 2023年全市物联网十大应用案例评选“出…       462字 2 min",
            "  10 人均年产值300万元背后的“三条路” 全…         40字 1 min",
            " [1/10] /空天信息 searching...     j/k move  ⏎ open  ? help",
        ], "accepted, searching 60x12")
        state.apply(PendingListSearchTests.release(requests))
        #expect(state.listEntries == [1, 2])
        #expect(state.selected == 1)
        #expect(state.message == nil)
    }

    @Test func enterWhileWaitingThenNoHitsRestoresTheList() {
        var (state, requests) = PendingListSearchTests.stateWithIndexOnHold()
        UIFixtures.press([.down, .down, .character("/")], on: &state)
        UIFixtures.type("没有这个词", on: &state)
        state.press(.enter)
        state.apply(PendingListSearchTests.release(requests))
        #expect(state.listFilter == nil)
        #expect(state.selected == 2)
        #expect(state.message == "not found: 没有这个词")
    }

    @Test func escWhileWaitingDropsTheSearch() {
        var (state, requests) = PendingListSearchTests.stateWithIndexOnHold()
        UIFixtures.press([.down, .down, .character("/")], on: &state)
        UIFixtures.type("重庆", on: &state)
        state.press(.escape)
        #expect(!state.isWaitingForSearch)
        state.apply(PendingListSearchTests.release(requests))
        #expect(state.listFilter == nil)
        #expect(state.selected == 2)
    }

    /// An archive search waits until every issue's index is built, then lists the hits.
    @Test func anArchiveSearchWaitsForEveryIssue() {
        let seed = Document(source: UIFixtures.seedBytes, name: "a.txt")
        let small = Document(text: "## 甲文章\n\n重庆正文\n\n## 乙\n\n内容\n", name: "b.txt")
        var state = ReaderState(issues: [seed, small], archiveName: "papers/", size: ScreenSize(rows: 6, columns: 60))
        state.apply(.prepareSearch)
        let effects = state.takeEffects()
        #expect(effects == [.prepareSearch([
            SearchIndexRequest(key: SearchIndexKey(issue: 0, repaired: true), document: seed),
            SearchIndexRequest(key: SearchIndexKey(issue: 1, repaired: true), document: small),
        ])])
        guard case .prepareSearch(let requests) = effects.first else { return }
        // The first issue's index comes first; the search waits for the second's.
        state.apply(PendingListSearchTests.release([requests[0]]))
        state.press(.character("/"))
        UIFixtures.type("重庆正文", on: &state)
        #expect(state.isWaitingForSearch && !state.isSearchReady)
        state.press(.enter)
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 a.txt                            10 articles  10 unread",
            "  2 b.txt                              2 articles  2 unread",
            "",
            "",
            " [1/2] /重庆正文 searching...      j/k move  ⏎ open  ? help",
        ], "archive searching")
        #expect(!state.isSearchReady)
        state.apply(PendingListSearchTests.release([requests[1]]))
        #expect(!state.isWaitingForSearch)
        #expect(state.archiveFilter?.hits == [ArchiveFilter.Hit(issue: 1, article: 0, count: 1)])
        expectScreen(Renderer.render(state), [
            " Reader | papers/                                  2 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "",
            "",
            "",
            " [1/1] /重庆正文         j/k move  ⏎ open  / search  ? help",
        ], "archive found")
    }
}
