import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The test feed server (Tests/FeedServer/feed_server.py) for the binary's feed commands:
/// started once, it ends when this test process does (`--watch-pid`).
enum FeedTestServer {
    static let port: Int = {
        let portFile = "/tmp/reader-feed-server-\(getpid())"
        _ = system("python3 '\(ReaderBinary.packageRoot)/Tests/FeedServer/feed_server.py' --watch-pid \(getpid()) > '\(portFile)' 2>/dev/null &")
        for _ in 0..<200 {
            if let port = Int(ReaderBinary.readFile(portFile).split(separator: "\n").first ?? "") { return port }
            usleep(50_000)
        }
        return 0
    }()

    static func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}

/// `reader --fetch`, `reader URL`, OPML and the feed list, run as a user runs them, with a
/// HOME of their own.
@Suite struct FeedEndToEndTests {
    /// A new HOME with `feeds` as its subscriptions file; its environment for the reader.
    func home(feeds: String) -> (path: String, environment: [String: String]) {
        let path = "/tmp/reader-feeds-home-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        _ = system("mkdir -p '\(path)/.config/reader'")
        ReaderBinary.writeFile(path + "/.config/reader/feeds", feeds)
        return (path, ["HOME": path, "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "XDG_STATE_HOME": ""])
    }

    @Test func fetchReportsFailuresThenUsesNotModified() {
        let news = FeedTestServer.url("/news.rss"), fail = FeedTestServer.url("/fail.rss")
        let home = home(feeds: "\(news) \"~News\"\n\(fail)\n\(FeedTestServer.url("/gb18030.rss")) \"cn\"\n")
        defer { _ = system("rm -rf '\(home.path)'") }
        let first = ReaderBinary.run(["--fetch"], environment: home.environment)
        #expect(first.status == 1)
        #expect(first.standardError == "reader: \(fail): HTTP 500 Internal Server Error\n")
        #expect(first.standardOutput == "3 feeds: 2 updated (3 new articles), 0 not modified, 1 failed\n")
        let second = ReaderBinary.run(["--fetch"], environment: home.environment)
        #expect(second.status == 1)
        #expect(second.standardOutput == "3 feeds: 1 updated (0 new articles), 1 not modified, 1 failed\n")
        let onlyGood = ReaderBinary.run(["--fetch"], environment: self.home(feeds: news + "\n").environment)
        #expect(onlyGood.status == 0)
        #expect(onlyGood.standardError == "")
    }

    @Test func aURLIsFetchedAndLaidOut() {
        let home = home(feeds: "")
        defer { _ = system("rm -rf '\(home.path)'") }
        let result = ReaderBinary.run(
            ["--dump", "--width", "40", FeedTestServer.url("/gb18030.rss")], environment: home.environment)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == """
            ## 𠮷野家与“中国”

              新华社北京12月6日电。记者从国家统计局
            获悉，全国粮食总产量再创新高。

            """)
    }

    @Test func aFeedGoneOfflineIsReadFromTheStore() {
        let home = home(feeds: "")
        defer { _ = system("rm -rf '\(home.path)'") }
        let url = FeedTestServer.url("/once/\(UInt32.random(in: 0...UInt32.max)).rss")
        let online = ReaderBinary.run(["--list", url], environment: home.environment)
        #expect(online.standardOutput == "1\t重庆计划3年内建成试点城市\t1\n2\tSecond item\t0\n")
        let offline = ReaderBinary.run(["--list", url], environment: home.environment)
        #expect(offline.status == 0)
        #expect(offline.standardOutput == online.standardOutput)
        #expect(offline.standardError == "reader: \(url): HTTP 500 Internal Server Error; showing what was fetched before\n")
        let never = ReaderBinary.run(["--list", FeedTestServer.url("/fail.rss")], environment: home.environment)
        #expect(never.status == 66)
        #expect(never.standardError == "reader: \(FeedTestServer.url("/fail.rss")): HTTP 500 Internal Server Error\n")
    }

    @Test func opmlImportThenExport() {
        let home = home(feeds: "https://example.com/cq.rss \"~Mine\"\n")
        defer { _ = system("rm -rf '\(home.path)'") }
        let opml = ReaderBinary.packageRoot + "/Tests/Fixtures/subscriptions.opml"
        let imported = ReaderBinary.run(["--import-opml", opml], environment: home.environment)
        #expect(imported.status == 0)
        #expect(imported.standardOutput == "1 feeds added to \(home.path)/.config/reader/feeds\n")
        #expect(ReaderBinary.readFile(home.path + "/.config/reader/feeds") == """
            https://example.com/cq.rss "~Mine"
            https://lwn.net/headlines/rss "~LWN & co" "Tech"

            """)
        let exported = ReaderBinary.run(["--export-opml"], environment: home.environment)
        #expect(exported.standardOutput == """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Reader subscriptions</title></head>
              <body>
                <outline type="rss" text="Mine" title="Mine" xmlUrl="https://example.com/cq.rss"/>
                <outline text="Tech">
                  <outline type="rss" text="LWN &amp; co" title="LWN &amp; co" xmlUrl="https://lwn.net/headlines/rss"/>
                </outline>
              </body>
            </opml>

            """)
        let notOPML = ReaderBinary.run(["--import-opml", ReaderBinary.seed], environment: home.environment)
        #expect(notOPML.status == 65)
        #expect(notOPML.standardError.hasPrefix("reader: \(ReaderBinary.seed): not OPML"))
    }

    @Test func aDamagedStoreIsMovedAside() {
        let home = home(feeds: FeedTestServer.url("/news.rss") + "\n")
        defer { _ = system("rm -rf '\(home.path)'") }
        _ = system("mkdir -p '\(home.path)/.local/share/reader' && head -c 4096 /dev/zero | tr '\\0' x > '\(home.path)/.local/share/reader/feeds.sqlite'")
        let result = ReaderBinary.run(["--fetch"], environment: home.environment)
        #expect(result.status == 0)
        #expect(result.standardError == "reader: \(home.path)/.local/share/reader/feeds.sqlite: the feed store is damaged "
            + "(file is not a database); moved aside to feeds.sqlite.damaged, a new one started\n")
        #expect(ReaderBinary.readFile(home.path + "/.local/share/reader/feeds.sqlite.damaged") == String(repeating: "x", count: 4096))
    }

    @Test func theOptionsCannotBeMixed() {
        let result = ReaderBinary.run(["--fetch", "--export-opml"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --fetch, --import-opml and --export-opml cannot be used together.\n"))
    }
}

/// `reader` with subscriptions, in tmux: the feeds are the issue list, their items the articles.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct FeedListEndToEndTests {
    /// `rows` with the fetch times and the server's port made fixed words.
    func fixed(_ rows: [String]) -> [String] {
        rows.map {
            $0.replacing(/\d{4}-\d\d-\d\d \d\d:\d\d/, with: "YYYY-MM-DD hh:mm")
                .replacing(/\d{4}-\d\d-\d\d…/, with: "YYYY-MM-DD…")
                .replacing(":\(FeedTestServer.port)/", with: ":PORT/")
        }
    }

    /// `reader` in tmux (80 × 8) with `home` as HOME.
    func listSession(home: String) -> TmuxSession {
        TmuxSession(
            columns: 80, rows: 8,
            command: "env HOME=\(TmuxSession.quote(home)) XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_STATE_HOME= "
                + TmuxSession.readerCommand(""))
    }

    @Test func theSubscribedFeedsAreTheIssueList() {
        let home = "/tmp/reader-feeds-home-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = system("rm -rf '\(home)'") }
        _ = system("mkdir -p '\(home)/.config/reader'")
        ReaderBinary.writeFile(
            home + "/.config/reader/feeds",
            "\(FeedTestServer.url("/news.rss")) \"~News\"\n\(FeedTestServer.url("/fail.rss"))\n")
        let session = listSession(home: home)
        // Each screen is waited for whole: ambiguous characters (·, §) are drawn after
        // the rest of a refresh, so a screen caught by its first row can lack them.
        let expectedList = [
            " Reader | feeds                                                        2 issues",
            "▸ 1 News · fetched YYYY-MM-DD hh:mm                        2 articles  2 unread",
            "  2 http://127.0.0.1:PORT/fail.rss · fetched YYYY-MM-DD…  0 articles  all read",
            "", "", "", "",
            " [1/2]                                       j/k move  ⏎ open  / search  ? help",
        ]
        let list = session.waitFor { fixed($0) == expectedList }
        #expect(fixed(list) == expectedList)
        session.send("Enter")
        let expectedArticles = [
            " Reader | News · fetched YYYY-MM-DD hh:mm                            2 articles",
            "▸ 1 重庆计划3年内建成试点城市                                    1§  44字 1 min",
            "  2 Second item                                                       11w 1 min",
        ]
        let articles = session.waitFor { Array(fixed($0).prefix(3)) == expectedArticles }
        #expect(Array(fixed(articles).prefix(3)) == expectedArticles)
        session.send("q")
        session.send("q")
    }
}

extension FeedListEndToEndTests {
    /// Read "Second item" while it is the feed's only item, press `R` (the feed gains an
    /// item before it): the mark stays on "Second item"; after a restart too.
    @Test func readMarksFollowTheItemsAcrossRAndARestart() {
        let home = "/tmp/reader-feeds-home-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = system("rm -rf '\(home)'") }
        _ = system("mkdir -p '\(home)/.config/reader'")
        let url = FeedTestServer.url("/grow/\(UInt32.random(in: 0...UInt32.max)).rss")
        ReaderBinary.writeFile(home + "/.config/reader/feeds", "\(url) \"~Growing\"\n")
        let command = "env HOME=\(TmuxSession.quote(home)) XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_STATE_HOME= "
            + "LANG=C.UTF-8 TERM=xterm-256color \(TmuxSession.quote(ReaderBinary.path))"
        let session = TmuxSession(columns: 80, rows: 8, command: command)
        session.waitFor { $0.count > 1 && $0[1].contains("Growing") }
        session.send("Enter")
        session.waitFor { $0.first?.hasPrefix(" Reader | Growing") ?? false }
        session.send("u", "q")
        let marked = session.waitFor { $0.count > 1 && $0[1].hasSuffix("all read") }
        #expect(marked[1].hasSuffix("1 article  all read"))
        session.send("R")
        let reloaded = session.waitFor { $0.count > 7 && $0[7].contains("1 feed: 1 updated") }
        #expect(reloaded[1].hasSuffix("2 articles  1 unread"))
        #expect(reloaded[7].hasPrefix(" 1 feed: 1 updated (1 new article), 0 not modified, 0 failed"))
        session.send("Enter")
        let list = session.waitFor { $0.first?.hasPrefix(" Reader | Growing") ?? false }
        #expect(Array(list[1...2]) == [
            "▸ 1 重庆计划3年内建成试点城市                                    1§  44字 1 min",
            " ✓2 Second item                                                       11w 1 min",
        ])
        session.send("q", "q")
        session.waitFor { !($0.first?.hasPrefix(" Reader") ?? false) }
        // Restarted: the store has "Second item" read, whatever the state file says.
        let again = TmuxSession(columns: 80, rows: 8, command: command)
        let restarted = again.waitFor { $0.count > 1 && $0[1].contains("Growing") }
        #expect(restarted[1].hasSuffix("2 articles  1 unread"))
        again.send("q")
    }
}

extension FeedListEndToEndTests {
    /// `*` on a feed article sets its item's bookmarked flag in the store (so that
    /// `keep_days` never removes it), and a second `*` clears it.
    @Test func aStarIsKeptInTheFeedStore() {
        let home = "/tmp/reader-feeds-home-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { _ = system("rm -rf '\(home)'") }
        _ = system("mkdir -p '\(home)/.config/reader'")
        ReaderBinary.writeFile(home + "/.config/reader/feeds", "\(FeedTestServer.url("/news.rss")) \"~News\"\n")
        let command = "env HOME=\(TmuxSession.quote(home)) XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_STATE_HOME= "
            + "LANG=C.UTF-8 TERM=xterm-256color \(TmuxSession.quote(ReaderBinary.path))"
        /// The bookmarked flags of the feed's items, in the feed's order.
        func flags() -> String {
            TmuxSession.run(
                "python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
                    + "\"SELECT group_concat(isBookmarked) FROM (SELECT isBookmarked FROM item ORDER BY position)\""
                    + ").fetchone()[0])' \(TmuxSession.quote(home + "/.local/share/reader/feeds.sqlite"))"
            ).output
        }
        for expected in ["0,1\n", "0,0\n"] {
            let session = TmuxSession(columns: 80, rows: 8, command: command)
            session.waitFor { $0.count > 1 && $0[1].contains("News") }
            session.send("Enter")
            session.waitFor { $0.first?.hasPrefix(" Reader | News") ?? false }
            session.send("j", "*")
            session.waitFor { $0.count > 2 && $0[2].hasPrefix("▸ 2") }
            session.send("q", "q")
            session.waitFor { $0.isEmpty }
            #expect(flags() == expected)
        }
    }
}

extension FeedListEndToEndTests {
    /// A HOME subscribed to the News and cn feeds, fetched (`--fetch`) into its store.
    func fetchedNewsAndCn() -> String {
        let home = FeedEndToEndTests().home(
            feeds: "\(FeedTestServer.url("/news.rss")) \"~News\"\n\(FeedTestServer.url("/gb18030.rss")) \"~cn\"\n")
        #expect(ReaderBinary.run(["--fetch"], environment: home.environment).status == 0)
        return home.path
    }

    /// A store fetched before (`--fetch`): the list is drawn from the store's counts (each
    /// feed's text is read afterwards), and Enter on the second feed, then on its first
    /// article, shows that article.
    @Test func theListComesFromTheStoresCountsAndEnterReadsTheFeed() {
        let home = fetchedNewsAndCn()
        defer { _ = system("rm -rf '\(home)'") }
        let session = listSession(home: home)
        let list = session.waitFor { $0.count > 7 && $0[7].hasPrefix(" [1/2]") }
        #expect(fixed(list) == [
            " Reader | feeds                                                        2 issues",
            "▸ 1 News · fetched YYYY-MM-DD hh:mm                        2 articles  2 unread",
            "  2 cn · fetched YYYY-MM-DD hh:mm                           1 article  1 unread",
            "", "", "", "",
            " [1/2]                                       j/k move  ⏎ open  / search  ? help",
        ])
        session.send("j", "Enter")
        // The feed's articles once its text is read (an empty "loading..." list before).
        session.waitFor { $0.count > 1 && ($0.first?.hasPrefix(" Reader | cn") ?? false) && $0[1].hasPrefix("▸ 1") }
        session.send("Enter")
        let article = session.waitFor { $0.first?.contains("article 1/") ?? false }
        #expect(fixed(article) == [
            " Reader | cn · fetched YYYY-MM-DD hh:mm                             article 1/1",
            "                                 𠮷野家与“中国”",
            "",
            "     新华社北京12月6日电。记者从国家统计局获悉，全国粮食总产量再创新高。",
            "", "", "",
            "                    raw  100%  1 min left  q back  t sections  / search  ? help",
        ])
        session.send("q", "q", "q")
    }
}

extension FeedListEndToEndTests {
    /// `R` shows the list again from the store's counts, as at start (each feed's text is
    /// read afterwards), with the fetch's summary; Enter on the second feed shows its articles.
    @Test func rShowsTheListFromTheStoresCountsThenReadsTheFeeds() {
        let home = fetchedNewsAndCn()
        defer { _ = system("rm -rf '\(home)'") }
        let session = listSession(home: home)
        session.waitFor { $0.count > 7 && $0[7].hasPrefix(" [1/2]") }
        session.send("R")
        let reloaded = session.waitFor { $0.count > 7 && $0[7].hasPrefix(" 2 feeds:") }
        #expect(fixed(reloaded) == [
            " Reader | feeds                                                        2 issues",
            "▸ 1 News · fetched YYYY-MM-DD hh:mm                        2 articles  2 unread",
            "  2 cn · fetched YYYY-MM-DD hh:mm                           1 article  1 unread",
            "", "", "", "",
            " 2 feeds: 1 updated (0 new articles), 1 not modified, 0 failed            [1/2]",
        ])
        session.send("j", "Enter")
        let articles = session.waitFor {
            $0.count > 1 && ($0.first?.hasPrefix(" Reader | cn") ?? false) && $0[1].hasPrefix("▸ 1")
        }
        #expect(Array(fixed(articles).prefix(2)) == [
            " Reader | cn · fetched YYYY-MM-DD hh:mm                               1 article",
            "▸ 1 𠮷野家与“中国”                                                   35字 1 min",
        ])
        session.send("q", "q")
    }
}
