import Testing

@testable import ReaderCore

/// Page-break repair joins only what a page break cut: each class of paragraph that
/// merely lacks a full stop stays as written.
struct PageBreakRepairTests {
    /// The paragraph texts of the first article of `body` (under a `## T` heading), repaired.
    static func paragraphs(_ body: String) -> [String] {
        let document = Document(text: "## T\n\n" + body)
        return document.articles[0].allParagraphs.map { document.text(of: $0).string }
    }

    /// A cut as the seed has it: a clause broken off after `对`.
    static let cutFirst = "在明确专项成本列支依据方面,重庆对"
    static let cutSecond = "政府投资的智能建造试点项目,允许在核准投资估算和概算中列支。"

    @Test func aCutSentenceIsJoined() {
        #expect(Self.paragraphs("\(Self.cutFirst)\n\n\(Self.cutSecond)\n")
            == ["在明确专项成本列支依据方面,重庆对政府投资的智能建造试点项目,允许在核准投资估算和概算中列支。"])
    }

    @Test func aLabelIsNotJoined() {
        let body = "注意\n\n如果你在任何类Unix系统中使用过一段时间的命令行,你可能已经知道这些内容了。\n\n"
            + "在登录提示符下,你输入用户名和密码,例如如下：\n\n系统随即显示欢迎信息和命令提示符,等待你的输入。\n"
        #expect(Self.paragraphs(body) == [
            "注意", "如果你在任何类Unix系统中使用过一段时间的命令行,你可能已经知道这些内容了。",
            "在登录提示符下,你输入用户名和密码,例如如下：", "系统随即显示欢迎信息和命令提示符,等待你的输入。",
        ])
    }

    @Test func bylinesAndCreditsAreNotJoined() {
        let body = "作者：张九龄\n\n兰叶春葳蕤，桂华秋皎洁。\n\n编 辑：刘世云\n\n校 对：汪礼胜\n\n审 核：马 艳\n\n"
            + "本报讯（记者 张亦筑 龙帆）全市科技创新大会昨日召开,会议部署了下一阶段\n\n"
            + "记者 张亦筑 龙帆 摄影报道\n"
        #expect(Self.paragraphs(body) == [
            "作者：张九龄", "兰叶春葳蕤，桂华秋皎洁。", "编 辑：刘世云", "校 对：汪礼胜", "审 核：马 艳",
            "本报讯（记者 张亦筑 龙帆）全市科技创新大会昨日召开,会议部署了下一阶段", "记者 张亦筑 龙帆 摄影报道",
        ])
    }

    @Test func listItemsAreNotJoined() {
        let body = "重庆市将从以下几个方面推进车辆电动化工作,具体措施包括\n\n一、加快公务用车和环卫车辆的推广应用,\n\n"
            + "二、完善充电基础设施建设和运营,\n\n• 提升公共充电桩的覆盖率和利用率\n"
        #expect(Self.paragraphs(body) == [
            "重庆市将从以下几个方面推进车辆电动化工作,具体措施包括", "一、加快公务用车和环卫车辆的推广应用,",
            "二、完善充电基础设施建设和运营,", "• 提升公共充电桩的覆盖率和利用率",
        ])
        // A list item or an option is not cut either, even when prose follows it.
        let items = "• 各种进程号，包含后台作业的进程号，以及父进程的进程号的值\n\n当并非函数或内置命令的简单命令执行时，它在单独的环境中启动。\n\n"
            + "-x     即 -t x2，指定双字节单位十六进制数的对照输出格式\n\n所指定的类型是由下面一种或几种参数组成的。\n\n"
            + "（1）各区县要在年底前完成辖区内充电设施的布点规划,\n\n确保每个乡镇都有公共充电站。\n"
        #expect(Self.paragraphs(items) == [
            "• 各种进程号，包含后台作业的进程号，以及父进程的进程号的值", "当并非函数或内置命令的简单命令执行时，它在单独的环境中启动。",
            "-x     即 -t x2，指定双字节单位十六进制数的对照输出格式", "所指定的类型是由下面一种或几种参数组成的。",
            "（1）各区县要在年底前完成辖区内充电设施的布点规划,", "确保每个乡镇都有公共充电站。",
        ])
    }

    @Test func commandsAndMostlyASCIITextAreNotJoined() {
        let body = "以 root 身份执行下面的命令即可关闭系统,也可以使用\n\n# shutdown -h now\n\n"
            + "the first paragraph, written in English, ends without a stop\n\nand the next one starts lowercase.\n\n"
            + "使用 apt-get install --no-install-recommends 安装软件包,也可以用\n\naptitude install package-name 来安装它们。\n"
        #expect(Self.paragraphs(body) == [
            "以 root 身份执行下面的命令即可关闭系统,也可以使用", "# shutdown -h now",
            "the first paragraph, written in English, ends without a stop", "and the next one starts lowercase.",
            "使用 apt-get install --no-install-recommends 安装软件包,也可以用", "aptitude install package-name 来安装它们。",
        ])
    }

    @Test func verseAndShortLinesAreNotJoined() {
        let body = "两株桃杏映篱斜，妆点商山副使家，\n\n何事春风容不得，和莺吹折数枝花。\n\n春眠不觉晓\n\n处处闻啼鸟\n"
        #expect(Self.paragraphs(body) == [
            "两株桃杏映篱斜，妆点商山副使家，", "何事春风容不得，和莺吹折数枝花。", "春眠不觉晓", "处处闻啼鸟",
        ])
    }

    @Test func aHeadingLikeLineIsNotJoined() {
        // The next paragraph is short and ends no sentence: a heading, not the rest of one.
        let body = "\(Self.cutFirst)\n\n政府投资的智能建造试点\n\n\(Self.cutSecond)\n"
        #expect(Self.paragraphs(body) == [Self.cutFirst, "政府投资的智能建造试点", Self.cutSecond])
    }

    @Test func aNewSentenceIsNotJoined() {
        let body = "如果路径有共同点,只要将共同点加入到配置文件中。如果没有,就必须全部添加\n\n如果这样做没有效果,你也可以用附带的程序。\n"
        #expect(Self.paragraphs(body) == [
            "如果路径有共同点,只要将共同点加入到配置文件中。如果没有,就必须全部添加", "如果这样做没有效果,你也可以用附带的程序。",
        ])
    }

    @Test func aWrappedParagraphWhoseLastLineIsShortIsNotCut() {
        // Its last source line ends well before the others: the paragraph ended there.
        let wrapped = "全局配置中的相同帐号会被覆盖,除了拥有者的读写权外,决不给配置文件\n其它多余的权限,设置可以更改\n\n"
        #expect(Self.paragraphs(wrapped + Self.cutSecond + "\n") == [
            "全局配置中的相同帐号会被覆盖,除了拥有者的读写权外,决不给配置文件其它多余的权限,设置可以更改", Self.cutSecond,
        ])
        let full = "全局配置中的相同帐号会被覆盖,除了拥有者的读写权外,决不给配置文件\n其它多余的权限,无论是哪个配置文件中的任何一项具体设置都可以用\n\n"
        #expect(Self.paragraphs(full + "命令行选项更改,忽略空行和注释行。\n") == [
            "全局配置中的相同帐号会被覆盖,除了拥有者的读写权外,决不给配置文件其它多余的权限,无论是哪个配置文件中的任何一项具体设置都可以用命令行选项更改,忽略空行和注释行。",
        ])
    }

    @Test func hangulIsJoinedWithASpace() {
        let body = "데비안 프로젝트는 자유 소프트웨어로 이루어진 운영 체제를 만들기 위해, 전 세계의 개발자들이\n\n"
            + "함께 일하는 단체입니다.\n"
        #expect(Self.paragraphs(body) == [
            "데비안 프로젝트는 자유 소프트웨어로 이루어진 운영 체제를 만들기 위해, 전 세계의 개발자들이 함께 일하는 단체입니다.",
        ])
        // Lines of one paragraph are joined with a space too.
        #expect(Self.paragraphs("2021년 1월\n초록\n") == ["2021년 1월 초록"])
    }

    /// A poem-like issue: most paragraphs are short lines, so repair is off in all of it,
    /// even for the one pair that reads like a cut.
    static let poemLike = "## 诗\n\n" + String(repeating: "春眠不觉晓\n\n处处闻啼鸟\n\n", count: 5)
        + "## 文\n\n\(cutFirst)\n\n\(cutSecond)\n"

    @Test func aPoemLikeIssueIsLeftAsWritten() {
        let document = Document(text: Self.poemLike)
        #expect(!document.allowsRepair && document.isRepaired && !document.joinsCutParagraphs)
        #expect(document.articles[1].allParagraphs.map { document.text(of: $0).string } == [Self.cutFirst, Self.cutSecond])
        // The same article in a prose issue is repaired.
        let prose = Document(text: "## 文\n\n\(Self.cutFirst)\n\n\(Self.cutSecond)\n")
        #expect(prose.allowsRepair && prose.articles[0].allParagraphs.count == 1)
    }

    @Test func anIssueWhereManyParagraphsLackAFullStopIsLeftAsWritten() {
        let unfinished = "-v, --verbose 显示处理的每一个文件的详细诊断信息,包括跳过的文件\n\n"
        let document = Document(text: "## 手册\n\n" + String(repeating: unfinished, count: 8) + "\(Self.cutFirst)\n\n\(Self.cutSecond)\n")
        #expect(!document.allowsRepair)
        #expect(document.articles[0].allParagraphs.count == 10)
    }

    @Test func theSampleIsTheFirst64KiB() {
        // Prose first, then verse past the sample: the verse does not turn repair off.
        let prose = String(repeating: "## 文\n\n\(Self.cutFirst)\n\n\(Self.cutSecond)\n\n\(Self.cutSecond)\n\n", count: 500)
        let text = prose + String(repeating: "春眠不觉晓\n\n", count: 9000)
        #expect(prose.utf8.count > PageBreakRepair.sampleBytes)
        #expect(Document(text: text).allowsRepair)
        #expect(!Document(text: String(repeating: "春眠不觉晓\n\n", count: 9000) + prose).allowsRepair)
    }

    @Test func aPreviewDecidesAsTheWholeIssue() throws {
        let prose = String(repeating: "## 文\n\n\(Self.cutFirst)\n\n\(Self.cutSecond)\n\n\(Self.cutSecond)\n\n", count: 500)
        for text in [Self.poemLike + prose, prose] {
            let bytes = Array(text.utf8)
            let whole = Document(source: bytes, name: "a")
            let preview = try #require(Document.preview(prefix: Array(bytes.prefix(Document.repairSampleBytes)), name: "a"))
            #expect(preview.allowsRepair == whole.allowsRepair)
            #expect(preview.articles.last.map { $0.allParagraphs.count } == whole.articles[preview.articles.count - 1].allParagraphs.count)
        }
    }
}
