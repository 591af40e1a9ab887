import ReaderCore
import Testing

/// `TextCheck`: what the reader refuses as not text, from the first bytes of an input.
struct TextCheckTests {
    @Test func chineseTextIsText() {
        #expect(TextCheck.refusal(of: Fixtures.seedBytes, isWhole: true) == nil)
        #expect(TextCheck.refusal(of: [], isWhole: true) == nil)
    }

    @Test func knownSignaturesAreRefusedByName() {
        #expect(TextCheck.refusal(of: [0x1F, 0x8B, 0x08, 0x00], isWhole: false) == .format("gzip"))
        #expect(TextCheck.refusal(of: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], isWhole: false) == .format("xz"))
        #expect(TextCheck.refusal(of: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], isWhole: true) == .format("PNG"))
        #expect(TextCheck.refusal(of: Array("BZh91AY&SY".utf8), isWhole: false) == .format("bzip2"))
        #expect(TextCheck.refusal(of: Array("%PDF-1.7\n".utf8), isWhole: false) == .format("PDF"))
        // "BZh" then a letter is a text that happens to start so.
        #expect(TextCheck.refusal(of: Array("BZhang 张\n".utf8), isWhole: true) == nil)
        #expect(TextCheck.refusal(of: Array("GIF 动图\n".utf8), isWhole: true) == nil)
    }

    /// Over a tenth of invalid UTF-8 (GBK here) or NUL bytes is refused; a few stray bytes are not.
    @Test func invalidUTF8IsCounted() {
        let gbk: [UInt8] = Array(repeating: [0xC8, 0xCB, 0xC3, 0xF1, 0x0A], count: 100).flatMap { $0 }
        #expect(TextCheck.refusal(of: gbk, isWhole: true) == .notUTF8)
        #expect(TextCheck.refusal(of: [UInt8](repeating: 0, count: 1000), isWhole: false) == .notUTF8)
        let stray = Array(String(repeating: "中文正文。", count: 20).utf8) + [0xFF, 0xC0, 0x80]
        #expect(TextCheck.refusal(of: stray, isWhole: true) == nil)
        // Overlong forms and surrogates are invalid, however well formed they look.
        let overlong: [UInt8] = Array(repeating: [0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0x41] as [UInt8], count: 10).flatMap { $0 }
        #expect(TextCheck.refusal(of: overlong, isWhole: true) == .notUTF8)
    }

    /// A character cut by the end of the sample is not invalid, unless the input ends there.
    @Test func aCharacterCutByTheSampleEndIsNotCounted() {
        let text = Array(String(repeating: "中", count: 21_846).utf8)  // 65,538 bytes
        let sample = Array(text.prefix(TextCheck.sampleBytes))
        #expect(TextCheck.refusal(of: sample, isWhole: false) == nil)
        let cut = Array("中文".utf8.dropLast())
        // A few cut characters in a short text are stray bytes, shown as U+FFFD.
        #expect(TextCheck.refusal(of: Array(cut.suffix(2)), isWhole: true) == nil)
        #expect(TextCheck.refusal(of: cut, isWhole: false) == nil)
        #expect(TextCheck.refusal(of: Array(repeating: cut, count: 10).flatMap { $0 }, isWhole: true) == .notUTF8)
    }
}
