import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `reader` binary and captures its output and exit status.
struct ProcessResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum ReaderBinary {
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 {
            if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
        }
        return path
    }()

    /// $READER_BINARY (set by `make test`), else the debug build.
    static let path: String = {
        if let value = getenv("READER_BINARY").map({ String(cString: $0) }), !value.isEmpty { return value }
        return packageRoot + "/.build/debug/reader"
    }()

    static let seed = packageRoot + "/seeds/000_87085fd43abf9c5f.txt"

    /// Runs `reader` with `arguments` through /bin/sh (stdin from /dev/null unless `input` is given),
    /// with `environment` added to the environment.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) -> ProcessResult {
        let directory = "/tmp/reader-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(directory, 0o700)
        defer { _ = system("rm -rf '\(directory)'") }
        let stdinPath = directory + "/in"
        writeFile(stdinPath, input ?? "")
        let quoted = ([path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let variables = environment.sorted { $0.key < $1.key }
            .map { "\($0.key)='" + $0.value.replacingOccurrences(of: "'", with: "'\\''") + "' " }.joined()
        let command = (variables.isEmpty ? "" : "env " + variables) + quoted.joined(separator: " ") + " <'\(stdinPath)' >'\(directory)/out' 2>'\(directory)/err'"
        let raw = system(command)
        let status = (raw >> 8) & 0xFF
        return ProcessResult(status: status, standardOutput: readFile(directory + "/out"), standardError: readFile(directory + "/err"))
    }

    static func writeFile(_ path: String, _ text: String) {
        guard let file = fopen(path, "wb") else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
        fclose(file)
    }

    static func readFile(_ path: String) -> String {
        String(decoding: readBytes(path), as: UTF8.self)
    }

    static func readBytes(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}

@Suite struct CommandLineTests {
    @Test func listPrintsOneLinePerArticle() {
        let result = ReaderBinary.run(["--list", ReaderBinary.seed])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 11)  // 10 articles and the final newline
        #expect(lines[0] == "1\t重庆计划3年内建成公共领域车辆全面电动化试点城市 到2025年将建成充电桩超24万个\t0")
        #expect(lines[1] == "2\t国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发布\t3")
        #expect(lines[9] == "10\t人均年产值300万元背后的“三条路” 全球最大汽车天窗制造商伟巴斯特 重庆工厂获“最佳运营奖”揭秘\t0")
        #expect(result.standardError == "")
    }

    @Test func missingFileIsOneLineOnStandardError() {
        let result = ReaderBinary.run(["/nonexistent"])
        #expect(result.status == 66)
        #expect(result.standardError == "reader: /nonexistent: No such file or directory\n")
        #expect(result.standardOutput == "")
    }

    @Test func emptyDirectoryIsAnError() {
        let directory = "/tmp/reader-empty-\(getpid())"
        mkdir(directory, 0o700)
        ReaderBinary.writeFile(directory + "/.hidden", "## 甲\n")
        defer { _ = system("rm -rf '\(directory)'") }
        let result = ReaderBinary.run([directory])
        #expect(result.status == 66)
        #expect(result.standardError == "reader: \(directory): no newspaper files in the directory\n")
    }

    @Test func archiveTakesNoDumpOrList() {
        let result = ReaderBinary.run(["--list", ReaderBinary.seed, ReaderBinary.seed])
        #expect(result.status == 64)
        #expect(result.standardError
            == "reader: --dump and --list (and output to a pipe) take one FILE, not a directory or several\n")
    }

    /// To a pipe, a directory is refused after its first issue: the rest is not read
    /// (the binary file after it would be a warning).
    @Test func anArchiveToAPipeReadsOneIssue() {
        let directory = "/tmp/reader-pipe-archive-\(getpid())"
        mkdir(directory, 0o700)
        ReaderBinary.writeFile(directory + "/a.txt", "## 甲\n")
        ReaderBinary.writeFile(directory + "/b.txt", String(repeating: "\u{0}", count: 100))
        defer { _ = system("rm -rf '\(directory)'") }
        let result = ReaderBinary.run([directory])
        #expect(result.status == 64)
        #expect(result.standardError
            == "reader: --dump and --list (and output to a pipe) take one FILE, not a directory or several\n")
    }

    @Test func binaryFileIsRefused() {
        let result = ReaderBinary.run([ReaderBinary.path])
        #expect(result.status == 65)
        #expect(result.standardError == "reader: reader: not a text file (ELF data)\n")
    }

    /// `--dump` reads in pieces of whole articles; the check for text still looks at the
    /// first 64 KiB of the file, not only at the first piece (two short articles here).
    @Test func binaryAfterAShortArticleIsRefusedByTheDump() {
        let path = "/tmp/reader-binary-tail-\(getpid()).txt"
        ReaderBinary.writeFile(path, "## a\n\nx\n## b\n" + String(repeating: "\u{0}", count: 20_000))
        defer { unlink(path) }
        let result = ReaderBinary.run(["--dump", path])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        let name = String(path.split(separator: "/").last ?? "")
        #expect(result.standardError == "reader: \(name): not a text file (binary data, or not UTF-8)\n")
    }

    @Test func unreadableFileIsRefused() {
        let path = "/tmp/reader-unreadable-\(getpid()).txt"
        ReaderBinary.writeFile(path, "## 甲\n")
        chmod(path, 0)
        defer { unlink(path) }
        let result = ReaderBinary.run(["--list", path])
        if getuid() == 0 {
            // root reads any file: the file is listed.
            #expect(result.status == 0)
            #expect(result.standardOutput == "1\t甲\t0\n")
        } else {
            #expect(result.status == 66)
            #expect(result.standardError == "reader: \(path): Permission denied\n")
        }
    }

    @Test func fileNameWithEscapeIsShownSafely() {
        let result = ReaderBinary.run(["/nonexistent/\u{1B}]0;pwned\u{07}"])
        #expect(result.status == 66)
        #expect(result.standardError == "reader: /nonexistent/^[]0;pwned^G: No such file or directory\n")
    }

    @Test func standardInputWithDash() {
        let result = ReaderBinary.run(["--list", "-"], input: "## 甲\n\n正文\n\n### 节\n\n## 乙\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "1\t甲\t1\n2\t乙\t0\n")
    }

    @Test func notATerminalImpliesDump() {
        let result = ReaderBinary.run(["--width", "20", "-"], input: "## 标题\n\n这是一个用来测试自动换行的段落。\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "## 标题\n\n  这是一个用来测试自\n动换行的段落。\n")
    }

    @Test func badWidthIsAUsageError() {
        let result = ReaderBinary.run(["--width", "0", ReaderBinary.seed])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --width must be between 1 and 10000, not 0.\n"))
    }

    /// A usage error quotes the argument: an OSC sequence and a bidi override in it reach
    /// stderr as ^[, ^G and U+FFFD (argument-parser printed them raw).
    @Test func usageErrorsQuoteArgumentsSafely() {
        let result = ReaderBinary.run(["--width", "\u{1B}]0;x\u{07}\u{202E}", ReaderBinary.seed])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: The value '^[]0;x^G\u{FFFD}' is invalid for '--width <N>'\n"))
        #expect(!result.standardError.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }
}
