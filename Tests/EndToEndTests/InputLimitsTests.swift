import Foundation
import Testing

/// Hostile inputs and outputs for `--dump` and `--list`, run through the shell as a user
/// would: compressed and random files are refused (exit 65), input with no end is
/// refused or capped instead of filling memory, and a failed write to standard output
/// is an error (exit 74) but a closed pipe is silent.
@Suite struct InputLimitsTests {
    /// Runs `command` with /bin/sh; its exit status, stdout and stderr (stderr to a file).
    static func shell(_ command: String) -> ProcessResult {
        let errorPath = "/tmp/reader-limits-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).err"
        defer { unlink(errorPath) }
        let result = TmuxSession.run("{ \(command); } 2>\(errorPath)")
        return ProcessResult(
            status: result.status, standardOutput: result.output, standardError: ReaderBinary.readFile(errorPath))
    }

    static let reader = TmuxSession.quote(ReaderBinary.path)
    /// The reader under a 2 GB address-space limit and a one-minute timeout, for inputs
    /// with no end: a reader that reads them without limit fails the test, not the machine.
    static let boundedReader = "(ulimit -v 2097152; exec timeout 60 \(reader)"
    static let seed = TmuxSession.quote(ReaderBinary.seed)

    /// A file of `bytes` under /tmp named `name`, removed after `body`.
    static func withFile<T>(named name: String, _ bytes: [UInt8], _ body: (String) -> T) -> T {
        let directory = "/tmp/reader-limits-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(directory, 0o700)
        defer { _ = system("rm -rf '\(directory)'") }
        FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes))
        return body(directory + "/" + name)
    }

    /// Deterministic bytes that look random (a linear congruential generator).
    static func noise(_ count: Int) -> [UInt8] {
        var state: UInt32 = 12_345
        return (0..<count).map { _ in
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
    }

    @Test func aGzippedIssueIsRefused() {
        let result = Self.shell("gzip -c \(Self.seed) > /tmp/reader-limits-\(getpid()).gz; "
            + "\(Self.reader) --list /tmp/reader-limits-\(getpid()).gz; echo status=$?; rm -f /tmp/reader-limits-\(getpid()).gz")
        #expect(result.standardOutput == "status=65\n")
        #expect(result.standardError == "reader: reader-limits-\(getpid()).gz: not a text file (gzip data)\n")
    }

    @Test func xzPNGAndRandomBytesAreRefused() {
        let cases: [(name: String, bytes: [UInt8], reason: String)] = [
            ("issue.xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] + Self.noise(4000), "xz data"),
            ("page.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.noise(4000), "PNG data"),
            ("random.bin", Self.noise(100_000), "binary data, or not UTF-8"),
        ]
        for (name, bytes, reason) in cases {
            let result = Self.withFile(named: name, bytes) { ReaderBinary.run(["--dump", $0]) }
            #expect(result.status == 65, "\(name)")
            #expect(result.standardOutput == "", "\(name)")
            #expect(result.standardError == "reader: \(name): not a text file (\(reason))\n")
        }
    }

    /// GBK text is not UTF-8: refused, not shown as garbage.
    @Test func textInAnotherEncodingIsRefused() {
        // "## 人民日报\n\n" and a paragraph in GBK, repeated.
        let line: [UInt8] = [0xC8, 0xCB, 0xC3, 0xF1, 0xC8, 0xD5, 0xB1, 0xA8, 0x0A]
        let result = Self.withFile(named: "gbk.txt", Array("## ".utf8) + Array(repeating: line, count: 50).flatMap { $0 }) {
            ReaderBinary.run(["--list", $0])
        }
        #expect(result.status == 65)
        #expect(result.standardError == "reader: gbk.txt: not a text file (binary data, or not UTF-8)\n")
    }

    /// In `reader DIR`, a compressed file is skipped with a warning, not listed as an issue.
    @Test func aCompressedFileInADirectoryIsSkipped() {
        let directory = "/tmp/reader-limits-dir-\(getpid())"
        let result = Self.shell("mkdir -p \(directory) && gzip -c \(Self.seed) > \(directory)/a.txt.gz && "
            + "\(Self.reader) --list \(directory); echo status=$?; rm -rf \(directory)")
        #expect(result.standardOutput == "status=66\n")
        #expect(result.standardError == """
            reader: a.txt.gz: not a text file (gzip data); skipped
            reader: \(directory): no newspaper files in the directory

            """)
    }

    /// `/dev/zero` is refused from its first bytes (it was read without end).
    @Test func devZeroIsRefusedAtOnce() {
        let result = Self.shell("\(Self.boundedReader) --dump /dev/zero); echo status=$?")
        #expect(result.standardOutput == "status=65\n")
        #expect(result.standardError == "reader: zero: not a text file (binary data, or not UTF-8)\n")
        let piped = Self.shell("head -c 100000 /dev/zero | \(Self.reader) --dump -; echo status=$?")
        #expect(piped.standardOutput == "status=65\n")
        #expect(piped.standardError == "reader: stdin: not a text file (binary data, or not UTF-8)\n")
    }

    /// Endless text with no heading from a pipe: stopped at 64 MiB with one line (it
    /// grew memory without limit).
    @Test func endlessTextWithNoHeadingIsStoppedAtTheLimit() {
        let result = Self.shell("yes 中文 | \(Self.boundedReader) --dump -) | tail -c 20; echo status=$?")
        #expect(result.standardOutput == "status=0\n")
        #expect(result.standardError
            == "reader: stdin: an article over 64 MiB (no '## ' heading ends it) cannot be read from a pipe\n")
        let status = Self.shell("yes 中文 | \(Self.boundedReader) --dump -) >/dev/null 2>&1; echo status=$?")
        #expect(status.standardOutput == "status=65\n")
    }

    /// Endless articles stream: the first ones come out while the input goes on.
    @Test func endlessArticlesStream() {
        let result = Self.shell("yes '## 标题' | \(Self.boundedReader) --dump --width 20 -) | head -n 3")
        #expect(result.standardOutput == "## 标题\n\n## 标题\n")
        #expect(result.standardError == "")
    }

    /// `--list` reads piece by piece too: endless articles are listed as they come, an
    /// endless article is stopped at the limit (it read the whole input first).
    @Test func listStreamsAndStopsAtTheLimit() {
        let result = Self.shell("yes '## 标题' | \(Self.boundedReader) --list -) | head -n 2")
        #expect(result.standardOutput == "1\t标题\t0\n2\t标题\t0\n")
        let endless = Self.shell("yes 中文 | \(Self.boundedReader) --list -); echo status=$?")
        #expect(endless.standardOutput == "status=65\n")
        #expect(endless.standardError
            == "reader: stdin: an article over 64 MiB (no '## ' heading ends it) cannot be read from a pipe\n")
    }

    /// A write error on standard output: one line and exit 74 (it exited 0).
    @Test func aFullDeviceIsAnOutputError() {
        for option in ["--dump", "--list"] {
            let result = Self.shell("\(Self.reader) \(option) \(Self.seed) >/dev/full; echo status=$?")
            #expect(result.standardOutput == "status=74\n")
            #expect(result.standardError == "reader: standard output: No space left on device\n")
        }
    }

    /// A file with a line over 4 MiB (`ArticlePieces.hugeLineBytes`), which `--dump` holds
    /// only by its ends and reads again from the file, dumps exactly as the same text piped
    /// in (held whole).
    @Test func aHugeLineOfAFileDumpsAsThePipedText() {
        let line = String(repeating: "重庆计划3年内建成公共领域车辆全面电动化试点城市，到2025年“新增”车辆", count: 60_000)
        let text = "## 一段\n\n" + line + "。\n\n## 二\n\n句子。\n"
        Self.withFile(named: "huge.txt", Array(text.utf8)) { path in
            let dump = "\(Self.reader) --no-config --dump --width 37 \(TmuxSession.quote(path))"
            let file = Self.shell("\(dump) | md5sum")
            let piped = Self.shell(
                "cat \(TmuxSession.quote(path)) | \(Self.reader) --no-config --dump --width 37 - | md5sum")
            let ends = Self.shell("\(dump) | head -n 4; \(dump) | tail -n 5")
            #expect(file.standardOutput == piped.standardOutput)
            #expect(ends.standardOutput == """
                ## 一段

                  重庆计划3年内建成公共领域车辆全面电
                动化试点城市，到2025年“新增”车辆重庆
                车辆。

                ## 二

                  句子。

                """)
            #expect(file.standardError == "" && piped.standardError == "")
        }
    }

    /// A pipe closed by its reader ends the dump silently.
    @Test func aClosedPipeIsSilent() {
        let result = Self.shell(
            "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do cat \(Self.seed); done"
                + " | \(Self.reader) --dump --width 40 - | head -n 1")
        #expect(result.standardOutput == "## 重庆计划3年内建成公共领域车辆全面电动\n")
        #expect(result.standardError == "")
    }
}
