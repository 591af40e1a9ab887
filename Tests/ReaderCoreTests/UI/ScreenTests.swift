import ReaderCore
import Testing

/// `render` compared with exact screens (ARCHITECTURE.md, "How to add …"). Each expected screen is an
/// array literal; when the text engine changes, a failing test prints the new one.
@Suite struct ScreenTests {
    /// The seed at `columns`×`rows` after `keys`.
    func screen(_ columns: Int, _ rows: Int, _ keys: [Key] = [], typing: String = "", then more: [Key] = [])
        -> ScreenGrid
    {
        var state = UIFixtures.state(rows: rows, columns: columns)
        UIFixtures.press(keys, on: &state)
        UIFixtures.type(typing, on: &state)
        UIFixtures.press(more, on: &state)
        return Renderer.render(state)
    }

    @Test func list80x24() {
        expectScreen(screen(80, 24), [
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
            " [1/10]                                      j/k move  ⏎ open  / search  ? help",
        ], "list 80x24")
    }

    @Test func list40x12() {
        expectScreen(screen(40, 12), [
            " Reader | 000_87085fd43...  10 articles",
            "▸  1 重庆计划3年内建成公共领域车辆…",
            "   2 国内首个空天信息产业共同体和…   3§",
            "   3 首届明月湖空天信息产业国际生…",
            "   4 重庆高新区: 特色科普阵地揭牌…",
            "   5 “政府间国际科技创新合作”等重…",
            "   6 重庆智能建造7项经验全国推广",
            "   7 西部(重庆)科学城人才产业园正…",
            "   8 重庆启动产业知识产权运营中心…",
            "   9 2023年全市物联网十大应用案例…",
            "  10 人均年产值300万元背后的“三条…",
            " [1/10]        j/k move  ⏎ open  ? help",
        ], "list 40x12")
    }

    @Test func articleTwoTop80x24() {
        expectScreen(screen(80, 24, [.down, .enter]), [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发",
            " 布",
            "",
            "     本报讯(重庆日报记者 申晓佳)11月20日,首届明月湖空天信息产业国际生态活动在渝",
            " 启幕。来自434家产业链企业及67家国内外院所机构的1000多名嘉宾相聚重庆,共谋空天信",
            " 息产业发展。",
            "",
            "     活动现场,各方发起了空天信息产业国际生态联盟以及国内首个空天信息产业共同体,",
            " 并发布了首个空天信息产业千亿规模基金群。",
            "",
            " 国际生态联盟与千亿基金群“双轮驱动”",
            "",
            "     当前,全球范围内,空天信息产业正飞速发展。据艾媒咨询预测,到2025年,空天信息产",
            " 业规模将突破万亿元。",
            "",
            "     空天信息产业国际生态联盟筹备组组长、重庆数创园董事长杨淳至表示,目前,空天信",
            " 息产业还面临重事业轻产业、重建设轻运营、前景大投入小等短板。因此,重庆数创园提",
            " 出了设立空天信息产业国际生态联盟、建设行业共享的超级工厂等五大发展关键事项。",
            "",
            "     其中,空天信息产业国际生态联盟由行业领袖、知名企业、投资机构、科研机构等组",
            " 成,旨在打造全球空天信息产业力量聚合平台和协同创新平台,推动政、产、学、研、投深",
            " 度融合,促进跨国合作和产业协同。",
            "         1 join | r: raw  35%  4 min left  q back  t sections  / search  ? help",
        ], "article 2 80x24")
    }

    @Test func articleTwoTop40x12() {
        expectScreen(screen(40, 12, [.down, .enter]), [
            " Reader | 000_87085fd4...  article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群",
            " 在渝诞生 首批15项重庆空天信息应用场景",
            " 发布",
            "",
            "     本报讯(重庆日报记者 申晓佳)11月20",
            " 日,首届明月湖空天信息产业国际生态活动",
            " 在渝启幕。来自434家产业链企业及67家国",
            " 内外院所机构的1000多名嘉宾相聚重庆,共",
            " 谋空天信息产业发展。",
            "",
            "   1 join | r: raw  10%  q back  ? help",
        ], "article 2 40x12")
    }

