import ReaderConfig
import ReaderCore
import Testing

/// Configured keys flow through the one key table: dispatch, hints and the help overlay.
@Suite struct KeyOverrideTests {
    /// The README example's keys.
    static let configuration = ConfigurationParser.parse(
        text: ConfigurationParserTests.example, fileName: "config.toml").configuration

    func state(_ configuration: Configuration = KeyOverrideTests.configuration, rows: Int = 24, columns: Int = 80)
        -> ReaderState
    {
        ReaderState(
            document: UIFixtures.seed, size: ScreenSize(rows: rows, columns: columns), bindings: configuration.bindings)
    }

    @Test func overriddenKeysDispatch() {
        var state = state()
        state.press(.character("s"))
        #expect(state.prompt != nil)
        state.press(.escape)
        UIFixtures.press([.down, .enter, .character("}")], on: &state)
        var reference = UIFixtures.state()
        UIFixtures.press([.down, .enter, .character("]")], on: &reference)
        #expect(state.topLine == reference.topLine && state.topLine > 0)
        state.press(.character("x"))
        #expect(state.isFinished)
    }

    @Test func overridesReplaceTheDefaultKeys() {
        var state = state()
        state.press(.character("q"))  // was quit in the list (`leave`); unchanged there
        #expect(state.isFinished)
        var configured = Configuration()
        configured.keyOverrides = [.search: [.character("s")]]
        var other = self.state(configured)
        other.press(.character("/"))
        #expect(other.prompt == nil)
        other.press(.character("s"))
        #expect(other.prompt != nil)
    }

    @Test func aTakenKeyLeavesTheOtherBindings() {
        var configured = Configuration()
        configured.keyOverrides = [.nextSection: [.character("j")], .quit: [.character("q")]]
        let table = configured.bindings
        #expect(KeyMap.action(for: .character("j"), in: .article, table: table) == .nextSection)
        #expect(KeyMap.action(for: .character("j"), in: .list, table: table) == .lineDown)
        #expect(KeyMap.action(for: .down, in: .article, table: table) == .lineDown)
        #expect(KeyMap.action(for: .character("q"), in: .article, table: table) == .quit)
        #expect(KeyMap.action(for: .character("q"), in: .list, table: table) == .quit)
        #expect(KeyMap.action(for: .character("q"), in: .help, table: table) == .quit)
        #expect(KeyMap.action(for: .escape, in: .help, table: table) == .close)
        // The search prompt keeps its keys: q is typed, Ctrl-C still quits.
        #expect(KeyMap.action(for: .character("q"), in: .prompt, table: table) == .insert("q"))
        #expect(KeyMap.action(for: .controlC, in: .prompt, table: table) == .quit)
        // The article view's hint for back was "q": it now names Esc.
        #expect(KeyMap.hints(in: .help, table: table) == "Esc close")
        let back = table.first { $0.action == .back && $0.contexts == [.article] }
        #expect(back?.keys == [.escape, .backspace])
        #expect(back?.hintKeys == nil)
    }

    @Test func aBindingLeftWithoutKeysIsDropped() {
        var configured = Configuration()
        configured.keyOverrides = [.nextSection: [.character("[")]]
        let table = configured.bindings
        #expect(!table.contains { $0.action == .previousSection })
        #expect(KeyMap.action(for: .character("["), in: .article, table: table) == .nextSection)
    }

    @Test func noOverridesIsTheDefaultTable() {
        let table = Configuration().bindings
        #expect(table.count == KeyMap.bindings.count)
        for (configured, original) in zip(table, KeyMap.bindings) {
            #expect(configured.keys == original.keys && configured.label == original.label)
        }
    }

