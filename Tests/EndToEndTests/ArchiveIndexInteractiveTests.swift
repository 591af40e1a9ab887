import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `/` in an archive's issue list with the persistent index (`Effect.searchArchive`):
/// the hits the plain search gives, and the index deciding which issues are read.
@Suite(.enabled(if: TmuxSession.isAvailable)) struct ArchiveIndexInteractiveTests {
    /// A scratch archive (`archive/`: a.txt the seed, b.txt and c.txt small issues, all an
    /// hour old, so the index trusts their times) and a cache (`cache/`).
    private final class Scratch {
        let root = "/tmp/reader-archive-index-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var archive: String { root + "/archive" }
        var cache: String { root + "/cache" }
        /// The files' modification time (seconds since 1970), the same each time it is set.
        let anHourAgo = Int(time(nil)) - 3600

        init() {
            mkdir(root, 0o700)
            mkdir(archive, 0o700)
            ReaderBinary.writeFile(archive + "/a.txt", ReaderBinary.readFile(ReaderBinary.seed))
            ReaderBinary.writeFile(archive + "/b.txt", "## 甲文章\n\n重庆正文\n\n## 乙\n\n内容\n")
            ReaderBinary.writeFile(archive + "/c.txt", "## 丙\n\n别的别的别的别的\n")
            touchAnHourAgo()
        }

        deinit { _ = system("rm -rf '\(root)'") }

        func touchAnHourAgo() {
            _ = system("touch -m -d @\(anHourAgo) '\(archive)'/*.txt")
        }

        /// Indexes the archive as `reader --search` does.
        func index() {
            let result = ReaderBinary.run(
                ["--no-config", "--search", "重庆正文", archive], environment: ["XDG_CACHE_HOME": cache, "HOME": root])
            #expect(result.standardOutput == "\(archive)/b.txt\t1\t甲文章\t1\n")
        }

        /// The reader on the archive (60×6) with `cache` as its cache, after `/` and `query`,
        /// once the prompt shows the counts; then after Enter.
        func searchInteractively(_ query: String, cache: String) -> (typing: [String], accepted: [String]) {
            let session = TmuxSession(
                columns: 60, rows: 6,
                command: "env XDG_CACHE_HOME=\(TmuxSession.quote(cache)) HOME=\(TmuxSession.quote(root)) "
                    + TmuxSession.readerCommand("--no-config " + TmuxSession.quote(archive)))
            session.waitFor { $0.first?.hasSuffix("3 issues") == true }
            session.send("/")
            session.type(query)
            // The whole query's counts (without the index, each key searches at once: a
            // shorter query's counts show first).
            let typing = session.waitFor { screen in
                guard let last = screen.last, last.hasPrefix("/" + query + " ") else { return false }
                return last.hasSuffix(" issue") || last.hasSuffix(" issues")
            }
            session.send("Enter")
            let accepted = session.waitFor { $0.last?.hasSuffix("? help") == true }
            return (typing, accepted)
        }
    }

    @Test func theHitsOfTheIndexedSearch() {
        let scratch = Scratch()
        scratch.index()
        let screens = scratch.searchInteractively("重庆正文", cache: scratch.cache)
        #expect(screens.typing == [
            " Reader | archive/                                 3 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "",
            "",
            "",
            "/重庆正文                              1 article in 1 issue",
        ])
        #expect(screens.accepted == [
            " Reader | archive/                                 3 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "",
            "",
            "",
            " [1/1] /重庆正文         j/k move  ⏎ open  / search  ? help",
        ])
    }

    /// The index decides which issues are read: c.txt rewritten behind its back with the
    /// query, at the same size and time, is not read again (as for `--search`); with an
    /// empty cache every issue is read and c.txt is found too.
    @Test func theIndexRulesOutTheIssuesItKnowsCannotHoldTheQuery() {
        let scratch = Scratch()
        scratch.index()
        ReaderBinary.writeFile(scratch.archive + "/c.txt", "## 丙\n\n重庆正文别的别的\n")
        scratch.touchAnHourAgo()
        let indexed = scratch.searchInteractively("重庆正文", cache: scratch.cache)
        #expect(indexed.typing.last == "/重庆正文                              1 article in 1 issue")
        let fresh = scratch.searchInteractively("重庆正文", cache: scratch.root + "/empty-cache")
        #expect(fresh.typing == [
            " Reader | archive/                                 3 issues",
            "▸ 1 b.txt │ 甲文章                                    1 hit",
            "  2 c.txt │ 丙                                        1 hit",
            "",
            "",
            "/重庆正文                            2 articles in 2 issues",
        ])
    }

    /// The archive read interactively builds the index in the background (`ArchiveIndexer`):
    /// once every issue's counts show, the index knows each file as it was read, so that
    /// `reader --search` afterwards rules out c.txt rewritten behind its back with the query
    /// at the same size and time (it trusts what the interactive session recorded); with an
    /// empty cache c.txt is read and found.
    @Test func anArchiveReadInteractivelyIsIndexedInTheBackground() {
        let scratch = Scratch()
        let session = TmuxSession(
            columns: 60, rows: 6,
            command: "env XDG_CACHE_HOME=\(TmuxSession.quote(scratch.cache)) HOME=\(TmuxSession.quote(scratch.root)) "
                + TmuxSession.readerCommand("--no-config " + TmuxSession.quote(scratch.archive)))
        let read = session.waitFor { screen in
            screen.dropFirst().prefix(3).allSatisfy { $0.hasSuffix("unread") }
        }
        #expect(read == [
            " Reader | archive/                                 3 issues",
            "▸ 1 a.txt                            10 articles  10 unread",
            "  2 b.txt                              2 articles  2 unread",
            "  3 c.txt                               1 article  1 unread",
            "",
            " [1/3]                   j/k move  ⏎ open  / search  ? help",
        ])
        // The segment is written on a queue of its own once the last file is read.
        var waited = 0
        while access(scratch.cache + "/reader/search-index/manifest", F_OK) != 0, waited < 500 {
            usleep(10_000)
            waited += 1
        }
        session.send("q")
        ReaderBinary.writeFile(scratch.archive + "/c.txt", "## 丙\n\n重庆正文别的别的\n")
        scratch.touchAnHourAgo()
        func search(cache: String) -> String {
            ReaderBinary.run(
                ["--no-config", "--search", "重庆正文", scratch.archive],
                environment: ["XDG_CACHE_HOME": cache, "HOME": scratch.root]
            ).standardOutput
        }
        #expect(search(cache: scratch.cache) == "\(scratch.archive)/b.txt\t1\t甲文章\t1\n")
        #expect(search(cache: scratch.root + "/empty-cache")
            == "\(scratch.archive)/b.txt\t1\t甲文章\t1\n\(scratch.archive)/c.txt\t1\t丙\t1\n")
    }
}