    @Test func contents80x24() {
        expectScreen(screen(80, 24, [.down, .enter, .character("t"), .down]), [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发",
            " 布",
            "",
            "     本报讯(重庆日报记者 申晓佳)11月20日,首届明月湖空天信息产业国际生态活动在渝",
            " 启幕。来自434家产业链企业及67家国内外院所机构的1000多名嘉宾相聚重庆,共谋空天信",
            " 息产业发展。",
            "",
            "     活动现场,各方发起了空天信息产业国际生态联盟以及国内首个空天信息产业共同体,",
            " 并发布了  Sections",
            "",
            " 国际生态  1 国际生态联盟与千亿基金群“双轮驱动”",
            "           2 汇聚全球力量,助力空天信息产业发展",
            "     当前, 3 对空天信息应用场景建设给予资金支持、示范推广、产融支持    天信息产",
            " 业规模将  j/k move  ⏎ jump  Esc close  ? help",
            "",
            "     空天信息产业国际生态联盟筹备组组长、重庆数创园董事长杨淳至表示,目前,空天信",
            " 息产业还面临重事业轻产业、重建设轻运营、前景大投入小等短板。因此,重庆数创园提",
            " 出了设立空天信息产业国际生态联盟、建设行业共享的超级工厂等五大发展关键事项。",
            "",
            "     其中,空天信息产业国际生态联盟由行业领袖、知名企业、投资机构、科研机构等组",
            " 成,旨在打造全球空天信息产业力量聚合平台和协同创新平台,推动政、产、学、研、投深",
            " 度融合,促进跨国合作和产业协同。",
            "         1 join | r: raw  35%  4 min left  q back  t sections  / search  ? help",
        ], "contents 80x24")
    }

    @Test func contents40x12() {
        expectScreen(screen(40, 12, [.down, .enter, .character("t")]), [
            " Reader | 000_87085fd4...  article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群",
            " 在渝诞生 首批15项重庆空天信息应用场景",
            " Sections",
            "",
            " 1 国际生态联盟与千亿基金群“双轮驱动”",
            " 2 汇聚全球力量,助力空天信息产业发展",
            " 3 对空天信息应用场景建设给予资金支持…",
            " j/k move  ⏎ jump  Esc close  ? help",
            " 谋空天信息产业发展。",
            "",
            "   1 join | r: raw  10%  q back  ? help",
        ], "contents 40x12")
    }

    @Test func searchPrompt80x24() {
        expectScreen(
            screen(80, 24, [.down, .enter, .character("/")], typing: "２０２５"), [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发",
            " 布",
            "",
            "     本报讯(重庆日报记者 申晓佳)11月20日,首届明月湖空天信息产业国际生态活动在渝",
            " 启幕。来自434家产业链企业及67家国内外院所机构的1000多名嘉宾相聚重庆,共谋空天信",
            " 息产业发展。",
            "",
            "     活动现场,各方发起了空天信息产业国际生态联盟以及国内首个空天信息产业共同体,",
            " 并发布了首个空天信息产业千亿规模基金群。",
            "",
            " 国际生态联盟与千亿基金群“双轮驱动”",
            "",
            "     当前,全球范围内,空天信息产业正飞速发展。据艾媒咨询预测,到2025年,空天信息产",
            " 业规模将突破万亿元。",
            "",
            "     空天信息产业国际生态联盟筹备组组长、重庆数创园董事长杨淳至表示,目前,空天信",
            " 息产业还面临重事业轻产业、重建设轻运营、前景大投入小等短板。因此,重庆数创园提",
            " 出了设立空天信息产业国际生态联盟、建设行业共享的超级工厂等五大发展关键事项。",
            "",
            "     其中,空天信息产业国际生态联盟由行业领袖、知名企业、投资机构、科研机构等组",
            " 成,旨在打造全球空天信息产业力量聚合平台和协同创新平台,推动政、产、学、研、投深",
            " 度融合,促进跨国合作和产业协同。",
            "/２０２５                                       match 1/1  ⏎ accept  Esc cancel",
        ], "prompt 80x24")
    }

    @Test func searchAccepted80x24() {
        let grid = screen(80, 24, [.down, .enter, .character("/")], typing: "空天", then: [.enter, .character("n")])
        expectScreen(grid, [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发",
            " 布",
            "",
            "     本报讯(重庆日报记者 申晓佳)11月20日,首届明月湖空天信息产业国际生态活动在渝",
            " 启幕。来自434家产业链企业及67家国内外院所机构的1000多名嘉宾相聚重庆,共谋空天信",
            " 息产业发展。",
            "",
            "     活动现场,各方发起了空天信息产业国际生态联盟以及国内首个空天信息产业共同体,",
            " 并发布了首个空天信息产业千亿规模基金群。",
            "",
            " 国际生态联盟与千亿基金群“双轮驱动”",
            "",
            "     当前,全球范围内,空天信息产业正飞速发展。据艾媒咨询预测,到2025年,空天信息产",
            " 业规模将突破万亿元。",
            "",
            "     空天信息产业国际生态联盟筹备组组长、重庆数创园董事长杨淳至表示,目前,空天信",
            " 息产业还面临重事业轻产业、重建设轻运营、前景大投入小等短板。因此,重庆数创园提",
            " 出了设立空天信息产业国际生态联盟、建设行业共享的超级工厂等五大发展关键事项。",
            "",
            "     其中,空天信息产业国际生态联盟由行业领袖、知名企业、投资机构、科研机构等组",
            " 成,旨在打造全球空天信息产业力量聚合平台和协同创新平台,推动政、产、学、研、投深",
            " 度融合,促进跨国合作和产业协同。",
            "       1 join | r: raw  match 2/25  35%  4 min left  q back  t sections  ? help",
        ], "search 80x24")
        // The title row holds matches 1 and 2 ("首个空天" and "重庆空天"); after n the second
        // is current. Each match is two wide characters: four cells.
        let styles = grid.styleLines()
        #expect(styles[1] == ".TTTTTTTTmmmmTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTMMMMTTTTTTTTTTTTTT..")
        #expect(styles[4].filter { $0 == "m" }.count == 4)
        #expect(!styles[4].contains("M"))
    }

