import PropertyBased
import Testing
@testable import ReaderCore

/// `Window.isVerse` and `Window.startsSentence` without arrays or strings for each
/// window: pinned against the definitions they replaced (split into clauses; the first
/// two scalars as a string).
@Suite struct PageBreakWindowTests {
    private func verseBySplitting(_ scalars: [Unicode.Scalar]) -> Bool {
        var clauses = scalars.split(omittingEmptySubsequences: true) {
            PageBreakRepair.isClauseMark($0.value) || PageBreakRepair.isSentenceFinal($0.value) || $0 == "：" || $0 == ":"
        }.map(\.count)
        if scalars.count >= PageBreakRepair.windowScalars, clauses.count > 2 { clauses.removeFirst() }
        guard clauses.count >= 2, let length = clauses.first, (4...7).contains(length) else { return false }
        return clauses.allSatisfy { $0 == length }
    }

    private func opensByString(_ scalars: [Unicode.Scalar]) -> Bool {
        PageBreakRepair.sentenceOpeners.contains(String(String.UnicodeScalarView(scalars.prefix(2))))
    }

    static let pieces: [String] = [
        "两株桃杏映篱斜，", "妆点商山副使家，", "中文字", "字", "，", "。", "：", ":", "、", "如果", "但是", "如", "果",
        "a", "\u{301}", "\u{F9B4}", "\u{FA5B}", "他说", "12", "！”",
    ]

    @Test func verseAndSentenceOpenersAsDefined() async {
        await propertyCheck(count: 3000, input: Gen.int(in: 0..<Self.pieces.count).array(of: 0...24)) { picks in
            let window = PageBreakRepair.Window(Array(picks.map { Self.pieces[$0] }.joined().unicodeScalars))
            #expect(window.isVerse == verseBySplitting(window.scalars), "\(picks)")
            #expect(window.startsSentence == opensByString(window.scalars), "\(picks)")
        }
    }

    @Test func examples() {
        #expect(PageBreakRepair.Window("两株桃杏映篱斜，妆点商山副使家，".unicodeScalars).isVerse)
        #expect(!PageBreakRepair.Window("两株桃杏映篱斜，妆点商山副家，".unicodeScalars).isVerse)
        #expect(PageBreakRepair.Window("如果他来".unicodeScalars).startsSentence)
        #expect(!PageBreakRepair.Window("如\u{301}果".unicodeScalars).startsSentence)
        #expect(!PageBreakRepair.Window("如".unicodeScalars).startsSentence)
    }
}
