import Testing

#if canImport(Glibc)
import Glibc
#endif

/// File names in GBK (not UTF-8) open by their bytes and show escaped (`\xHH` for the
/// bytes that are not UTF-8): `reader "$(printf '人民日报.txt' | iconv -t GBK)"` said "No
/// such file or directory", and in `reader DIR` such files vanished.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct NonUTF8FileNameTests {
    /// 人民日报 in GBK, as printf octal escapes for the shell.
    static let gbkName = #"\310\313\303\361\310\325\261\250.txt"#
    /// How the reader shows that name: D5 B1 happen to be valid UTF-8 (U+0571).
    static let shownName = #"\xC8\xCB\xC3\xF1\xC8ձ\xA8.txt"#

    /// A directory holding the seed under the GBK name and as b.txt; removed after `body`.
    static func withDirectory<T>(_ body: (String) -> T) -> T {
        let directory = "/tmp/reader-gbk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        TmuxSession.run("mkdir -p \(directory) && cp \(TmuxSession.quote(TmuxSession.seedPath)) "
            + "\"\(directory)/$(printf '\(gbkName)')\" && cp \(TmuxSession.quote(TmuxSession.seedPath)) \(directory)/b.txt")
        defer { TmuxSession.run("rm -rf \(directory)") }
        return body(directory)
    }

    @Test func aGBKNamedFileOpens() {
        let result = Self.withDirectory { directory in
            TmuxSession.run("\(TmuxSession.quote(ReaderBinary.path)) --list \"\(directory)/$(printf '\(Self.gbkName)')\" | head -n 1; echo status=$?")
        }
        #expect(result.output == "1\t重庆计划3年内建成公共领域车辆全面电动化试点城市 到2025年将建成充电桩超24万个\t0\nstatus=0\n")
        let missing = Self.withDirectory { directory in
            TmuxSession.run("\(TmuxSession.quote(ReaderBinary.path)) --list \"/nonexistent/$(printf '\(Self.gbkName)')\" 2>&1; echo status=$?")
        }
        #expect(missing.output == "reader: /nonexistent/\(Self.shownName): No such file or directory\nstatus=66\n")
    }

    /// In the issue list of a directory, the GBK-named issue is there, its name escaped;
    /// it opens, and the terminal is sane after.
    @Test func aGBKNamedFileIsInTheIssueList() {
        Self.withDirectory { directory in
            let session = TmuxSession(command: TmuxSession.shellCommand)
            session.waitFor { $0.first?.hasPrefix("$") == true }
            session.type(TmuxSession.readerCommand(directory) + "; echo exit=$?")
            session.send("Enter")
            let list = session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.count > 3 }
            #expect(list[0].hasSuffix("2 issues"))
            #expect(list[1].hasPrefix("▸ 1 b.txt "))
            #expect(list[2].hasPrefix("  2 \(Self.shownName) "))
            session.send("Down", "Enter")
            let articles = session.waitFor { $0.first?.hasPrefix(" Reader | \(Self.shownName)") == true }
            #expect(articles[0].hasSuffix("10 articles"))
            session.send("q", "q")
            session.waitFor { $0.contains("exit=0") }
            session.type("stty -a; echo status=$?")
            session.send("Enter")
            InteractiveReaderTests().expectSaneTerminal(session.waitFor { $0.contains("status=0") })
        }
    }

    /// Two names that decode alike (U+FFFD for different bytes) each open their own file.
    @Test func twoNamesThatDecodeAlikeStayApart() {
        let directory = "/tmp/reader-gbk2-\(getpid())"
        TmuxSession.run("mkdir -p \(directory) && printf '## 甲\\n' > \"\(directory)/$(printf '\\310\\313')\" "
            + "&& printf '## 乙\\n\\n## 丙\\n' > \"\(directory)/$(printf '\\303\\361')\"")
        defer { TmuxSession.run("rm -rf \(directory)") }
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type("cd \(directory) && " + TmuxSession.readerCommand("\"$(printf '\\310\\313')\" \"$(printf '\\303\\361')\"")
            + "; echo exit=$?")
        session.send("Enter")
        // The rows it checks, drawn (the title row can be there first).
        let list = session.waitFor { $0.count > 3 && $0[2].hasSuffix(" unread") }
        #expect(list[1].hasPrefix(#"▸ 1 \xC8\xCB "#))
        #expect(list[1].hasSuffix(" 1 article  1 unread"))
        #expect(list[2].hasPrefix(#"  2 \xC3\xF1 "#))
        #expect(list[2].hasSuffix(" 2 articles  2 unread"))
        session.send("q")
        session.waitFor { $0.contains("exit=0") }
    }
}