    /// With `r`, the text as written: the status bar says so, and the join is undone
    /// (`…分类别、` ends its own paragraph).
    @Test func rawText80x24() {
        expectScreen(screen(80, 24, [.enter, .character("r"), .down]), [
            " Reader | 000_87085fd43abf9c5f.txt                                 article 1/10",
            "",
            "     本报讯(重庆日报记者 夏元)11月20日,记者从市经信委获悉,按照日前工信部、交通",
            " 运输部等联合印发《关于启动第一批公共领域车辆全面电动化先行区试点的通知》(以下",
            " 简称《通知》),我市将加大公共领域车辆全面电动化推广力度,计划到2025年建成公共领",
            " 域车辆全面电动化试点城市。",
            "",
            "     市经信委负责人表示,我市将从“全面推进车辆电动化进程、完善充换电基础设施建",
            " 设、促进新技术新模式创新应用、优化完善政策保障体系”这4个方面“做文章”。",
            "",
            "     在推进车辆电动化进程方面,我市将在夯实城市公交、出租、网约车、邮政快递领域",
            " 推广成效的同时,加快公务用车、环卫、机场用车和其他特定领域车辆推广,分类别、",
            "",
            "     分阶段推进多个领域车辆电动化。",
            "",
            "     配备充足的充换电基础设施,是实施车辆电动化的前提。为此,我市将加密高速公路服",
            " 务区、国省干线公路、旅游景区等快充网络布局,实现“区县全覆盖”“乡镇全覆盖”,计划到",
            " 2025年建成充电桩超过24万个,换电站200座。",
            "",
            "     我市还将促进新技术新模式创新应用,包括加快“光储充换”示范站、充(换)储泊一体",
            " 站建设等,并持续优化完善公共领域车辆全面电动化的相关政策保障。",
            "",
            "     市经信委负责人介绍,截至目前,全市累计建成充电桩2966座,充电桩19.71万个;建成",
            "                     raw  92%  2 min left  q back  t sections  / search  ? help",
        ], "raw 80x24")
    }

    @Test func searchAccepted40x12() {
        let grid = screen(40, 12, [.down, .enter, .character("/")], typing: "重庆", then: [.enter])
        expectScreen(grid, [
            " Reader | 000_87085fd4...  article 2/10",
            " 国内首个空天信息产业共同体和千亿基金群",
            " 在渝诞生 首批15项重庆空天信息应用场景",
            " 发布",
            "",
            "     本报讯(重庆日报记者 申晓佳)11月20",
            " 日,首届明月湖空天信息产业国际生态活动",
            " 在渝启幕。来自434家产业链企业及67家国",
            " 内外院所机构的1000多名嘉宾相聚重庆,共",
            " 谋空天信息产业发展。",
            "",
            "        match 1/10  10%  q back  ? help",
        ], "search 40x12")
    }

    @Test func help80x24() {
        expectScreen(screen(80, 24, [.down, .enter, .character("?")]), [
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
            "                ]                next section",
            "     空天信息   1-9              jump to section N                 ,目前,空天信",
            " 息产业还面临   /                search in article                重庆数创园提",
            " 出了设立空天   n                next match                        关键事项。",
            "                N                previous match",
            "     其中,空    r                toggle page-break repair         科研机构等组",
            " 成,旨在打造    u                mark read / unread                学、研、投深",
            " 度融合,促进  Esc close  j more",
            "         1 join | r: raw  35%  4 min left  q back  t sections  / search  ? help",
        ], "help 80x24")
    }

    @Test func help40x12() {
        expectScreen(screen(40, 12, [.function(1)]), [
            " Reader | 000_87085fd43...  10 articles",
            " Keys",
            "",
            " Article list",
            "   Up k           select previous arti…",
            "   Down j         select next article",
            "   PgUp b         page up",
            "   PgDn Space     page down",
            "   Home g         first article",
            "   End G          last article",
            " Esc close  j more",
            " [1/10]        j/k move  ⏎ open  ? help",
        ], "help 40x12")
    }

