import PropertyBased
import Testing
@testable import ReaderCore

/// `Window.isCredit` compares scalars where that gives what comparing characters gives;
/// pinned against the character comparison on windows with and without such scalars.
@Suite struct PageBreakCreditTests {
    /// The credit test by characters (`String.contains`), for any window.
    private func creditByCharacters(_ scalars: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(scalars))
        return PageBreakRepair.creditWords.contains { text.contains($0) }
            && !scalars.contains { $0 == "。" || $0 == "，" || $0 == "," }
    }

    @Test func examples() {
        #expect(PageBreakRepair.Window("本报记者 夏元".unicodeScalars).isCredit)
        #expect(!PageBreakRepair.Window("记者说，他来了".unicodeScalars).isCredit)
        // A combining mark makes `者́` another character: no credit word, as before.
        #expect(!PageBreakRepair.Window("本报记者\u{301}".unicodeScalars).isCredit)
        // U+FA5B is canonically 者: the credit word is there.
        #expect(PageBreakRepair.Window("本报记\u{FA5B}".unicodeScalars).isCredit)
    }

    /// The forms of the credit words' characters are every scalar that is canonically one of them.
    @Test func creditWordFormsAreEveryEquivalentScalar() {
        let characters = Set(PageBreakRepair.creditWordScalars.joined().map(Character.init))
        let equivalent = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { characters.contains(Character($0)) }
        #expect(Set(equivalent) == Set(PageBreakRepair.creditWordForms.joined().joined()))
        #expect(equivalent.count > characters.count, "compatibility ideographs among them")
    }

    @Test func scalarsGiveWhatCharactersGive() async {
        let pieces: [String] = [
            "记", "者", "编辑", "通讯员", "摄影", "\u{301}", "\u{FA5B}", "\u{302A}", "a", "，", " ", "中", "\r", "\n", "。",
            "·", "報", "来源", "\u{F9B4}", "\u{FAB2}", "审核",
        ]
        await propertyCheck(count: 500, input: Gen.int(in: 0..<pieces.count).array(of: 0...12)) { picks in
            let scalars = Array(picks.map { pieces[$0] }.joined().unicodeScalars)
            #expect(PageBreakRepair.Window(scalars).isCredit == creditByCharacters(scalars.filter { !PageBreakRepair.isSpace($0) }))
        }
    }
}
