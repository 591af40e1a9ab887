import Dispatch
import Testing

@testable import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// A list-wide search typed while the search index is still being built waits for it
/// without blocking the keys: "searching…" until `.searchReady`, then the hits.
struct PendingListSearchTests {
    /// A state on a fresh copy of the seed whose index build is held until `gate` is left.
    static func stateWithIndexOnHold(rows: Int = 12, columns: Int = 60) -> (ReaderState, DispatchGroup) {
        let document = Document(source: UIFixtures.seedBytes, name: UIFixtures.seedName)
        let gate = DispatchGroup()
        gate.enter()
        document.searchIndexCache.prepare(document, gate: gate)
        return (ReaderState(document: document, size: ScreenSize(rows: rows, columns: columns)), gate)
    }

    /// Lets the held build run and waits (at most 10 s) until it is done.
    static func release(_ gate: DispatchGroup, of state: ReaderState) {
        gate.leave()
        var waited = 0
        while state.document.isPreparingSearch, waited < 10_000 {
            usleep(1000)
            waited += 1
        }
    }

    @Test func typingWaitsForTheIndexThenShowsTheHits() {
        var (state, gate) = PendingListSearchTests.stateWithIndexOnHold()
        #expect(state.document.isPreparingSearch)
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
        state.apply(.searchReady)
        #expect(state.isWaitingForSearch)
        PendingListSearchTests.release(gate, of: state)
        #expect(!state.document.isPreparingSearch)
        state.apply(.searchReady)
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
        var (state, gate) = PendingListSearchTests.stateWithIndexOnHold()
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
        PendingListSearchTests.release(gate, of: state)
        state.apply(.searchReady)
        #expect(state.listEntries == [1, 2])
        #expect(state.selected == 1)
        #expect(state.message == nil)
    }

    @Test func enterWhileWaitingThenNoHitsRestoresTheList() {
        var (state, gate) = PendingListSearchTests.stateWithIndexOnHold()
        UIFixtures.press([.down, .down, .character("/")], on: &state)
        UIFixtures.type("没有这个词", on: &state)
        state.press(.enter)
        PendingListSearchTests.release(gate, of: state)
        state.apply(.searchReady)
        #expect(state.listFilter == nil)
        #expect(state.selected == 2)
        #expect(state.message == "not found: 没有这个词")
    }

    @Test func escWhileWaitingDropsTheSearch() {
        var (state, gate) = PendingListSearchTests.stateWithIndexOnHold()
        UIFixtures.press([.down, .down, .character("/")], on: &state)
        UIFixtures.type("重庆", on: &state)
        state.press(.escape)
        #expect(!state.isWaitingForSearch)
        PendingListSearchTests.release(gate, of: state)
        state.apply(.searchReady)
        #expect(state.listFilter == nil)
        #expect(state.selected == 2)
    }

    /// An archive search waits until every issue's index is built, then lists the hits.
    @Test func anArchiveSearchWaitsForEveryIssue() {
        let seed = Document(source: UIFixtures.seedBytes, name: "a.txt")
        let small = Document(text: "## 甲文章\n\n重庆正文\n\n## 乙\n\n内容\n", name: "b.txt")
        let gate = DispatchGroup()
        gate.enter()
        small.searchIndexCache.prepare(small, gate: gate)
        var state = ReaderState(issues: [seed, small], archiveName: "papers/", size: ScreenSize(rows: 6, columns: 60))
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
        PendingListSearchTests.release(gate, of: ReaderState(document: small, size: ScreenSize(rows: 6, columns: 60)))
        #expect(state.isSearchReady)
        state.apply(.searchReady)
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
