import ReaderCore
import Testing

/// The `c` key: the place holds (positions are source offsets), titles, headings, the
/// list and the contents follow, and the status bar says what is shown.
@Suite struct ConversionToggleTests {
    func seedState(toggle: ScriptToggle = ConversionFixtures.toggle, rows: Int = 12, columns: Int = 40) -> ReaderState {
        ReaderState(document: Fixtures.seed, size: ScreenSize(rows: rows, columns: columns), scriptToggle: toggle)
    }

    @Test func scrollSwitchAndSwitchBackKeepTheFirstCharacter() throws {
        var state = seedState()
        UIFixtures.press([.down, .enter], on: &state)
        UIFixtures.press(Array(repeating: .down, count: 10), on: &state)
        let before = UIFixtures.screen(state)
        let top = state.topOffset(of: state.current)
        state.press(.character("c"))
        #expect(state.document.conversion?.name == .s2t)
        #expect(state.topOffset(of: state.current) == top)
        let converted = UIFixtures.screen(state)
        // The top line starts with the same source character, now in Traditional script.
        #expect(before[1] == "     活动现场,各方发起了空天信息产业国")
        #expect(converted[1] == "     活動現場,各方發起了空天信息產業國")
        #expect(converted[11].hasPrefix(" shown converted: s2t "))
        state.press(.down)
        #expect(UIFixtures.screen(state)[11] == "    1 join | r: raw  (s2t)  21%  ? help")
        state.press(.up)
        state.press(.character("c"))
        #expect(state.document.conversion == nil)
        #expect(state.topOffset(of: state.current) == top)
        #expect(UIFixtures.screen(state)[1] == before[1])
    }

    /// s2twp changes the length of the text: switching still keeps the top line's source character.
    @Test func placeHoldsWhereTheConversionChangesTheLength() throws {
        let paragraph = String(repeating: "我用U盘和互联网买方便面，再用计算机看软件信息。", count: 6)
        let text = "## 网络\n\n" + Array(repeating: paragraph, count: 6).joined(separator: "\n\n") + "\n"
        var state = ReaderState(
            document: Document(text: text), size: ScreenSize(rows: 8, columns: 30),
            scriptToggle: ConversionFixtures.toggle(.s2twp))
        state.press(.enter)
        UIFixtures.press(Array(repeating: .down, count: 23), on: &state)
        let top = state.topOffset(of: state.current)
        let before = UIFixtures.screen(state)
        state.press(.character("c"))
        #expect(state.document.conversion?.name == .s2twp)
        #expect(state.topOffset(of: state.current) == top)
        let layout = state.currentLayout
        let line = layout.lines[state.topLine]
        // The shown top line starts at the source offset it had before.
        #expect(line.offset <= top)
        #expect(UIFixtures.screen(state)[1] != before[1])
        state.press(.character("c"))
        #expect(state.topOffset(of: state.current) == top)
        #expect(Array(UIFixtures.screen(state).prefix(7)) == Array(before.prefix(7)))
    }

    @Test func listAndContentsFollowTheConversion() {
        var state = seedState(rows: 6, columns: 40)
        state.press(.character("c"))
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43...  10 articles",
            "▸  1 重慶計劃3年內建成公共領域車輛…",
            "   2 國內首個空天信息產業共同體和…   3§",
            "   3 首屆明月湖空天信息產業國際生…",
            "   4 重慶高新區: 特色科普陣地揭牌…",
            " shown converted: s2t            [1/10]",
        ], "converted list")
        UIFixtures.press([.down, .enter, .character("t")], on: &state)
        let screen = UIFixtures.screen(state)
        #expect(screen.contains { $0.contains("1 國際生態聯盟與千億基金羣“雙輪驅動”") }, "\(screen)")
    }

    @Test func withNoConverterTheKeySaysSo() {
        var state = ReaderState(document: Fixtures.seed, size: ScreenSize(rows: 6, columns: 60))
        state.press(.character("c"))
        #expect(state.document.conversion == nil)
        #expect(state.message == "no script conversion (OpenCC is not installed)")
    }

    @Test func theWholeIssueReplacingAPreviewIsShownAsThePreviewWas() throws {
        let preview = try #require(Document.preview(prefix: Fixtures.seedBytes, name: "seed"))
        var state = ReaderState(
            document: preview, size: ScreenSize(rows: 6, columns: 40), scriptToggle: ConversionFixtures.toggle)
        state.press(.character("c"))
        state.completeLoading(with: Fixtures.seed)
        #expect(state.document.conversion?.name == .s2t)
        #expect(state.document.articles[0].title.hasPrefix("重慶計劃"))
    }

    @Test func anArchiveConvertsEachIssueToItsOtherScript() {
        let traditional = Document(text: "## 臺灣新聞\n\n行政院今天召開記者會。\n", name: "tw.txt")
        var state = ReaderState(
            issues: [Fixtures.seed, traditional], archiveName: "papers/", size: ScreenSize(rows: 6, columns: 40),
            scriptToggle: ConversionFixtures.toggle)
        state.press(.character("c"))
        #expect(state.slot(0).document.conversion?.name == .s2t)
        #expect(state.slot(1).document.conversion?.name == .t2s)
        #expect(state.slot(1).document.articles[0].title == "台湾新闻")
    }

    /// `c` in the list of an archive whose files are not read yet: the issues read after
    /// are shown converted, each to its other script, as if read before.
    @Test func anArchiveNotReadYetConvertsTheIssuesReadAfter() {
        var labels = IssueLabels()
        for name in ["cn.txt", "tw.txt"] { labels.append(Array(name.utf8)[...]) }
        var state = ReaderState(
            unreadIssues: labels, placeholder: Document.unread(name: "", counts: nil, repair: true),
            archiveName: "papers/", size: ScreenSize(rows: 6, columns: 40), scriptToggle: ConversionFixtures.toggle)
        state.press(.character("c"))
        state.receiveArchiveIssue(Fixtures.seed, issue: 0)
        state.receiveArchiveIssue(Document(text: "## 臺灣新聞\n\n行政院今天召開記者會。\n", name: "tw.txt"), issue: 1)
        #expect(state.slot(0).document.conversion?.name == .s2t)
        #expect(state.slot(0).document.articles[0].title.hasPrefix("重慶計劃"))
        #expect(state.slot(1).document.conversion?.name == .t2s)
        #expect(state.slot(1).document.articles[0].title == "台湾新闻")
    }
}
