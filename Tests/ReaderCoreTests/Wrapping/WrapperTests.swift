import PropertyBased
import Testing
@testable import ReaderCore

/// The lines of `text` wrapped at `width`, as strings.
func wrapped(_ text: String, width: Int, firstIndent: Int = 0, ambiguousWide: Bool = false) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return Wrapper(width: width, ambiguousWide: ambiguousWide).wrap(scalars, firstIndent: firstIndent)
        .map { String(String.UnicodeScalarView(scalars[$0])) }
}

@Suite struct WrapperTests {
    @Test func closingPunctuationIsPushedOutWithThePreviousCharacter() {
        // Width 10 = 5 ideographs; "，" would start line 2, so "五" comes down with it,
        // and "八" comes down with "。" on line 3.
        #expect(wrapped("一二三四五，六七八。", width: 10) == ["一二三四", "五，六七", "八。"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        #expect(wrapped("一二三四《五六》七八", width: 10) == ["一二三四", "《五六》七", "八"])
        #expect(wrapped("一二三四“五六”七八", width: 9) == ["一二三四", "“五六”七", "八"])
    }

    @Test func numbersAndWordsStayWhole() {
        #expect(wrapped("到2025年将建成充电桩超24万个", width: 8) == ["到2025年", "将建成充", "电桩超24", "万个"])
        #expect(wrapped("覆盖率近90%。增长24.6%以上", width: 10) == ["覆盖率近", "90%。增长", "24.6%以上"])
        #expect(wrapped("version v2.10.3 released", width: 12) == ["version", "v2.10.3", "released"])
    }

    @Test func urlsAndEmailsStayWhole() {
        #expect(wrapped("通过国家科技管理信息系统(https://service.most.gov.cn/)提交", width: 36)
            == ["通过国家科技管理信息系统", "(https://service.most.gov.cn/)提交"])
        #expect(wrapped("请写信至 name@example.com 联系", width: 20) == ["请写信至", "name@example.com 联", "系"])
    }

    /// Cut after the URL's separators (each line at least half full), not at the width.
    @Test func aTokenWiderThanTheLineIsBrokenAfterSeparators() {
        #expect(wrapped("https://service.most.gov.cn/", width: 10) == ["https://", "service.", "most.gov.", "cn/"])
    }

    @Test func aWideCharacterNeverOverflowsAnOddWidth() {
        #expect(wrapped("一二三四五", width: 5) == ["一二", "三四", "五"])
    }

    @Test func firstLineIndent() {
        #expect(wrapped("一二三四五六七八", width: 8, firstIndent: 2) == ["一二三", "四五六七", "八"])
    }

    @Test func ambiguousWideQuotesTakeTwoColumns() {
        #expect(wrapped("“一二三”四", width: 8) == ["“一二三”", "四"])
        #expect(wrapped("“一二三”四", width: 8, ambiguousWide: true) == ["“一二", "三”四"])
    }

    @Test func spacesAtABreakVanish() {
        #expect(wrapped("hello   world again", width: 11) == ["hello", "world again"])
    }

    /// Found by the fuzzer: a space carrying a combining mark is a grapheme, not a droppable space.
    @Test func aSpaceWithACombiningMarkIsKept() {
        #expect(wrapped("\u{FFFD} \u{342}", width: 1) == ["\u{FFFD}", " \u{342}"])
        #expect(wrapped("ab \u{301}cd", width: 2) == ["ab", " \u{301}c", "d"])
    }

    @Test func emptyText() {
        #expect(wrapped("", width: 10) == [])
    }
}

/// Random mixed CJK/Latin/emoji paragraphs at widths 1…120.
@Suite struct WrapperPropertyTests {
    static let pieces: [String] = [
        "中", "文", "报", "道", "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》", "「", "」",
        "a", "word", "Reader", "2025", "24.6%", "v2.10.3", " ", " ", "\u{3000}", "https://service.most.gov.cn/",
        "name@example.com", "😀", "👩‍💻", "🇨🇳", "e\u{301}", "ｶ", "——", "……", "·", "-", "(", ")", ",", ".",
        "한", "か", "ア", " \u{342}", "\u{FFFD}",
    ]

