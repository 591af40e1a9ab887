import Foundation
import Testing

/// Feeds, HTML and Markdown files through `reader --dump` and `--list`, exactly.
@Suite struct SourceFormatEndToEndTests {
    static func fixture(_ name: String) -> String { ReaderBinary.packageRoot + "/Tests/Fixtures/" + name }

    @Test func dumpOfRSSFeed() {
        let result = ReaderBinary.run(["--dump", "--width", "40", Self.fixture("news.rss")])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == """
            ## 重庆计划3年内建成试点城市

              Sun, 06 Dec 2026 08:00:00 +0800 · 夏元

              本报讯 11月20日，记者从市经信委[1]获
            悉。

            ### 充电桩

              计划到2025年建成充电桩超过24万个。

              ## not a heading

              https://example.com/a/1

              [1] https://example.com/jxw

            ## Second item

              Escaped HTML body & more.

              https://example.com/a/2

            """)
    }

    @Test func listOfHTMLPage() {
        let result = ReaderBinary.run(["--list", Self.fixture("page.html")])
        #expect(result.status == 0)
        #expect(result.standardOutput == "1\tEvening & News\t0\n2\tFirst story\t1\n3\tSecond story\t1\n")
    }

    /// Standard input is sniffed: a JSON Feed piped in is read as a feed, for --list and --dump.
    @Test func jsonFeedFromStandardInput() {
        let feed = ReaderBinary.readFile(Self.fixture("news.json"))
        let list = ReaderBinary.run(["--list", "-"], input: feed)
        #expect(list.status == 0)
        #expect(list.standardOutput == "1\tJSON item\t0\n2\t(untitled)\t0\n")
        let dump = ReaderBinary.run(["--dump", "--width", "60"], input: feed)
        #expect(dump.status == 0)
        #expect(dump.standardOutput == """
            ## JSON item

              2026-12-06T11:00:00Z · Cy

              HTML body.

              两段。

              https://example.com/j/1

            ## (untitled)

              Untitled text item.

              Second paragraph.

            """)
    }

    @Test func billionLaughsIsRefusedWithOneLine() {
        for mode in ["--dump", "--list"] {
            let result = ReaderBinary.run([mode, Self.fixture("billion-laughs.rss")])
            #expect(result.status == 65)
            #expect(result.standardOutput == "")
            #expect(result.standardError
                == "reader: billion-laughs.rss: entities refused (line 15: Detected an entity reference loop)\n")
        }
    }

    /// Control bytes inside a feed never reach the output raw: in XML and HTML (where they
    /// are not characters) they become U+FFFD, in JSON text they are shown as `^[`.
    @Test func controlBytesInFeedsAreNeverRaw() {
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>I\u{1B}[2J</title>"
            + "<description><![CDATA[<p>Body \u{1B}[31m red</p><script>x\u{1B}]0;t\u{07}</script>]]></description></item></channel></rss>"
        let fromXML = ReaderBinary.run(["--dump", "--width", "60", "-"], input: xml)
        #expect(fromXML.status == 0)
        #expect(fromXML.standardOutput == "## I\u{FFFD}[2J\n\n  Body \u{FFFD}[31m red\n")
        let json = #"{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"A\u001b[2J","content_text":"x\u0007y"}]}"#
        let fromJSON = ReaderBinary.run(["--dump", "--width", "60", "-"], input: json)
        #expect(fromJSON.status == 0)
        #expect(fromJSON.standardOutput == "## A^[[2J\n\n  x^Gy\n")
        #expect(!HostileInputTests.hasControlBytes(fromXML.standardOutput + fromJSON.standardOutput))
    }

    /// A Markdown file: `#` and `##` are articles, `###` sections.
    @Test func listOfMarkdownFile() {
        let result = ReaderBinary.run(["--list", Self.fixture("notes.md")])
        #expect(result.status == 0)
        #expect(result.standardOutput == "1\tWeek notes\t0\n2\tSecond article\t1\n")
    }

    /// A plain text issue named .txt is read as before, even when it starts like markup.
    @Test func textFileStaysText() {
        let path = "/tmp/reader-sources-\(getpid()).txt"
        ReaderBinary.writeFile(path, "<rss>\n\n## 标题\n\n正文\n")
        defer { unlink(path) }
        let result = ReaderBinary.run(["--list", path])
        #expect(result.standardOutput == "1\t(front matter)\t0\n2\t标题\t0\n")
    }
}

/// A feed in the interactive reader (tmux): the feed's title names the issue, items are the list.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct SourceFormatInteractiveTests {
    @Test func feedOpensOnItsItemList() {
        let path = SourceFormatEndToEndTests.fixture("news.rss")
        let session = TmuxSession(
            columns: 60, rows: 10, command: TmuxSession.readerCommand("--no-state " + TmuxSession.quote(path)))
        let screen = session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.last?.isEmpty == false }
        #expect(screen[0] == " Reader | 重庆日报 & Friends                     2 articles")
        #expect(screen[1].contains("1 重庆计划3年内建成试点城市"))
        #expect(screen[2].contains("2 Second item"))
        session.send("Enter")
        let article = session.waitFor { $0.first?.hasSuffix(" article 1/2") == true }
        #expect(article[1] == "                 重庆计划3年内建成试点城市")
    }
}
