import Testing
@testable import ReaderCore

/// The real sample issue, pinned exactly.
@Suite struct SeedStructureTests {
    let document = Fixtures.seed

    @Test func articleTitles() {
        #expect(document.articles.map(\.title) == [
            "重庆计划3年内建成公共领域车辆全面电动化试点城市 到2025年将建成充电桩超24万个",
            "国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发布",
            "首届明月湖空天信息产业国际生态活动上嘉宾表示 重庆空天信息产业发展前景广阔",
            "重庆高新区: 特色科普阵地揭牌启用",
            "“政府间国际科技创新合作”等重点专项启动申报",
            "重庆智能建造7项经验全国推广",
            "西部(重庆)科学城人才产业园正式启动 首批10个人才项目集中签约入驻",
            "重庆启动产业知识产权运营中心建设",
            "2023年全市物联网十大应用案例评选“出炉”",
            "人均年产值300万元背后的“三条路” 全球最大汽车天窗制造商伟巴斯特 重庆工厂获“最佳运营奖”揭秘",
        ])
    }

    @Test func sectionsOfArticleTwo() {
        #expect(document.articles[1].sections.map(\.title) == [
            "国际生态联盟与千亿基金群“双轮驱动”",
            "汇聚全球力量,助力空天信息产业发展",
            "对空天信息应用场景建设给予资金支持、示范推广、产融支持",
        ])
        #expect(document.articles.map(\.sections.count) == [0, 3, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func lastArticleIsTitleOnly() {
        #expect(document.articles.last?.isTitleOnly == true)
        #expect(document.articles.dropLast().allSatisfy { !$0.isTitleOnly })
    }

    @Test func truncatedArticleFiveStartsMidSentence() {
        let first = document.articles[4].lead.first.map { document.text(of: $0).string } ?? ""
        #expect(first.hasPrefix("作机制开展科技合作"))
    }

    /// Every join page-break repair makes on the seed, as (end of first part | start of second).
    @Test func repairedJoinsAreExactlyThePageBreakCuts() {
        var joins: [String] = []
        for article in document.articles {
            for paragraph in article.allParagraphs {
                for join in paragraph.repairedJoins {
                    let before = DisplayText.of(paragraph.lines[join - 1], in: document.source).string
                    let after = DisplayText.of(paragraph.lines[join], in: document.source).string
                    joins.append(String(before.suffix(4)) + "|" + String(after.prefix(4)))
                }
            }
        }
        #expect(joins == [
            "分类别、|分阶段推", "信息产业|深度合作", "并期待与|该园长远", "融入国家|科技创新",
            "国拨经费|总概算3", "经济和社|会发展第", "个以上试|点项目,", ",重庆对|政府投资",
        ])
    }

    @Test func markerLinesAreNeverJoined() {
        let section = document.articles[1].sections[2]
        #expect(section.paragraphs.map { document.text(of: $0).string } == ["本次活动上,首批15项重庆市空天", "相关新闻>>>"])
    }

    @Test func rawTextIsOneCallAway() {
        let raw = document.withRepair(false)
        let repairedCount = document.articles.reduce(0) { $0 + $1.allParagraphs.count }
        let rawCount = raw.articles.reduce(0) { $0 + $1.allParagraphs.count }
        #expect(rawCount - repairedCount == 8)
        #expect(raw.articles[0].lead[2].lines.count == 1)
        #expect(document.text(of: document.articles[0].lead[2]).string
            == "在推进车辆电动化进程方面,我市将在夯实城市公交、出租、网约车、邮政快递领域推广成效的同时,加快公务用车、环卫、机场用车和其他特定领域车辆推广,分类别、分阶段推进多个领域车辆电动化。")
    }
}