    @Test func tooSmall() {
        expectScreen(screen(19, 5), ["", "", "terminal too small", "", ""], "19x5")
        expectScreen(screen(20, 4), ["", " terminal too small", "", ""], "20x4")
        expectScreen(screen(12, 4), ["", "  terminal", " too small", ""], "12x4")
        expectScreen(screen(5, 1), ["term…"], "5x1")
    }

    @Test func wideCharacterIsNeverSplitAtTheRightEdge() {
        var grid = ScreenGrid(rows: 1, columns: 5)
        let end = grid.put("ab中文", row: 0, column: 0, style: .normal)
        #expect(end == 5)
        #expect(grid.lines() == ["ab中"])
        #expect(grid[0, 2] == ScreenCell(text: "中", width: 2, style: .normal))
        #expect(grid[0, 3].isContinuation)
        #expect(grid[0, 4] == ScreenCell(text: " ", width: 1, style: .normal))
        // Overwriting the right half of a wide character blanks its left half.
        grid.put("x", row: 0, column: 3, style: .normal)
        #expect(grid.lines() == ["ab x"])
    }

    @Test func articleLinesNeverSplitWideCharactersAtAnyWidth() {
        for columns in 20...41 {
            let grid = screen(columns, 10, [.down, .enter, .pageDown])
            for row in 0..<grid.rows {
                var width = 0
                for column in 0..<columns {
                    let cell = grid[row, column]
                    width += cell.width
                    if cell.width == 2 { #expect(column + 1 < columns && grid[row, column + 1].isContinuation) }
                }
                #expect(width == columns, "row \(row) at \(columns) columns")
            }
        }
    }

    @Test func titlesAreCutWithEllipsisAtTheRightWidth() {
        for columns in [20, 33, 40, 41, 57, 80] {
            let lines = screen(columns, 12).lines()
            // Article 2's title is long: its row ends in "…" followed by the section count
            // (and, from 60 columns, the length and reading time).
            let row = lines[2]
            let suffix = columns >= 60 ? "  3§  1.2k字 4 min" : "  3§"
            #expect(row.hasSuffix("…" + suffix) || row.hasSuffix("… " + suffix), "\(columns): \(row)")
            #expect(TextWidth.of(row) <= columns - 1, "\(columns): \(row)")
            #expect(TextWidth.of(row) >= columns - 2, "\(columns): \(row)")
            for line in lines { #expect(TextWidth.of(line) <= columns) }
        }
    }

    @Test func matchAcrossALineBreakIsHighlightedOnBothLines() {
        // At 20 columns (18 for text, 4 of them the first-line indent of a Chinese
        // paragraph) the wrap cuts "空天" in two: "空" ends the first line.
        let text = "## T\n\n一二三四五六空天信息产业\n"
        let document = Document(text: text, name: "t.txt")
        var state = ReaderState(document: document, size: ScreenSize(rows: 8, columns: 20))
        state.press(.enter)
        state.press(.character("/"))
        UIFixtures.type("空天", on: &state)
        state.press(.enter)
        let grid = Renderer.render(state)
        expectScreen(grid, [
            " Re...  article 1/1",
            "         T",
            "",
            "     一二三四五六空",
            " 天信息产业",
            "",
            "",
            "          match 1/1",
        ], "wrap")
        // "空" ends line 3 and "天" starts line 4: both are highlighted as the current match.
        #expect(grid.styleLines()[3] == ".................MM.")
        #expect(grid.styleLines()[4] == ".MM.................")
    }
}

@Suite struct ListMarkTests {
    @Test func readArticlesAreMarkedAndTheSelectionFollowsBack() {
        var state = UIFixtures.state(rows: 12, columns: 40)
        UIFixtures.press([.down, .enter, .right, .character("q")], on: &state)
        expectScreen(Renderer.render(state), [
            " Reader | 000_87085fd43...  10 articles",
            "   1 重庆计划3年内建成公共领域车辆…",
            " ✓ 2 国内首个空天信息产业共同体和…   3§",
            "▸✓ 3 首届明月湖空天信息产业国际生…",
            "   4 重庆高新区: 特色科普阵地揭牌…",
            "   5 “政府间国际科技创新合作”等重…",
            "   6 重庆智能建造7项经验全国推广",
            "   7 西部(重庆)科学城人才产业园正…",
            "   8 重庆启动产业知识产权运营中心…",
            "   9 2023年全市物联网十大应用案例…",
            "  10 人均年产值300万元背后的“三条…",
            " [3/10]        j/k move  ⏎ open  ? help",
        ], "read marks 40x12")
        #expect(Renderer.render(state).styleLines()[3].allSatisfy { $0 == "S" })
    }
}
