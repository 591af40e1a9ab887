import Foundation
import Testing

/// Untrusted files through --dump and --list: nothing reaches the output as a control
/// sequence, odd files get a safe rendering or a one-line error, nothing crashes.
@Suite struct HostileInputTests {
    /// OSC 0 (window title), OSC 52 (clipboard), CSI 2J, 8-bit CSI, BEL, backspace, NUL, DEL, bidi override.
    static let hostile = "## 标题\u{1B}]0;pwned\u{07}\n\n正文\u{1B}]52;c;ZXZpbA==\u{07}清屏\u{1B}[2J八位\u{9B}31m响铃\u{07}退格\u{08}空\u{0}删\u{7F}反向\u{202E}文字。\n"

    static func withFile<T>(_ bytes: [UInt8], _ body: (String) -> T) -> T {
        let path = "/tmp/reader-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { unlink(path) }
        return body(path)
    }

    static func hasControlBytes(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    @Test func dumpShowsEscapeSequencesAsPlaceholders() {
        let result = Self.withFile(Array(Self.hostile.utf8)) { ReaderBinary.run(["--dump", "--width", "80", $0]) }
        #expect(result.status == 0)
        #expect(!Self.hasControlBytes(result.standardOutput))
        #expect(result.standardOutput == """
            ## 标题^[]0;pwned^G

              正文^[]52;c;ZXZpbA==^G清屏^[[2J八位\u{FFFD}31m响铃^G退格^H空^@删^?反向\u{FFFD}文字。

            """)
    }

    @Test func listShowsEscapeSequencesAsPlaceholders() {
        let result = Self.withFile(Array(Self.hostile.utf8)) { ReaderBinary.run(["--list", $0]) }
        #expect(result.status == 0)
        #expect(result.standardOutput == "1\t标题^[]0;pwned^G\t0\n")
    }

    @Test func emptyFileHasNoArticles() {
        let result = Self.withFile([]) { ReaderBinary.run(["--dump", $0]) }
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        #expect(Self.withFile([]) { ReaderBinary.run(["--list", $0]) }.standardOutput == "")
    }

    @Test func onlyHeadings() {
        let result = Self.withFile(Array("## 甲\n### 节\n## \n####\n".utf8)) { ReaderBinary.run(["--dump", "--width", "20", $0]) }
        #expect(result.status == 0)
        #expect(result.standardOutput == "## 甲\n\n### 节\n\n## (untitled)\n\n#### (untitled sect…\n")
    }

    @Test func onlyBlankLines() {
        let result = Self.withFile(Array("\n\n   \n\u{3000}\n\r\n".utf8)) { ReaderBinary.run(["--list", $0]) }
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
    }

    @Test func aHundredThousandCharacterLineIsWrappedWhole() {
        let line = String(repeating: "长", count: 100_000)
        let result = Self.withFile(Array("## 长行\n\n\(line)\n".utf8)) { ReaderBinary.run(["--dump", "--width", "80", $0]) }
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        // The title, then 39 characters after the indent and 40 on every further line: 1 + ⌈99,961 / 40⌉.
        #expect(lines.count == 1 + 2_501)
        #expect(lines[1] == "  " + String(repeating: "长", count: 39))
        #expect(lines.dropFirst(2).allSatisfy { $0.unicodeScalars.count <= 40 })
        #expect(lines.dropFirst().reduce(0) { $0 + $1.filter { $0 == "长" }.count } == 100_000)
    }

    @Test func invalidUTF8IsReplacedNotLost() {
        let bytes: [UInt8] = Array("## 坏\n\n好".utf8) + [0xE4, 0xB8] + Array("字".utf8) + [0xFF, 0xC3] + Array("尾\n".utf8)
        let result = Self.withFile(bytes) { ReaderBinary.run(["--dump", $0]) }
        #expect(result.status == 0)
        #expect(result.standardOutput == "## 坏\n\n  好\u{FFFD}字\u{FFFD}\u{FFFD}尾\n")
    }
}
