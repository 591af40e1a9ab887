import Foundation
import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `reader --search`: exact lines, grep's exit statuses, and the index giving what the
/// plain search gives (and what `ArticleSearch`, the interactive search, counts) as
/// files are added, changed and removed.
@Suite struct ArchiveSearchEndToEndTests {
    /// A scratch directory with an archive in `archive/` and a cache in `cache/`.
    private final class Scratch {
        let root = "/tmp/reader-search-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var archive: String { root + "/archive" }
        var environment: [String: String] { ["XDG_CACHE_HOME": root + "/cache", "HOME": root] }

        init() {
            mkdir(root, 0o700)
            mkdir(archive, 0o700)
            mkdir(archive + "/sub", 0o700)
        }

        deinit { _ = system("rm -rf '\(root)'") }

        func search(_ query: String, index: Bool = true) -> ProcessResult {
            ReaderBinary.run(
                ["--no-config", "--search", query] + (index ? [] : ["--no-index"]) + [archive],
                environment: environment)
        }
    }

    @Test func printsIssueArticleTitleAndHits() {
        let scratch = Scratch()
        ReaderBinary.writeFile(scratch.archive + "/a.txt", "## 重庆\n\n重慶重庆\n\n## 其他\n\n无\n")
        ReaderBinary.writeFile(scratch.archive + "/sub/b.txt", "## News\n\n重庆 news\n")
        for index in [true, false, true] {
            let result = scratch.search("重庆", index: index)
            #expect(result.standardOutput == """
                \(scratch.archive)/a.txt\t1\t重庆\t3
                \(scratch.archive)/sub/b.txt\t1\tNews\t1

                """)
            #expect(result.status == 0)
            #expect(result.standardError == "")
        }
        let none = scratch.search("長江")
        #expect(none.status == 1)
        #expect(none.standardOutput == "")
        let missing = ReaderBinary.run(["--search", "x", scratch.root + "/none"], environment: scratch.environment)
        #expect(missing.status == 2)
        #expect(missing.standardError == "reader: \(scratch.root)/none: No such file or directory\n")
    }

    /// Symbolic links to a folder above them are not walked again (two of them made the
    /// walk double at every level: it never ended).
    @Test func symbolicLinkLoopsAreWalkedOnce() {
        let scratch = Scratch()
        ReaderBinary.writeFile(scratch.archive + "/sub/a.txt", "## 重庆\n\n重庆\n")
        symlink("..", scratch.archive + "/sub/up")
        symlink(".", scratch.archive + "/sub/self")
        let result = scratch.search("重庆", index: false)
        #expect(result.standardOutput == "\(scratch.archive)/sub/a.txt\t1\t重庆\t2\n")
        #expect(result.status == 0)
    }

    @Test func aCorruptIndexIsRebuiltSilently() {
        let scratch = Scratch()
        ReaderBinary.writeFile(scratch.archive + "/a.txt", "## 重庆\n\n重庆\n")
        let index = scratch.root + "/cache/reader/search-index"
        // A segment overwritten, a segment cut short, a foreign manifest: each time the
        // index is emptied, the search reads every file and builds it again.
        for damage in ["garbage", "truncated", "manifest"] {
            _ = scratch.search("重庆")
            let segment = (try? FileManager.default.contentsOfDirectory(atPath: index))?
                .first { $0.hasPrefix("segment-") } ?? "segment-1"
            switch damage {
            case "garbage": ReaderBinary.writeFile(index + "/" + segment, String(repeating: "garbage!", count: 4096))
            case "truncated": truncate(index + "/" + segment, 100)
            default: ReaderBinary.writeFile(index + "/manifest", "RDRMAN01")
            }
            for _ in 0..<2 {
                let result = scratch.search("重庆")
                #expect(result.standardOutput == "\(scratch.archive)/a.txt\t1\t重庆\t2\n")
                #expect(result.standardError == "")
            }
        }
    }

    /// Two readers building the index at once (two processes, one cache): each prints
    /// what the plain search prints, and so does a third one with the index they built.
    @Test func twoReadersBuildingAtOnce() {
        let scratch = Scratch()
        let seed = ReaderBinary.readFile(ReaderBinary.seed)
        for number in 0..<60 {
            ReaderBinary.writeFile(scratch.archive + "/\(number).txt", number % 7 == 0 ? seed + "\n## 鲲鹏\n" : seed)
        }
        _ = system("touch -m -d @\(Int(time(nil)) - 3600) '\(scratch.archive)'/*.txt")
        let expected = scratch.search("鲲鹏", index: false)
        #expect(expected.standardOutput.split(separator: "\n").count == 9)
        let command = ([ReaderBinary.path, "--no-config", "--search", "鲲鹏", scratch.archive])
            .map { "'\($0)'" }.joined(separator: " ")
        let both = "env XDG_CACHE_HOME='\(scratch.root)/cache' \(command) > '\(scratch.root)/one' & "
            + "env XDG_CACHE_HOME='\(scratch.root)/cache' \(command) > '\(scratch.root)/two'; wait"
        _ = system(both)
        #expect(ReaderBinary.readFile(scratch.root + "/one") == expected.standardOutput)
        #expect(ReaderBinary.readFile(scratch.root + "/two") == expected.standardOutput)
        #expect(scratch.search("鲲鹏").standardOutput == expected.standardOutput)
    }

    /// A directory of 600 files (looked up on every core): a file changed in place, one
    /// added and one removed are seen by the next search with the index, as by the plain one.
    @Test func aLargeDirectoryChangedInPlace() {
        let scratch = Scratch()
        for number in 0..<600 {
            let text = number % 100 == 7 ? "## 第\(number)版\n\n鲲鹏\n" : "## 第\(number)版\n\n正文\n"
            ReaderBinary.writeFile(scratch.archive + String(format: "/%03d.txt", number), text)
        }
        _ = system("touch -m -d @\(Int(time(nil)) - 3600) '\(scratch.archive)'/*.txt")
        func expected(_ numbers: [Int]) -> String {
            numbers.map { String(format: "\(scratch.archive)/%03d.txt\t1\t第\($0)版\t1\n", $0) }.joined()
        }
        #expect(scratch.search("鲲鹏").standardOutput == expected([7, 107, 207, 307, 407, 507]))
        ReaderBinary.writeFile(scratch.archive + "/300.txt", "## 第300版\n\n又是鲲鹏\n")
        ReaderBinary.writeFile(scratch.archive + "/600.txt", "## 第600版\n\n鲲鹏\n")
        unlink(scratch.archive + "/107.txt")
        _ = system("touch -m -d @\(Int(time(nil)) - 1800) '\(scratch.archive)/300.txt' '\(scratch.archive)/600.txt'")
        let after = expected([7, 207, 300, 307, 407, 507, 600])
        for index in [true, true, false] {
            let result = scratch.search("鲲鹏", index: index)
            #expect(result.standardOutput == after)
            #expect(result.standardError == "")
        }
    }

    /// Random archives and queries: with the index (cold, then warm), and without it,
    /// the lines are those `ArticleSearch.count` gives, also after files change, are
    /// added and are removed.
    @Test func randomArchivesGiveThePlainSearchHitForHit() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["## ", "### ", "\n", "\n\n", "中", "国", "發", "发", "Ａ", "a", "A", "1", " ", "，", "重庆对", "。"]
        let queries = ["中国", "发", "a1", "Ａa", "国，", "中国发", "重庆", " a"]
        func randomText() -> String {
            "## T\n" + (0..<Int.random(in: 0...60, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
        }
        for _ in 0..<4 {
            let scratch = Scratch()
            var files: [String: String] = [:]
            // Each file's time: when its text last changed, an hour ago and on (times
            // within the last seconds are never trusted by the index, so these are).
            var times: [String: Int] = [:]
            let hourAgo = Int(time(nil)) - 3600
            for name in ["0.txt", "1.txt", "2.txt", "sub/3.txt"] {
                files[name] = randomText()
                times[name] = hourAgo
            }
            for round in 0..<4 {
                if round > 0 {
                    let changed = ["0.txt", "1.txt", "2.txt", "4.txt", "sub/3.txt", "sub/5.txt"].randomElement(using: &random) ?? "0.txt"
                    files[changed] = randomText()
                    times[changed] = hourAgo + round
                    if let removed = files.keys.sorted().randomElement(using: &random), removed != changed {
                        files[removed] = nil
                        unlink(scratch.archive + "/" + removed)
                    }
                }
                for (name, text) in files {
                    ReaderBinary.writeFile(scratch.archive + "/" + name, text)
                    _ = system("touch -m -d @\(times[name] ?? hourAgo) '\(scratch.archive)/\(name)'")
                }
                for query in queries.shuffled(using: &random).prefix(3) {
                    let expected = expectedLines(files, query: query, archive: scratch.archive)
                    for index in [true, true, false] {
                        let result = scratch.search(query, index: index)
                        #expect(result.standardOutput == expected, "\(files) \(query)")
                        #expect(result.status == (expected.isEmpty ? 1 : 0))
                    }
                }
            }
        }
    }

    /// The lines for `files` as the interactive search counts (`ArticleSearch.count`),
    /// in `--search`'s order: each directory's files by name, then its subdirectories.
    private func expectedLines(_ files: [String: String], query: String, archive: String) -> String {
        let needle = SearchFolding.fold(query)
        let order = files.keys.sorted { ($0.contains("/") ? 1 : 0, $0) < ($1.contains("/") ? 1 : 0, $1) }
        var lines = ""
        for name in order {
            let document = Document(text: files[name] ?? "", name: name)
            for (number, article) in document.articles.enumerated() {
                let count = ArticleSearch.count(of: needle, in: article, document: document)
                if count > 0 { lines += "\(archive)/\(name)\t\(number + 1)\t\(article.title)\t\(count)\n" }
            }
        }
        return lines
    }
}
