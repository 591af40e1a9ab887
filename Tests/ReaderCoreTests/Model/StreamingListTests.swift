import Testing

@testable import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `--list` reads an input piece by piece as `--dump` does, and decides page-break repair
/// once for the whole input, as `--dump` does (`ArticlePieces.allowsRepair(startingWith:)`).
struct StreamingListTests {
    /// Verse first — its first 64 KiB turn repair off for the whole issue — then prose with
    /// a cut, in articles enough that a piece of them alone would allow repair.
    static let issue = String(repeating: "## 诗\n\n春眠不觉晓\n\n处处闻啼鸟\n\n", count: 3000)
        + String(repeating: "## 文\n\n\(PageBreakRepairTests.cutFirst)\n\n\(PageBreakRepairTests.cutSecond)\n\n"
            + "\(PageBreakRepairTests.cutSecond)\n\n", count: 40)

    static func paragraphs(of document: Document) -> [[String]] {
        document.articles.map { article in article.allParagraphs.map { document.text(of: $0).string } }
    }

    @Test func listAndDumpParseEveryPieceWithTheDecisionOfTheWholeInput() throws {
        let bytes = Array(Self.issue.utf8)
        let whole = Document(source: bytes, name: "a")
        #expect(!whole.allowsRepair)
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for pieceBytes in [2000, 64 << 10] {
            // Each piece on its own: the last ones hold only prose, and would be repaired.
            var ownDecisions: [Bool] = []
            do {
                let descriptor = StreamingDumpTests.descriptor(for: bytes, in: directory)
                defer { close(descriptor) }
                var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: pieceBytes)
                while let piece = try pieces.next() { ownDecisions.append(Document(bytes: piece, name: "a").allowsRepair) }
            }
            #expect(ownDecisions.first == false && ownDecisions.last == true)

            let descriptor = StreamingDumpTests.descriptor(for: bytes, in: directory)
            defer { close(descriptor) }
            var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: pieceBytes)
            let first = try pieces.next()
            var listed: [[String]] = []
            try StreamingList.forEachDocument(pieces, firstPiece: first, name: "a", repair: true, conversion: nil) {
                #expect(!$0.allowsRepair)
                listed += Self.paragraphs(of: $0)
            }
            #expect(listed == Self.paragraphs(of: whole))
            #expect(listed.last == [
                PageBreakRepairTests.cutFirst, PageBreakRepairTests.cutSecond, PageBreakRepairTests.cutSecond,
            ])
        }
    }

    @Test func theListHasALinePerArticle() throws {
        let text = "## 一\n\n甲\n\n### 二\n\n乙\n\n## 三\n\n丙\n"
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let descriptor = StreamingDumpTests.descriptor(for: Array(text.utf8), in: directory)
        defer { close(descriptor) }
        var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: 1)
        let first = try pieces.next()
        var lines: [String] = []
        try StreamingList.write(pieces, firstPiece: first, name: "a", repair: true) { lines.append($0) }
        #expect(lines == ["1\t一\t1\n", "2\t三\t0\n"])
    }
}
