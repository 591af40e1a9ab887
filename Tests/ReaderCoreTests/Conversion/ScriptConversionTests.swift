import ReaderCore
import Testing

/// OpenCC's conversions on real paragraphs: exact text, phrases, and the source offsets
/// each converted character keeps.
@Suite struct ScriptConversionTests {
    /// The seed's first paragraph, as the mainland paper has it.
    static let seedParagraph = "本报讯(重庆日报记者 夏元)11月20日,记者从市经信委获悉,按照日前工信部、交通运输部等联合印发"
        + "《关于启动第一批公共领域车辆全面电动化先行区试点的通知》(以下简称《通知》),我市将加大公共领域车辆全面电动化"
        + "推广力度,计划到2025年建成公共领域车辆全面电动化试点城市。"

    @Test(arguments: [
        (ScriptConversionName.s2t, "本報訊(重慶日報記者 夏元)11月20日,記者從市經信委獲悉,按照日前工信部、交通運輸部等聯合印發"
            + "《關於啓動第一批公共領域車輛全面電動化先行區試點的通知》(以下簡稱《通知》),我市將加大公共領域車輛全面電動化"
            + "推廣力度,計劃到2025年建成公共領域車輛全面電動化試點城市。"),
        (.s2tw, "本報訊(重慶日報記者 夏元)11月20日,記者從市經信委獲悉,按照日前工信部、交通運輸部等聯合印發"
            + "《關於啟動第一批公共領域車輛全面電動化先行區試點的通知》(以下簡稱《通知》),我市將加大公共領域車輛全面電動化"
            + "推廣力度,計劃到2025年建成公共領域車輛全面電動化試點城市。"),
        (.s2twp, "本報訊(重慶日報記者 夏元)11月20日,記者從市經信委獲悉,按照日前工信部、交通運輸部等聯合印發"
            + "《關於啟動第一批公共領域車輛全面電動化先行區試點的通知》(以下簡稱《通知》),我市將加大公共領域車輛全面電動化"
            + "推廣力度,計劃到2025年建成公共領域車輛全面電動化試點城市。"),
        (.s2hk, "本報訊(重慶日報記者 夏元)11月20日,記者從市經信委獲悉,按照日前工信部、交通運輸部等聯合印發"
            + "《關於啓動第一批公共領域車輛全面電動化先行區試點的通知》(以下簡稱《通知》),我市將加大公共領域車輛全面電動化"
            + "推廣力度,計劃到2025年建成公共領域車輛全面電動化試點城市。"),
    ])
    func seedParagraphInEachConversion(name: ScriptConversionName, expected: String) throws {
        let conversion = try #require(ConversionFixtures.conversion(name), "OpenCC's \(name) is not installed")
        let text = try #require(ConversionFixtures.seedParagraph(startingWith: "本报讯"))
        #expect(text.string == Self.seedParagraph)
        let converted = conversion.convert(text)
        #expect(converted.string == expected)
        // One character for one: each keeps its own source offset.
        #expect(converted.offsets == text.offsets)
    }

    /// 头发/發展, 干净/乾淨/幹部, 皇后/以後: one Simplified character, several Traditional ones.
    @Test(arguments: [
        (ScriptConversionName.s2t, "她把頭髮剪短了，說以後要專心發展事業。皇后把桌子擦乾淨，幹部們都很滿意。"),
        (.s2tw, "她把頭髮剪短了，說以後要專心發展事業。皇后把桌子擦乾淨，幹部們都很滿意。"),
        (.s2twp, "她把頭髮剪短了，說以後要專心發展事業。皇后把桌子擦乾淨，幹部們都很滿意。"),
        (.s2hk, "她把頭髮剪短了，説以後要專心發展事業。皇后把桌子擦乾淨，幹部們都很滿意。"),
    ])
    func phrasesPickTheRightTraditionalCharacter(name: ScriptConversionName, expected: String) throws {
        let conversion = try #require(ConversionFixtures.conversion(name))
        let text = ConversionFixtures.displayText("她把头发剪短了，说以后要专心发展事业。皇后把桌子擦干净，干部们都很满意。")
        #expect(conversion.convert(text).string == expected)
    }

    /// A Taiwan paper's sentence back to Simplified: 乾淨 → 干净, 幹部 → 干部, 頭髮 → 头发.
    @Test(arguments: [ScriptConversionName.t2s, .tw2s, .hk2s])
    func traditionalToSimplified(name: ScriptConversionName) throws {
        let conversion = try #require(ConversionFixtures.conversion(name))
        let text = ConversionFixtures.displayText(
            "行政院今天召開記者會，宣布將擴大補助電動機車，並在各縣市增設充電站，讓民眾以後更方便。她的頭髮乾淨整齊，皇后與幹部都說發展很快。")
        #expect(conversion.convert(text).string
            == "行政院今天召开记者会，宣布将扩大补助电动机车，并在各县市增设充电站，让民众以后更方便。她的头发干净整齐，皇后与干部都说发展很快。")
    }

    /// s2twp changes the length (U盘 → 隨身碟, 互联网 → 網際網路, 方便面 → 泡麵): characters that
    /// only change script keep their offsets, a replaced phrase shares its phrase's.
    @Test func phrasesOfAnotherLengthAreAlignedToTheirSource() throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2twp))
        let text = ConversionFixtures.displayText("我用U盘和互联网买方便面。")
        // "## T\n\n" is 6 bytes; CJK characters are 3 bytes, U one.
        #expect(text.offsets == [6, 9, 12, 13, 16, 19, 22, 25, 28, 31, 34, 37, 40])
        let converted = conversion.convert(text)
        #expect(converted.string == "我用隨身碟和網際網路買泡麵。")
        #expect(converted.offsets == [6, 9, 12, 12, 13, 16, 19, 22, 25, 25, 28, 31, 37, 40])
    }

    @Test func titlesAndSectionTitlesAreConverted() throws {
        let conversion = try #require(ConversionFixtures.conversion(.s2t))
        let document = Fixtures.seed.withConversion(conversion)
        #expect(document.articles[1].title == "國內首個空天信息產業共同體和千億基金羣在渝誕生 首批15項重慶空天信息應用場景發佈")
        #expect(document.articles[1].sections.map(\.title)
            == ["國際生態聯盟與千億基金羣“雙輪驅動”", "匯聚全球力量,助力空天信息產業發展",
                "對空天信息應用場景建設給予資金支持、示範推廣、產融支持"])
        // The source is untouched, and so is the unconverted issue.
        #expect(document.source.count == Fixtures.seedBytes.count)
        #expect(Fixtures.seed.articles[1].sections[0].title == "国际生态联盟与千亿基金群“双轮驱动”")
    }

    @Test func theOtherScriptIsDetectedByCountingCharacters() {
        #expect(ScriptConversionName.toOtherScript(of: Fixtures.seed.source) == .s2t)
        let traditional = Document(text: "## 臺灣新聞\n\n行政院今天召開記者會，宣布將擴大補助電動機車。\n")
        #expect(ScriptConversionName.toOtherScript(of: traditional.source) == .t2s)
    }

    @Test func settingNames() {
        #expect(ScriptConversionName.setting("s2twp") == .some(.s2twp))
        #expect(ScriptConversionName.setting("none") == .some(nil))
        #expect(ScriptConversionName.setting("S2T") == nil)
        #expect(ScriptConversionName.settings == "s2t|s2tw|s2twp|s2hk|t2s|tw2s|hk2s|none")
    }
}
