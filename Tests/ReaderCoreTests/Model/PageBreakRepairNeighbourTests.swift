import Testing

@testable import ReaderCore

/// Page-break repair weighs what surrounds a pair of paragraphs too: the paragraph before
/// the first one, a tagged-list gap, an attribution. Each case is a minimal copy of a
/// false join the real corpus had (`make real-corpus`, `Scripts/count-joins.py`).
struct PageBreakRepairNeighbourTests {
    /// The paragraph texts of the first article of `body` (under a `## T` heading), repaired;
    /// nil when the issue does not allow repair at all (so that a test cannot pass for that).
    static func paragraphs(_ body: String) -> [String]? {
        let document = Document(text: "## T\n\n" + body)
        guard document.allowsRepair else { return nil }
        return document.articles[0].allParagraphs.map { document.text(of: $0).string }
    }

    // Debian FAQ (ko) 7.1: a list whose third item ends in `그리고` ("and").
    static let koreanLead = "데비안 패키지 도구 사용:"
    static let koreanItems = ["패키지 또는 패키지 일부를 다루고 관리하며,", "패키지 안의 파일 지역 무시 관리,"]
    static let koreanThird = "패키지 아카이브 구축에서 개발자 돕기, 그리고"
    static let koreanLast = "원격 아카이브 사이트에 있는 패키지를 설치하는 사용자 돕기."

    @Test func aListItemAfterAnotherUnfinishedItemIsNotJoined() {
        let body = ([Self.koreanLead] + Self.koreanItems + [Self.koreanThird, Self.koreanLast]).joined(separator: "\n\n")
        #expect(Self.paragraphs(body) == [Self.koreanLead] + Self.koreanItems + [Self.koreanThird, Self.koreanLast])
    }

    @Test func theSamePairAfterAFinishedSentenceIsACut() {
        // On its own the pair reads like a cut: what rejects it above is the item before.
        let body = "데비안은 자유 운영 체제입니다.\n\n\(Self.koreanThird)\n\n\(Self.koreanLast)\n"
        #expect(Self.paragraphs(body) == ["데비안은 자유 운영 체제입니다.", Self.koreanThird + " " + Self.koreanLast])
    }

    // perl(1) of manpages-zh (zh_CN; zh_TW is the same in Traditional characters).
    static let perlBefore = "默认情况下，上面列出的手册页安装在 /usr/local/man/ 目录"
    static let perlFirst = "还有大量有关 Perl 模块的文档。默认的 perl 配置会将它们安装到 /usr/local/lib/perl5/man 目录，"
        + "(或者 Perl 库目录中的 man 子目录). 它们中的一部分是随 Perl 发布的标准文档， 另外你还可以从中找到第三方的文档"
    static let perlNext = "你可以用 man(1) 程序来查看 Perl 的文档，只要在配置文件中加入合适的路径， 或者将路径设置在 MANPATH 环境变量中。"
        + "要找出 perl 所有手册页的路径，只要运行"

    @Test func aManualEntryAfterAnotherUnfinishedParagraphIsNotJoined() {
        let body = "\(Self.perlBefore)\n\n\(Self.perlFirst)\n\n\(Self.perlNext)\n"
        #expect(Self.paragraphs(body) == [Self.perlBefore, Self.perlFirst, Self.perlNext])
        let traditional = [
            "預設情況下，上面列出的手冊頁安裝在 /usr/local/man/ 目錄",
            "還有大量有關 Perl 模組的文件。預設的 perl 配置會將它們安裝到 /usr/local/lib/perl5/man 目錄，"
                + "(或者 Perl 庫目錄中的 man 子目錄). 它們中的一部分是隨 Perl 釋出的標準文件， 另外你還可以從中找到第三方的文件",
            "你可以用 man(1) 程式來檢視 Perl 的文件，只要在配置檔案中加入合適的路徑， 或者將路徑設定在 MANPATH 環境變數中。",
        ]
        #expect(Self.paragraphs(traditional.joined(separator: "\n\n")) == traditional)
    }

