import ReaderCore
import Testing

/// `SafeText.sanitize(bytes:)`: file names that may not be UTF-8, shown safely.
struct SafeTextBytesTests {
    @Test func utf8NamesAreDecoded() {
        #expect(SafeText.sanitize(bytes: Array("人民日报.txt".utf8)) == "人民日报.txt")
    }

    @Test func otherBytesAreEscaped() {
        // 人民 in GBK, then a valid 中, a lone continuation byte and a cut sequence.
        #expect(SafeText.sanitize(bytes: [0xC8, 0xCB, 0xC3, 0xF1] + Array("中".utf8) + [0x80, 0x41, 0xE4, 0xB8])
            == #"\xC8\xCB\xC3\xF1中\x80A\xE4\xB8"#)
    }

    @Test func controlsStaySafe() {
        #expect(SafeText.sanitize(bytes: [0x1B, 0x5D, 0x30, 0x3B, 0xFF, 0x07]) == #"^[]0;\xFF^G"#)
    }

    /// Printable ASCII alone is returned as it is (the fast path an archive's 73,000 names
    /// take), as the scalar-by-scalar path shows each of those bytes when one control
    /// among them sends it there.
    @Test func printableASCIIIsItsOwnSafeForm() {
        let printable = (0x20..<0x7F).map { UInt8($0) }
        let text = String(decoding: printable, as: UTF8.self)
        #expect(SafeText.sanitize(bytes: printable) == text)
        #expect(SafeText.sanitize(bytes: printable + [0x1B]) == text + "^[")
        #expect(SafeText.sanitize(text) == text)
        #expect(SafeText.sanitize(text + "\u{7F}") == text + "^?")
        #expect(SafeText.sanitize(bytes: [0x1F]) == "^_")
    }
}
