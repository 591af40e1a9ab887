import Testing

@testable import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `--dump` reads a file in pieces of whole articles (`ArticlePieces`) and lays each out
/// as it comes (`StreamingDump`): the output must be exactly the whole issue's dump.
struct StreamingDumpTests {
    /// Issues with everything a cut could get wrong: a BOM and front matter, `###`
    /// headings (a piece must not end at `##` of `###`), CRLF lines, `##` with a tab or
    /// nothing after it, a last line without a newline, the seed itself, and a poem-like
    /// issue whose last article, on its own, would be repaired.
    static let issues: [[UInt8]] = [
        Array("\u{FEFF}报头 第1版\n\n".utf8) + UIFixtures.seedBytes + UIFixtures.seedBytes,
        Array("## 一\r\n\r\n甲乙丙丁\r\n戊己\r\n\r\n### 节\r\n\r\n庚辛\r\n## 二\r\n\r\n壬癸".utf8),
        Array("##\t标题\n\n正文\n\n##\n\n## 三\n\n### 四\n\n#### 五\n\n句子".utf8),
        Array("没有标题也没有换行的一段文字".utf8),
        // Repair is off for the whole issue (decided on its start), in every piece.
        Array(PageBreakRepairTests.poemLike.utf8),
        Array("\n\n\n".utf8),
        [],
    ]

    /// Writes `bytes` to a temporary file and opens it for reading.
    static func descriptor(for bytes: [UInt8], in directory: TemporaryDirectory) -> Int32 {
        let path = directory.path + "/issue-\(UInt32.random(in: 0...UInt32.max)).txt"
        if let file = fopen(path, "wb") {
            _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
        return open(path, O_RDONLY)
    }

    @Test func piecesHoldWholeArticlesAndAllTheBytes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for issue in StreamingDumpTests.issues {
            let whole = Document(source: issue, name: "a")
            for pieceBytes in [1, 2, 3, 7, 64, 1000, 5000, 1 << 20] {
                let descriptor = StreamingDumpTests.descriptor(for: issue, in: directory)
                defer { close(descriptor) }
                var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: pieceBytes)
                var joined: [UInt8] = []
                var articles: [Article] = []
                while let piece = try pieces.next() {
                    let document = Document(bytes: piece, name: "a")
                    if !joined.isEmpty {
                        // Every piece after the first starts with a `## ` heading.
                        #expect(document.articles.count >= 1 && document.articles.chunk(of: 0).lowerBound == 0)
                    }
                    joined += piece.bytes(0..<piece.count)
                    articles += document.articles.map { article in article }
                }
                #expect(joined == issue, "piece size \(pieceBytes)")
                #expect(articles.map(\.title) == whole.articles.map(\.title), "piece size \(pieceBytes)")
                #expect(articles.map(\.sections.count) == whole.articles.map(\.sections.count))
            }
        }
    }

    @Test func theDumpIsTheWholeIssuesDump() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for issue in StreamingDumpTests.issues {
            for width in [80, 13] {
                let expected = DocumentDump.render(Document(source: issue, name: "a"), width: width)
                for pieceBytes in [1, 100, 4096, 1 << 20] {
                    let descriptor = StreamingDumpTests.descriptor(for: issue, in: directory)
                    defer { close(descriptor) }
                    var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: pieceBytes)
                    let first = try pieces.next()
                    var output: [UInt8] = []
                    try StreamingDump.write(pieces, firstPiece: first, name: "a", repair: true, width: width) {
                        output += $0
                    }
                    #expect(String(decoding: output, as: UTF8.self) == expected, "width \(width), piece size \(pieceBytes)")
                }
            }
        }
    }

    @Test func aReadErrorIsReported() {
        let descriptor = open("/tmp", O_RDONLY)  // reading a directory fails with EISDIR
        defer { close(descriptor) }
        var pieces = ArticlePieces(descriptor: descriptor)
        #expect(throws: ArticlePieces.ReadFailure(code: EISDIR)) { try pieces.next() }
    }

    @Test func theCutIsAtTheLastArticleHeading() {
        let text = Array("## 一\n\n甲\n\n### 二\n\n## 三\n\n乙\n\n##".utf8)
        // The last `##` has nothing after it yet: it may become `###`, so the cut is at 三.
        let cut = ArticlePieces.lastArticleStart(in: text, newFrom: 0)
        #expect(cut.map { String(decoding: text[$0...], as: UTF8.self) } == "## 三\n\n乙\n\n##")
        // A heading at offset 0 is no cut: the piece before it would be empty.
        #expect(ArticlePieces.lastArticleStart(in: Array("## 一\n\n甲\n".utf8), newFrom: 0) == nil)
    }
}