    @Test func hintBarShowsOverriddenKeys() {
        var configured = Configuration()
        configured.keyOverrides = [.search: [.character("s"), .character("/")], .open: [.character("o")]]
        expectScreen(Renderer.render(state(configured)), [
            " Reader | 000_87085fd43abf9c5f.txt                                  10 articles",
            "▸  1 重庆计划3年内建成公共领域车辆全面电动化试点城市 到2025…        512字 2 min",
            "   2 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项…  3§  1.2k字 4 min",
            "   3 首届明月湖空天信息产业国际生态活动上嘉宾表示 重庆空天信…       739字 2 min",
            "   4 重庆高新区: 特色科普阵地揭牌启用                               224字 1 min",
            "   5 “政府间国际科技创新合作”等重点专项启动申报                     347字 1 min",
            "   6 重庆智能建造7项经验全国推广                                    497字 2 min",
            "   7 西部(重庆)科学城人才产业园正式启动 首批10个人才项目集中…       440字 2 min",
            "   8 重庆启动产业知识产权运营中心建设                               691字 2 min",
            "   9 2023年全市物联网十大应用案例评选“出炉”                         462字 2 min",
            "  10 人均年产值300万元背后的“三条路” 全球最大汽车天窗制造商…         40字 1 min",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            " [1/10]                                      j/k move  o open  s search  ? help",
        ], "list with overrides")
    }

    @Test func helpOverlayShowsOverriddenKeys() {
        var state = state()
        UIFixtures.press([.down, .enter, .character("?")], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 2/10",
            " 国内首个空天 Keys                                                息应用场景发",
            " 布",
            "              Article view",
            "     本报讯(    Up k             scroll up one line                生态活动在渝",
            " 启幕。来自43   Down j           scroll down one line             庆,共谋空天信",
            " 息产业发展。   PgUp b           page up",
            "                PgDn Space       page down",
            "     活动现场   Home g           top of article                   息产业共同体,",
            " 并发布了首个   End G            bottom of article",
            "                Right l          next article",
            " 国际生态联盟   Left h           previous article",
            "                Esc q Backspace  back to the list",
            "     当前,全    t Tab            table of contents                年,空天信息产",
            " 业规模将突破   [                previous section",
            "                ] }              next section",
            "     空天信息   1-9              jump to section N                 ,目前,空天信",
            " 息产业还面临   / s              search in article                重庆数创园提",
            " 出了设立空天   n                next match                        关键事项。",
            "                N                previous match",
            "     其中,空    r                toggle page-break repair         科研机构等组",
            " 成,旨在打造    u                mark read / unread                学、研、投深",
            " 度融合,促进  Esc close  j more",
            "         1 join | r: raw  35%  4 min left  q back  t sections  / search  ? help",
        ], "help with overrides")
        state.press(.down)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 2/10",
            " 国内首个空天 Keys                                                息应用场景发",
            " 布",
            "                Up k             scroll up one line",
            "     本报讯(    Down j           scroll down one line              生态活动在渝",
            " 启幕。来自43   PgUp b           page up                          庆,共谋空天信",
            " 息产业发展。   PgDn Space       page down",
            "                Home g           top of article",
            "     活动现场   End G            bottom of article                息产业共同体,",
            " 并发布了首个   Right l          next article",
            "                Left h           previous article",
            " 国际生态联盟   Esc q Backspace  back to the list",
            "                t Tab            table of contents",
            "     当前,全    [                previous section                 年,空天信息产",
            " 业规模将突破   ] }              next section",
            "                1-9              jump to section N",
            "     空天信息   / s              search in article                 ,目前,空天信",
            " 息产业还面临   n                next match                       重庆数创园提",
            " 出了设立空天   N                previous match                    关键事项。",
            "                r                toggle page-break repair",
            "     其中,空    u                mark read / unread               科研机构等组",
            " 成,旨在打造    c                Simplified/Traditional            学、研、投深",
            " 度融合,促进  Esc close  j more",
            "         1 join | r: raw  35%  4 min left  q back  t sections  / search  ? help",
        ], "help with overrides, scrolled")
    }
}
