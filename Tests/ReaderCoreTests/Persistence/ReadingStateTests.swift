import Foundation
import ReaderCore
import Testing

/// The reading-state file format: round trip, exact text, and every kind of damage.
@Suite struct ReadingStateTests {
    let sample = ReadingState(contentHash: 0x8708_5fd4_3abf_9c5f, screen: .article, article: 3, offset: 5120, read: [3, 0, 2])

    @Test func encodesToTheDocumentedText() {
        #expect(sample.encoded() == """
            reader-state 1
            hash 87085fd43abf9c5f
            screen article
            article 3
            offset 5120
            read 0 2 3
            end

            """)
    }

    @Test func roundTrips() throws {
        #expect(try ReadingState.decode(Array(sample.encoded().utf8)) == sample)
        let empty = ReadingState(contentHash: 0, screen: .list, article: 0, offset: 0, read: [])
        #expect(try ReadingState.decode(Array(empty.encoded().utf8)) == empty)
    }

    @Test func unknownKeysAreSkipped() throws {
        let text = sample.encoded().replacingOccurrences(of: "read 0", with: "future yes\nread 0")
        #expect(try ReadingState.decode(Array(text.utf8)) == sample)
    }

    @Test func everyTruncationIsAnErrorNeverAPartialState() {
        let bytes = Array(sample.encoded().utf8)
        // Any prefix that is not the whole file (or the whole file less its final newline) is rejected.
        for length in 0..<(bytes.count - 1) {
            #expect(throws: ReadingState.DecodeError.self, "\(length) bytes") {
                try ReadingState.decode(Array(bytes[..<length]))
            }
        }
    }

    @Test(arguments: [
        ("", "not a reader state file"),
        ("reader-state 2\nend\n", "not a reader state file"),
        ("reader-state 1\nhash 87085fd43abf9c5f\n", "incomplete (no end line)"),
        ("reader-state 1\nscreen list\narticle 0\noffset 0\nread\nend\n", "no hash"),
        ("reader-state 1\nhash xyz\nend\n", "bad hash 'xyz'"),
        ("reader-state 1\nhash 87085fd43abf9c5f\nscreen menu\nend\n", "bad screen 'menu'"),
        ("reader-state 1\nhash 87085fd43abf9c5f\nscreen list\narticle -1\noffset 0\nread\nend\n", "bad article '-1'"),
        ("reader-state 1\nhash 87085fd43abf9c5f\nscreen list\narticle 0\noffset 0\nread 1 x\nend\n", "bad read 'x'"),
    ])
    func corruptTextIsRejectedWithAReason(text: String, reason: String) {
        #expect(throws: ReadingState.DecodeError(description: reason)) { try ReadingState.decode(Array(text.utf8)) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: ReadingState.DecodeError(description: "not UTF-8")) {
            try ReadingState.decode([0x72, 0xFF, 0xFE])
        }
    }

    @Test func fnv1aKnownValues() {
        // Reference values of 64-bit FNV-1a.
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hex(0xab) == "00000000000000ab")
    }

    /// Values worked out independently (a few lines of Python following the doc comment).
    @Test func wordHashKnownValues() {
        func wordHash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer(FNV1a.wordHash) }
        #expect(wordHash([]) == 0xe315_1722_e0cf_542b)
        #expect(wordHash(Array("a".utf8)) == 0xe324_2661_c0d5_e818)
        #expect(wordHash(Array("abcdefgh".utf8)) == 0xbb2a_7e38_fe3d_348b)
        #expect(wordHash(Array("重庆日报".utf8)) == 0x326f_9bc7_a907_dba6)
        #expect(wordHash(UIFixtures.seedBytes) == 0xb270_6f0a_ed78_80db)
    }

    @Test func wordHashChangesWithAnyByteAndWithTheLength() {
        let bytes = Array(UIFixtures.seedBytes.prefix(4099))
        let original = bytes.withUnsafeBufferPointer(FNV1a.wordHash)
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var changed = bytes
            changed[index] ^= 0x80
            #expect(changed.withUnsafeBufferPointer(FNV1a.wordHash) != original, "byte \(index)")
        }
        // Trailing zero bytes are not the same text as none.
        let padded = (bytes + [0, 0, 0]).withUnsafeBufferPointer(FNV1a.wordHash)
        #expect(padded != original)
    }
}

/// The `mark` lines added to the format: old files still load, bad marks are errors.
@Suite struct ReadingStateMarkTests {
    @Test func marksEncodeInLetterOrderAndRoundTrip() throws {
        let state = ReadingState(
            contentHash: 1, screen: .list, article: 0, offset: 0, read: [],
            marks: ["b": ReadingPosition(article: 2, offset: 30), "A": ReadingPosition(article: 0, offset: 4)])
        let text = state.encoded()
        #expect(text == "reader-state 1\nhash 0000000000000001\nscreen list\narticle 0\noffset 0\nread\n"
            + "mark A 0 4\nmark b 2 30\nend\n")
        #expect(try ReadingState.decode(Array(text.utf8)) == state)
    }

    @Test func aFileWithoutMarksLoadsWithNone() throws {
        let old = "reader-state 1\nhash 87085fd43abf9c5f\nscreen article\narticle 3\noffset 5120\nread 0 2 3\nend\n"
        #expect(try ReadingState.decode(Array(old.utf8)).marks == [:])
    }

    @Test(arguments: ["mark 1 0 0", "mark ab 0 0", "mark a 0", "mark a -1 0", "mark a 0 x", "mark", "mark 重 0 0"])
    func badMarksAreErrors(line: String) {
        let text = "reader-state 1\nhash 87085fd43abf9c5f\nscreen list\narticle 0\noffset 0\nread\n\(line)\nend\n"
        #expect(throws: ReadingState.DecodeError.self) { try ReadingState.decode(Array(text.utf8)) }
    }
}
