import ReaderCore
import Testing

/// The start-up probe's answers: the cursor report gives the ambiguous width, OSC 11 the
/// background, and anything else is keys typed ahead.
@Suite struct TerminalRepliesTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func cursorReportAfterOneAmbiguousCharacter() {
        #expect(TerminalReplies(Self.bytes("\u{1B}[1;2R")).ambiguousWidth == 1)
        #expect(TerminalReplies(Self.bytes("\u{1B}[1;3R")).ambiguousWidth == 2)
        #expect(TerminalReplies(Self.bytes("\u{1B}[1;9R")).ambiguousWidth == nil)
        #expect(TerminalReplies([]).ambiguousWidth == nil)
        #expect(TerminalReplies(Self.bytes("\u{1B}[1;3")).ambiguousWidth == nil)
    }

    @Test func backgroundFromOSC11() {
        let white = TerminalReplies(Self.bytes("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\\u{1B}[1;3R"))
        #expect(white.background == .light)
        #expect(white.ambiguousWidth == 2)
        #expect(white.typedAhead == [])
        let black = TerminalReplies(Self.bytes("\u{1B}]11;rgb:0000/0000/0000\u{07}\u{1B}[1;2R"))
        #expect(black.background == .dark)
        #expect(TerminalReplies(Self.bytes("\u{1B}]11;rgb:fd/f6/e3\u{07}")).background == .light)
        #expect(TerminalReplies(Self.bytes("\u{1B}]11;rgb:1c1c/1c1c/1c1c\u{1B}\\")).background == .dark)
        #expect(TerminalReplies(Self.bytes("\u{1B}]11;?\u{07}")).background == .unknown)
    }

    @Test func keysTypedMeanwhileAreKept() {
        let replies = TerminalReplies(Self.bytes("j\u{1B}]11;rgb:0000/0000/0000\u{07}k\u{1B}[24;3R\r"))
        #expect(replies.typedAhead == Self.bytes("jk\r"))
        #expect(replies.ambiguousWidth == 2)
    }
}
