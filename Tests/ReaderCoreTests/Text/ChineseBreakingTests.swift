import Testing
@testable import ReaderCore

/// Renders `text` with "|" at every allowed break and "¶" at every mandatory break.
func renderBreaks(_ text: String, tailoring: LineBreaker.Tailoring = .chinese) -> String {
    let scalars = Array(text.unicodeScalars)
    let actions = LineBreaker.actions(scalars, tailoring: tailoring)
    var out = String.UnicodeScalarView()
    for (scalar, action) in zip(scalars, actions) {
        switch action {
        case .allowed: out.append("|")
        case .mandatory: out.append("¶")
        case .prohibited: break
        }
        out.append(scalar)
    }
    return String(out)
}

/// The scalar indices at which `LineBreaker` allows a break.
func allowedIndices(_ text: String, tailoring: LineBreaker.Tailoring = .chinese) -> [Int] {
    LineBreaker.actions(Array(text.unicodeScalars), tailoring: tailoring)
        .enumerated().filter { $0.element == .allowed }.map(\.offset)
}

/// The Chinese tailoring on real newspaper text. Expectations are written as the
/// text with "|" at each allowed break.
@Suite struct ChineseBreakingTests {
    @Test func exactIndices() {
        // 系0 统1 (2 h3 … /30 )31 提32 交33
        #expect(allowedIndices("系统(https://service.most.gov.cn/)提交") == [1, 2, 32, 33])
        // 到0 2₁ 0₂ 2₃ 5₄ 年5 将6 建7 成8 充9 电10 桩11 超12 2₁₃ 4₁₄ 万15 个16
        #expect(allowedIndices("到2025年将建成充电桩超24万个") == [1, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16])
        #expect(allowedIndices("覆盖率近90%。") == [1, 2, 3, 4])
        #expect(allowedIndices("奥利维尔·康坦特") == [1, 2, 3, 5, 6, 7])
        #expect(allowedIndices("2—3年") == [3])
        #expect(allowedIndices("《通知》),我市") == [2, 6, 7])
        #expect(allowedIndices("“区县全覆盖”“乡镇全覆盖”") == [2, 3, 4, 5, 7, 9, 10, 11, 12])
    }

    @Test func punctuation() {
        #expect(renderBreaks("覆盖率近90%。") == "覆|盖|率|近|90%。")
        // The interpunct never starts a line (UAX #14 alone allows 尔|·).
        #expect(renderBreaks("奥利维尔·康坦特") == "奥|利|维|尔·|康|坦|特")
        #expect(renderBreaks("奥利维尔·康坦特", tailoring: .uax14) == "奥|利|维|尔|·|康|坦|特")
        // Curly quotes open and close by shape; UAX #14 (QU) would glue ”“ together.
        #expect(renderBreaks("“区县全覆盖”“乡镇全覆盖”") == "“区|县|全|覆|盖”|“乡|镇|全|覆|盖”")
        #expect(renderBreaks("“区县全覆盖”“乡镇全覆盖”", tailoring: .uax14) == "“区|县|全|覆|盖”“乡|镇|全|覆|盖”")
        #expect(renderBreaks("他说:“好!”然后(笑)走了。") == "他|说:|“好!”|然|后|(笑)|走|了。")
        #expect(renderBreaks("《通知》),我市") == "《通|知》),|我|市")
        #expect(renderBreaks("（见《通知》。）") == "（见|《通|知》。）")
        #expect(renderBreaks("「甲」『乙』【丙】〔丁〕〈戊〉；己：庚？辛！") == "「甲」|『乙』|【丙】|〔丁〕|〈戊〉；|己：|庚？|辛！")
        #expect(renderBreaks("甲，乙、丙。") == "甲，|乙、|丙。")
        #expect(renderBreaks("‘甲’乙") == "‘甲’|乙")
        // An apostrophe inside an English word is not a closing quote.
        #expect(renderBreaks("“don’t”") == "“don’t”")
        #expect(renderBreaks("破折号——不拆开") == "破|折|号|——|不|拆|开")
    }

    @Test func numbers() {
        #expect(renderBreaks("到2025年将建成充电桩超24万个") == "到|2025|年|将|建|成|充|电|桩|超|24|万|个")
        #expect(renderBreaks("2—3年") == "2—3|年")
        #expect(renderBreaks("2—3年", tailoring: .uax14) == "2|—|3|年")
        #expect(renderBreaks("9:00–17:00开放") == "9:00–17:00|开|放")
        #expect(renderBreaks("增长24.6%,版本v2.10.3发布") == "增|长|24.6%,|版|本|v2.10.3|发|布")
        #expect(renderBreaks("售价$12.50元") == "售|价|$12.50|元")
    }

    @Test func linksStayWhole() {
        #expect(renderBreaks("系统(https://service.most.gov.cn/)提交") == "系|统|(https://service.most.gov.cn/)|提|交")
        #expect(renderBreaks("系统(https://service.most.gov.cn/)提交", tailoring: .uax14)
            == "系|统|(https://|service.most.gov.cn/)|提|交")
        #expect(renderBreaks("请访问www.example.com/path?q=1。") == "请|访|问|www.example.com/path?q=1。")
        #expect(renderBreaks("请访问www.example.com/path?q=1。", tailoring: .uax14) == "请|访|问|www.example.com/|path?|q=1。")
        #expect(renderBreaks("see https://example.org/a_(b). Then") == "see |https://example.org/a_(b). |Then")
        #expect(renderBreaks("FTP://files.example.net/pub/x-1.tar.gz") == "FTP://files.example.net/pub/x-1.tar.gz")
        #expect(renderBreaks("联系first-last@my-site.cn,谢谢") == "联|系|first-last@my-site.cn,|谢|谢")
        #expect(renderBreaks("联系first-last@my-site.cn,谢谢", tailoring: .uax14) == "联|系|first-|last@my-|site.cn,|谢|谢")
        #expect(renderBreaks("邮箱(name@example.com)") == "邮|箱|(name@example.com)")
        // Not links: a lone @, a word that merely contains "www".
        #expect(renderBreaks("a-b @ c-d") == "a-|b |@ |c-|d")
        #expect(renderBreaks("awww.x-y") == "awww.x-|y")
    }

    @Test func hardBreaksAndClusters() {
        #expect(renderBreaks("第一段\n第二段") == "第|一|段\n¶第|二|段")
        #expect(renderBreaks("甲\r\n乙") == "甲\r\n¶乙")
        // A combining mark after a space, and an emoji modifier after an ID-class
        // emoji, stay with their base (UAX #14 alone allows both breaks).
        #expect(renderBreaks("a \u{301}b") == "a \u{301}b")
        #expect(renderBreaks("a \u{301}b", tailoring: .uax14) == "a |\u{301}b")
        #expect(renderBreaks("🌍🏻好") == "🌍🏻|好")
        #expect(renderBreaks("🌍🏻好", tailoring: .uax14) == "🌍|🏻|好")
        #expect(renderBreaks("我👩‍💻🇨🇳🇺🇸好") == "我|👩‍💻|🇨🇳|🇺🇸|好")
    }
}
