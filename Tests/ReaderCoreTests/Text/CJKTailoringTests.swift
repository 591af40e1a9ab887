import Testing
@testable import ReaderCore

/// The rules of the Chinese tailoring added for issue 12: ASCII quotation marks in CJK
/// text, word-initial hyphens, Korean words.
@Suite struct CJKTailoringTests {
    /// Issue 12: `考"proc.txt(.gz)"，"sysfs.txt(.gz)"，` was one unbreakable unit.
    @Test func asciiQuotesOpenAndCloseNextToEastAsianText() {
        let text = "请参考\"proc.txt(.gz)\"，\"sysfs.txt(.gz)\"，以及其它文件。"
        #expect(wrapped(text, width: 20) == ["请参考", "\"proc.txt(.gz)\"，", "\"sysfs.txt(.gz)\"，以", "及其它文件。"])
        #expect(wrapped(text, width: 24) == ["请参考\"proc.txt(.gz)\"，", "\"sysfs.txt(.gz)\"，以及其", "它文件。"])
        // Between two East Asian characters the marks pair up: the first opens.
        #expect(wrapped("他说\"好\"。", width: 6) == ["他说", "\"好\"。"])
    }

    /// In Latin text the ASCII quotation mark keeps UAX #14's rules.
    @Test func asciiQuotesInLatinText() {
        #expect(wrapped("say \"hello world\" now", width: 8) == ["say", "\"hello", "world\"", "now"])
    }

    /// Issue 12: `若使用 --` / `color=auto`, `dpkg --` / `status`.
    @Test func noBreakAfterWordInitialHyphens() {
        #expect(wrapped("若使用 --color=auto 选项", width: 14) == ["若使用", "--color=auto", "选项"])
        #expect(wrapped("dpkg --status foo", width: 8) == ["dpkg", "--status", "foo"])
        #expect(wrapped("x --ab", width: 4) == ["x", "--ab"])
        // After an opener too; UAX #14's LB20a alone covers one hyphen after a space.
        let scalars = Array("(--ab".unicodeScalars)
        #expect(LineBreaker.actions(scalars, tailoring: .chinese) == [.prohibited, .prohibited, .prohibited, .prohibited, .prohibited])
        #expect(LineBreaker.actions(scalars, tailoring: .uax14) == [.prohibited, .prohibited, .prohibited, .allowed, .prohibited])
        // Inside a word the hyphen still allows a break after it.
        #expect(wrapped("state-of-the-art", width: 10) == ["state-of-", "the-art"])
    }

    /// Issue 12: Korean breaks at spaces only (keep-all).
    @Test func koreanBreaksOnlyAtSpaces() {
        #expect(wrapped("데비안 시스템은 여러 가지 방법으로 부팅할 수 있습니다.", width: 16)
            == ["데비안 시스템은", "여러 가지", "방법으로 부팅할", "수 있습니다."])
        #expect(wrapped("데비안GNU/Linux를 설치", width: 30) == ["데비안GNU/Linux를 설치"])
        // A word wider than the line is still broken.
        #expect(wrapped("데비안패키지관리시스템", width: 10) == ["데비안패키", "지관리시", "스템"])
    }

    /// Chinese between Hangul words still breaks between ideographs.
    @Test func chineseIsNotKeptWhole() {
        #expect(wrapped("一二三四五六", width: 6) == ["一二三", "四五六"])
    }
}
