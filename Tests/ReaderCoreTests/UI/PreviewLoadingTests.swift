import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The first screen of a large file shows a preview (its first whole articles) while the
/// file is read; the whole issue then replaces it without moving the selection.
struct PreviewLoadingTests {
    static let preview: Document? = Document.preview(
        prefix: Array(UIFixtures.seedBytes[..<12000]), name: UIFixtures.seedName)

    @Test func previewSaysLoadingAndTheWholeIssueReplacesIt() throws {
        let preview = try #require(PreviewLoadingTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 8, columns: 60))
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt               loading...",
            "▸ 1 重庆计划3年内建成公共领域车辆全面电…        512字 2 min",
            "  2 国内首个空天信息产业共同体和千亿基金…  3§  1.2k字 4 min",
            "  3 首届明月湖空天信息产业国际生态活动上…       739字 2 min",
            "  4 重庆高新区: 特色科普阵地揭牌启用            224字 1 min",
            "  5 “政府间国际科技创新合作”等重点专项启…       347字 1 min",
            "  6 重庆智能建造7项经验全国推广                 497字 2 min",
            " [1/6+]                  j/k move  ⏎ open  / search  ? help",
        ], "preview 60x8")
        state.completeLoading(with: UIFixtures.seed)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt              10 articles",
            "▸  1 重庆计划3年内建成公共领域车辆全面电…       512字 2 min",
            "   2 国内首个空天信息产业共同体和千亿基…   3§  1.2k字 4 min",
            "   3 首届明月湖空天信息产业国际生态活动…        739字 2 min",
            "   4 重庆高新区: 特色科普阵地揭牌启用           224字 1 min",
            "   5 “政府间国际科技创新合作”等重点专项…        347字 1 min",
            "   6 重庆智能建造7项经验全国推广                497字 2 min",
            " [1/10]                  j/k move  ⏎ open  / search  ? help",
        ], "whole 60x8")
        UIFixtures.press([.character("G"), .enter], on: &state)
        #expect(state.current == 9)
    }

    @Test func theSelectionMadeInThePreviewStays() throws {
        let preview = try #require(PreviewLoadingTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        UIFixtures.press([.down, .down], on: &state)
        state.completeLoading(with: UIFixtures.seed)
        #expect(state.selected == 2)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43...  10 articles",
            "   1 重庆计划3年内建成公共领域车辆…",
            "   2 国内首个空天信息产业共同体和…   3§",
            "▸  3 首届明月湖空天信息产业国际生…",
            "   4 重庆高新区: 特色科普阵地揭牌…",
            " [3/10]        j/k move  ⏎ open  ? help",
        ], "whole 40x5")
    }

    /// The preview takes keys while the file is read; a list-wide search typed then waits
    /// ("searching…") for the whole issue and its index, and finds what the whole holds.
    @Test func aListSearchOnThePreviewWaitsForTheWholeIssue() throws {
        let preview = try #require(PreviewLoadingTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        UIFixtures.press([.character("/")], on: &state)
        UIFixtures.type("物联网", on: &state)
        UIFixtures.press([.enter], on: &state)
        #expect(state.isWaitingForSearch)
        #expect(!state.isSearchReady)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43a...  loading...",
            "▸ 1 重庆计划3年内建成公共领域车辆…",
            "  2 国内首个空天信息产业共同体和千…  3§",
            "  3 首届明月湖空天信息产业国际生态…",
            "  4 重庆高新区: 特色科普阵地揭牌启…",
            " [1/6+] /物联网 searching...     ? help",
        ], "searching the preview 40x6")
        let whole = Document(source: UIFixtures.seedBytes, name: UIFixtures.seedName)
        state.completeLoading(with: whole)
        #expect(state.isWaitingForSearch)
        // The app asks for the whole issue's index once it is read, and answers with it.
        state.apply(.prepareSearch)
        let effects = state.takeEffects()
        guard case .prepareSearch(let requests) = effects.first else {
            Issue.record("no .prepareSearch in \(effects)")
            return
        }
        #expect(effects.count == 1)
        #expect(requests.map(\.key) == [SearchIndexKey(issue: 0, repaired: true)])
        #expect(requests.map(\.document.articles.count) == [10])
        state.apply(.searchPrepared(requests.map(PreparedSearchIndex.init(building:))))
        #expect(!state.isWaitingForSearch)
        #expect(state.listFilter?.hits.map(\.article) == [8])
        #expect(state.selected == 8)
    }

    /// A large file's saved state is read once the file is: when keys came first, its
    /// read marks join those made since, and the position stays where the keys took it.
    @Test func aLateSavedStateKeepsThePositionAndJoinsTheReadMarks() throws {
        let preview = try #require(PreviewLoadingTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        UIFixtures.press([.down, .enter, .escape], on: &state)
        state.completeLoading(with: UIFixtures.seed)
        state.restore(ReadingState(contentHash: 1, screen: .article, article: 7, offset: 0, read: [3, 7, 99]))
        #expect(state.readArticles == [1, 3, 7])
        #expect(state.selected == 1)
        #expect(state.screen == .list)
    }

    /// `G` before the whole issue is there means its last article, not the preview's.
    @Test func bottomOnThePreviewIsTheLastArticleOfTheWholeIssue() throws {
        let preview = try #require(PreviewLoadingTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        UIFixtures.press([.character("G")], on: &state)
        #expect(state.selected == 5)
        state.completeLoading(with: UIFixtures.seed)
        #expect(state.selected == 9)
        // Any key after it: the selection stays where that key left it.
        var moved = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        UIFixtures.press([.character("G"), .up], on: &moved)
        moved.completeLoading(with: UIFixtures.seed)
        #expect(moved.selected == 4)
    }

    /// A number past the preview's articles opens that article once the whole issue is
    /// read (one the whole issue does not have either is "no article").
    @Test func aNumberPastThePreviewOpensOnceTheWholeIssueIsRead() throws {
        let preview = try #require(PreviewLoadingTests.preview)
        var state = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        state.apply(.number(9))
        #expect(state.screen == .list)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43a...  loading...",
            "▸ 1 重庆计划3年内建成公共领域车辆…",
            "  2 国内首个空天信息产业共同体和千…  3§",
            "  3 首届明月湖空天信息产业国际生态…",
            "  4 重庆高新区: 特色科普阵地揭牌启…",
            " article 9: loading...           [1/6+]",
        ], "waiting for article 9, 40x6")
        state.completeLoading(with: UIFixtures.seed)
        #expect(state.screen == .article)
        #expect(state.current == 8)
        var missing = ReaderState(document: preview, size: ScreenSize(rows: 6, columns: 40))
        missing.apply(.number(11))
        missing.completeLoading(with: UIFixtures.seed)
        #expect(missing.screen == .list)
        #expect(missing.message == "no article 11")
    }
}
