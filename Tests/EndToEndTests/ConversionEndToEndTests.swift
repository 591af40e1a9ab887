import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `--convert`, `convert = "…"` and the `c` key, on the built binary.
@Suite(.serialized)
struct ConversionEndToEndTests {
    @Test func dumpAndListAreConverted() {
        let dump = ReaderBinary.run(["--dump", "--width", "40", "--no-config", "--convert", "s2t", ReaderBinary.seed])
        #expect(dump.status == 0)
        #expect(dump.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).prefix(5) == [
            "## 重慶計劃3年內建成公共領域車輛全面電動", "   化試點城市 到2025年將建成充電樁超24萬", "   個", "",
            "  本報訊(重慶日報記者 夏元)11月20日,記者",
        ])
        let list = ReaderBinary.run(["--list", "--no-config", "--convert", "s2twp", ReaderBinary.seed])
        #expect(list.standardOutput.split(separator: "\n").prefix(2) == [
            "1\t重慶計劃3年內建成公共領域車輛全面電動化試點城市 到2025年將建成充電樁超24萬個\t0",
            "2\t國內首個空天資訊產業共同體和千億基金群在渝誕生 首批15項重慶空天資訊應用場景釋出\t3",
        ])
        let none = ReaderBinary.run(["--list", "--no-config", "--convert", "none", ReaderBinary.seed])
        #expect(none.standardOutput.hasPrefix("1\t重庆计划3年内建成"))
    }

    @Test func aBadNameIsAUsageError() {
        let result = ReaderBinary.run(["--list", "--no-config", "--convert", "s2x\u{1B}[31m", ReaderBinary.seed])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix(
            "Error: --convert must be one of s2t|s2tw|s2twp|s2hk|t2s|tw2s|hk2s|none, not 's2x^[[31m'."))
    }

    @Test func theConfigurationFileSetsTheConversion() {
        let directory = "/tmp/reader-convert-\(getpid())"
        mkdir(directory, 0o700)
        defer { _ = system("rm -rf '\(directory)'") }
        ReaderBinary.writeFile(directory + "/config.toml", "convert = \"s2hk\"\n")
        let result = ReaderBinary.run(["--config", directory + "/config.toml", "--list", ReaderBinary.seed])
        #expect(result.standardOutput.hasPrefix("1\t重慶計劃3年內建成"))
        #expect(result.standardError.isEmpty)
        // The flag wins over the file.
        let flag = ReaderBinary.run(["--config", directory + "/config.toml", "--convert", "none", "--list", ReaderBinary.seed])
        #expect(flag.standardOutput.hasPrefix("1\t重庆计划3年内建成"))
        ReaderBinary.writeFile(directory + "/bad.toml", "convert = \"x2y\"\n")
        let bad = ReaderBinary.run(["--config", directory + "/bad.toml", "--list", ReaderBinary.seed])
        #expect(bad.standardOutput.hasPrefix("1\t重庆计划3年内建成"))
        #expect(bad.standardError.contains("convert must be one of s2t|s2tw|s2twp|s2hk|t2s|tw2s|hk2s|none in quotes"))
    }
}

/// The `c` key in a real terminal.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ConversionInteractiveTests {
    @Test func cSwitchesTheOpenArticleAndBackAtTheSamePlace() {
        let session = TmuxSession(columns: 60, rows: 12, command: TmuxSession.readerCommand())
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.last?.isEmpty == false }
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/10") == true }
        session.send("Down", "Down", "Down")
        let before = session.waitFor { $0.count == 12 && $0[1].contains("本报讯") }
        session.send("c")
        let converted = session.waitFor { $0.last?.hasPrefix(" shown converted: s2t") == true }
        #expect(converted[0] == before[0])
        #expect(before[1] == "     本报讯(重庆日报记者 夏元)11月20日,记者从市经信委获悉,")
        #expect(converted[1] == "     本報訊(重慶日報記者 夏元)11月20日,記者從市經信委獲悉,")
        session.send("j")
        let status = session.waitFor { $0.last?.hasSuffix("? help") == true && $0.last?.contains("(s2t)") == true }
        #expect(status.last == "    1 join | r: raw  (s2t)  45%  2 min left  q back  ? help")
        session.send("k", "c")
        // The cells drawn after curses' refresh (ambiguous-width quotation marks) come a
        // moment after the status bar: wait for the whole body, not only the message.
        let back = session.waitFor {
            $0.last?.hasPrefix(" shown as in the source") == true && $0.count == 12 && Array($0[0..<11]) == Array(before[0..<11])
        }
        #expect(Array(back[0..<11]) == Array(before[0..<11]))
    }

    @Test func convertFlagStartsConvertedAndCShowsTheSource() {
        let session = TmuxSession(
            columns: 60, rows: 8,
            command: TmuxSession.readerCommand("--no-config --convert tw2s " + TmuxSession.quote(TmuxSession.seedPath)))
        let list = session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.last?.isEmpty == false }
        #expect(list[7].hasPrefix(" [1/10] (tw2s)"))
        session.send("c")
        let shown = session.waitFor { $0.last?.hasPrefix(" shown as in the source") == true }
        #expect(shown[1].hasPrefix("▸  1 重庆计划3年内建成"))
    }
}