    @Test func aParagraphCutTwiceIsJoinedWhole() {
        // The seed's cut over two breaks: the middle part follows a paragraph that stops
        // without a full stop, but that one is cut itself.
        let parts = [
            "“政府间国际科技创新合作”重点专项2024年度第一批港澳澳台项目为内地与澳门联合资助研发项目,旨在支持澳门更好融入国家",
            "科技创新体系,推进内地与澳门科技合作,促进内地与澳门科技创新资源互联互通,根据申报指南,内地与澳门联合资助研发项目拟支持项目数15个左右,国拨经费",
            "总概算3000万元。每个项目实施周期一般为2—3年。",
        ]
        #expect(Self.paragraphs(parts.joined(separator: "\n\n")) == [parts.joined()])
    }

    @Test func aBylineBeforeACutParagraphDoesNotStopTheJoin() {
        let body = "记者 张亦筑 龙帆\n\n\(PageBreakRepairTests.cutFirst)\n\n\(PageBreakRepairTests.cutSecond)\n"
        #expect(Self.paragraphs(body) == [
            "记者 张亦筑 龙帆", PageBreakRepairTests.cutFirst + PageBreakRepairTests.cutSecond,
        ])
    }

    @Test func anUnfinishedParagraphUnderAHeadingHasNoParagraphBefore() {
        let body = "\(Self.perlBefore)\n\n### 二\n\n\(PageBreakRepairTests.cutFirst)\n\n\(PageBreakRepairTests.cutSecond)\n"
        let document = Document(text: "## T\n\n" + body)
        #expect(document.articles[0].lead.map { document.text(of: $0).string } == [Self.perlBefore])
        #expect(document.articles[0].sections[0].paragraphs.map { document.text(of: $0).string }
            == [PageBreakRepairTests.cutFirst + PageBreakRepairTests.cutSecond])
    }

    @Test func anEntryOfATaggedListIsNotJoined() {
        // manpages-ja: console_codes(4) and hdparm(8); the first entries follow a full stop.
        let attributes = [
            "属性は次のように変更できる。", "=      現在の属性を、指定セットに変更する",
            "属性のセットは 16 進の数値か、次に示す文字の組で指定できる:",
        ]
        #expect(Self.paragraphs(attributes.joined(separator: "\n\n")) == attributes)
        let values = [
            "-c     (E)IDE の 32 ビット I/O サポートを取得・設定する。 有効・無効にするには、以下の数値が用いられる。",
            "0  32 ビット I/O サポートを無効にする 1  32 ビットデータ転送を有効にする 3  多くのチップセットで必要とされる、"
                + "特別な sync シーケンスを使った 32 ビットデータ転送を有効にする",
            "ほぼ全ての 32 ビット IDE チップセットで 3 は有効であるが、ほんの少しだけオーバーヘッドがある。",
        ]
        #expect(Self.paragraphs(values.joined(separator: "\n\n")) == values)
    }

    @Test func anAttributionIsNotJoined() {
        // wargames(6) of manpages-ja: a quotation and its source open the section.
        let quotation = ["“私とゲームをしませんか ?” -- コンピュータ、 wargames より", "ちょうど映画にあったように、コンピュータはあなたと幸せにゲームをします。"]
        #expect(Self.paragraphs(quotation.joined(separator: "\n\n")) == quotation)
        let chinese = ["“你想和我玩个游戏吗？”——电影《战争游戏》里的电脑，冷冷地问道", "正如电影里那样，电脑很乐意陪你下棋。"]
        #expect(Self.paragraphs(chinese.joined(separator: "\n\n")) == chinese)
    }

    @Test func theParagraphBeforeIsFoundAcrossLineEnds() throws {
        let text = "## T\r\n\r\n第一行\r\n第二行\r\n\r\n\r\n第三段"
        let bytes = Array(text.utf8)
        let third = try #require(text.utf8.firstRange(of: "第三段".utf8))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: third.lowerBound)
        let found = bytes.withUnsafeBufferPointer { PageBreakRepair.paragraph(before: start, in: $0) }
        let expected = try #require(text.utf8.firstRange(of: "第一行\r\n第二行".utf8))
        #expect(found == text.utf8.distance(from: text.utf8.startIndex, to: expected.lowerBound)
            ..< text.utf8.distance(from: text.utf8.startIndex, to: expected.upperBound))
        let first = text.utf8.distance(from: text.utf8.startIndex, to: try #require(text.utf8.firstRange(of: "第一行".utf8)).lowerBound)
        #expect(bytes.withUnsafeBufferPointer { PageBreakRepair.paragraph(before: first, in: $0) } == nil)
    }
}