    static let noStart: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "’", ",", ".", ";", ":", "?", "!", ")"]
    static let noEnd: Set<Unicode.Scalar> = ["（", "《", "「", "『", "“", "‘", "("]

    @Test func wrappingInvariants() async {
        await propertyCheck(count: 600, input: Gen.element(of: Self.pieces).array(of: 0...80), Gen.int(in: 1...120)) { parts, width in
            let text = parts.compactMap { $0 }.joined()
            let scalars = Array(text.unicodeScalars)
            let wrapper = Wrapper(width: width)
            let lines = wrapper.wrap(scalars)
            let actions = LineBreaker.actions(scalars, tailoring: .chinese)
            let graphemeStarts = Self.characterBoundaries(text)

            // Nothing lost, reordered or duplicated: only spaces between lines.
            var position = 0
            for line in lines {
                #expect(line.lowerBound >= position)
                #expect(scalars[position..<line.lowerBound].allSatisfy(Wrapper.isSpace))
                position = line.upperBound
            }
            #expect(scalars[position...].allSatisfy(Wrapper.isSpace))

            for (number, line) in lines.enumerated() {
                let lineWidth = TextWidth.of(scalars[line])
                let isOneGrapheme = line.count > 0 && !(Self.inside(line)).contains { graphemeStarts.contains($0) }
                // No line over the width, unless it is one grapheme that alone is wider.
                #expect(lineWidth <= width || isOneGrapheme, "line \(number) is \(lineWidth) wide at width \(width)")
                // Grapheme clusters are never split.
                #expect(graphemeStarts.contains(line.lowerBound) && (graphemeStarts.contains(line.upperBound) || line.upperBound == scalars.count))
                // No forbidden start or end unless the width forced a break (no opportunity inside the line before).
                let forced = !(Self.inside(line)).contains { actions[$0] == .allowed }
                if number + 1 < lines.count, let last = scalars[line].last, let next = scalars[lines[number + 1]].first {
                    // UAX #14 LB15c (Unicode 15.1): after a space, `.5` and `,5` may start a line.
                    let nextLine = lines[number + 1]
                    let numberStart = (next == "." || next == ",") && line.upperBound < nextLine.lowerBound
                        && nextLine.count > 1 && ("0"..."9").contains(scalars[nextLine.lowerBound + 1])
                    if (Self.noStart.contains(next) && !numberStart) || Self.noEnd.contains(last) {
                        let nextForced = !Self.inside(lines[number + 1]).contains { actions[$0] == .allowed }
                        #expect(forced || nextForced || isOneGrapheme, "forbidden break between \(last) and \(next) at width \(width)")
                    }
                }
            }
        }
    }

    /// A text that fits on one line skips the break opportunities (`Wrapper.oneLineEnd`):
    /// the lines are the same as through them, at every width and first indent.
    @Test func theOneLineShortcutGivesTheSameLines() async {
        await propertyCheck(
            count: 600, input: Gen.element(of: Self.pieces).array(of: 0...12), Gen.int(in: 1...60), Gen.int(in: 0...4)
        ) { parts, width, firstIndent in
            let scalars = Array(parts.compactMap { $0 }.joined().unicodeScalars)
            for ambiguousWide in [false, true] {
                let wrapper = Wrapper(width: width, ambiguousWide: ambiguousWide)
                var scratch = WrapScratch()
                var throughBreaks: [Range<Int>] = []
                scalars.withUnsafeBufferPointer { scalars in
                    wrapper.wrapAtBreaks(scalars, firstIndent: firstIndent, indent: 0, scratch: &scratch) {
                        throughBreaks.append($0)
                    }
                }
                #expect(wrapper.wrap(scalars, firstIndent: firstIndent) == throughBreaks,
                        "\(scalars.map { String($0) }) at width \(width), first indent \(firstIndent)")
            }
        }
    }

    @Test func aHardLineBreakIsNotOneLine() {
        // U+2028 LINE SEPARATOR (class BK) forces a break even though the text fits.
        #expect(wrapped("报道\u{2028}中文", width: 40) == ["报道\u{2028}", "中文"])
    }

    /// The positions strictly inside a line (between two of its scalars).
    static func inside(_ line: Range<Int>) -> Range<Int> {
        (line.lowerBound + 1)..<max(line.lowerBound + 1, line.upperBound)
    }

    /// Scalar indices where Swift's own grapheme segmentation starts a Character.
    static func characterBoundaries(_ text: String) -> Set<Int> {
        var result: Set<Int> = []
        var index = 0
        for character in text {
            result.insert(index)
            index += character.unicodeScalars.count
        }
        result.insert(index)
        return result
    }
}
