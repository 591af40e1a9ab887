import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `y` and `Y` in tmux: the text reaches tmux's own clipboard (its paste buffer) by OSC 52
/// with `set-clipboard on`, or the configured `clipboard` program.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct CopyEndToEndTests {
    /// A short issue whose first paragraph wraps at both sizes.
    static let issue = "## 复制测试\n\n第一段：重庆计划3年内建成公共领域车辆全面电动化试点城市，到2025年将建成充电桩超24万个，"
        + "换电站141座。\n\n第二段很短。\n"

    static func withIssue(_ body: (String) -> Void) {
        let path = "/tmp/reader-copy-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        ReaderBinary.writeFile(path, issue)
        defer { unlink(path) }
        body(path)
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func yAndCapitalYReachTmuxsClipboard(size: (columns: Int, rows: Int)) {
        CopyEndToEndTests.withIssue { path in
            let session = TmuxSession(
                columns: size.columns, rows: size.rows, command: TmuxSession.readerCommand(TmuxSession.quote(path)))
            session.tmux("set-option -g set-clipboard on")
            session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
            session.send("Enter")
            session.waitFor { $0.first?.hasSuffix("article 1/1") == true }
            session.type("/第一段")
            session.send("Enter", "y")
            let copied = session.waitFor { $0.last?.hasPrefix(" copied paragraph") == true }
            #expect(copied.last?.hasPrefix(" copied paragraph (55 characters)") == true, "\(copied.last ?? "")")
            #expect(session.tmux("show-buffer").output
                == "第一段：重庆计划3年内建成公共领域车辆全面电动化试点城市，到2025年将建成充电桩超24万个，换电站141座。")
            session.send("Y")
            let whole = session.waitFor { $0.last?.hasPrefix(" copied article") == true }
            #expect(whole.last?.hasPrefix(" copied article (70 characters)") == true, "\(whole.last ?? "")")
            #expect(session.tmux("show-buffer").output == String(CopyEndToEndTests.issue.dropFirst(3)))
        }
    }

    @Test func anArticleOverTheTerminalLimitIsRefusedWithItsSize() {
        let path = "/tmp/reader-copy-large-\(getpid()).txt"
        // 420,000 ideographs: 1.2 MiB of UTF-8, over OSC 52's 1 MiB.
        ReaderBinary.writeFile(path, "## 长文\n\n" + String(repeating: "重庆市经信委获悉", count: 52_500) + "\n")
        defer { unlink(path) }
        let session = TmuxSession(columns: 80, rows: 24, command: TmuxSession.readerCommand(TmuxSession.quote(path)))
        session.tmux("set-option -g set-clipboard on")
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/1") == true }
        session.send("Y")
        let refused = session.waitFor { $0.last?.contains("too large") == true }
        #expect(refused.last?.hasPrefix(" article too large to copy: 1.2 MiB (the terminal takes 1 MiB; set clipboard)")
            == true, "\(refused.last ?? "")")
    }

    @Test func theConfiguredProgramGetsTheTextOnItsInput() {
        CopyEndToEndTests.withIssue { path in
            let output = path + ".copied"
            let config = path + ".toml"
            ReaderBinary.writeFile(config, "clipboard = [\"tee\", \"\(output)\"]\n")
            defer { unlink(output); unlink(config) }
            let session = TmuxSession(
                columns: 40, rows: 12,
                command: TmuxSession.readerCommand("--config \(TmuxSession.quote(config)) \(TmuxSession.quote(path))"))
            session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
            session.send("Enter")
            session.type("/第二段")
            session.send("Enter", "y")
            let copied = session.waitFor { $0.last?.hasPrefix(" copied") == true }
            #expect(copied.last?.hasPrefix(" copied paragraph (6 characters)") == true, "\(copied.last ?? "")")
            #expect(ReaderBinary.readFile(output) == "第二段很短。")
        }
    }
}
