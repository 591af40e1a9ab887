import Testing
@testable import ReaderCore

/// CSS Text 3 `line-break` (strict, normal, loose) for Chinese and Japanese: each rule of
/// §5.3 at a width (three wide characters) where the break it allows or forbids decides
/// the lines.
@Suite struct LineBreakStrictnessTests {
    func lines(_ text: String, _ strictness: LineBreakStrictness, width: Int = 6) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Wrapper(width: width, lineBreak: strictness).wrap(scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    /// Small kana and ー (class CJ): a break before them in normal and loose, not strict.
    @Test func smallKanaAndProlongedSoundMark() {
        #expect(lines("あいうっと", .strict) == ["あい", "うっと"])
        #expect(lines("あいうっと", .normal) == ["あいう", "っと"])
        #expect(lines("あいうっと", .loose) == ["あいう", "っと"])
        #expect(lines("あいコー", .strict) == ["あい", "コー"])
        #expect(lines("あいコー", .normal) == ["あいコ", "ー"])
    }

    /// The CJK hyphens 〜 and ゠: a break before them in normal and loose, not strict.
    @Test func cjkHyphens() {
        #expect(lines("あいう〜え", .strict) == ["あい", "う〜え"])
        #expect(lines("あいう〜え", .normal) == ["あいう", "〜え"])
        #expect(lines("あいう゠え", .strict) == ["あい", "う゠え"])
        #expect(lines("あいう゠え", .loose) == ["あいう", "゠え"])
    }

    /// Iteration marks: a break before them in loose only.
    @Test func iterationMarks() {
        #expect(lines("あいう々え", .normal) == ["あい", "う々え"])
        #expect(lines("あいう々え", .loose) == ["あいう", "々え"])
        #expect(lines("あいうゝえ", .strict) == ["あい", "うゝえ"])
        #expect(lines("あいうゝえ", .loose) == ["あいう", "ゝえ"])
    }

    /// Inseparable characters (‥ …): breaks between them in loose only.
    @Test func inseparables() {
        #expect(lines("あい……", .normal, width: 5) == ["あ", "い……"])
        #expect(lines("あい……", .loose, width: 5) == ["あい…", "…"])
    }

    /// Centred punctuation (： ！ ・ …): a break before them in loose only.
    @Test func centredPunctuation() {
        #expect(lines("あいう：え", .normal) == ["あい", "う：え"])
        #expect(lines("あいう：え", .loose) == ["あいう", "：え"])
        #expect(lines("あいう！え", .strict) == ["あい", "う！え"])
        #expect(lines("あいう！え", .loose) == ["あいう", "！え"])
    }

    /// East Asian postfixes and prefixes: a break before ％ and after ￥ in loose only.
    @Test func postfixesAndPrefixes() {
        #expect(lines("あいう％", .normal) == ["あい", "う％"])
        #expect(lines("あいう％", .loose) == ["あいう", "％"])
        #expect(lines("あい￥う", .normal) == ["あい", "￥う"])
        #expect(lines("あい￥う", .loose) == ["あい￥", "う"])
    }

    /// Chinese text without these characters is broken alike in every mode.
    @Test func plainChineseIsTheSame() {
        let text = "到2025年将建成充电桩超24万个，增速24.6%。"
        #expect(lines(text, .strict, width: 10) == lines(text, .normal, width: 10))
        #expect(lines(text, .loose, width: 10) == lines(text, .normal, width: 10))
        #expect(lines(text, .normal, width: 10) == ["到2025年将", "建成充电桩", "超24万个，", "增速", "24.6%。"])
    }

    /// The dump (and so `--line-break`) takes the setting.
    @Test func theDumpTakesTheSetting() {
        let document = Document(source: Array("## T\n\nあいうっとえお。\n".utf8), name: "t.txt")
        #expect(DocumentDump.render(document, width: 8, lineBreak: .strict) == "## T\n\n  あい\nうっとえ\nお。\n")
        #expect(DocumentDump.render(document, width: 8) == "## T\n\n  あいう\nっとえ\nお。\n")
    }
}
