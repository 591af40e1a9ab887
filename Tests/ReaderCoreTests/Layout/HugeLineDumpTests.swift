import Testing

@testable import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `--dump` of a regular file reads a huge line into its piece only by its two ends
/// (`ArticlePieces.elideHugeLines`) and lays its paragraph out from the file, window by
/// window (`DumpWriter`, `WindowedWrap`): the pieces must stand for every byte, and the
/// dump must be exactly the whole issue's.
struct HugeLineDumpTests {
    /// A line of about `bytes` bytes of the mixed text of `WindowedWrapTests`.
    static func line(seed: UInt64, bytes: Int) -> String {
        var text = ""
        var part = seed
        while text.utf8.count < bytes {
            text += WindowedWrapTests.paragraph(seed: part, count: 200)
            part += 1
        }
        return text
    }

    /// Issues with huge lines: one that starts within the first 64 KiB (more of its start
    /// is kept), lines after it, one that ends the input with no newline, CRLF line ends,
    /// one after a heading of its own section, one whose end is white space (read back
    /// whole), a huge heading (never elided).
    static let issues: [[UInt8]] = [
        Array(("## 标题\n\n" + line(seed: 1, bytes: 90_000) + "\n\n短段落。\n\n" + line(seed: 7, bytes: 30_000)
            + "\n## 二\n\n### 节\n\n" + line(seed: 20, bytes: 40_000)).utf8),
        Array(("## 一\r\n\r\n" + line(seed: 3, bytes: 70_000) + "\r\n\r\n" + line(seed: 9, bytes: 20_000)
            + "\r\n## 尾\r\n\r\n句子。\r\n").utf8),
        Array(("## 空白\n\n" + line(seed: 5, bytes: 70_000) + "\n\n" + line(seed: 11, bytes: 9_000)
            + String(repeating: " ", count: 3_000) + "\n\n## " + line(seed: 13, bytes: 9_000) + "\n\n结束。\n").utf8),
    ]

    /// Pieces of `issue` read from a file with lines over 2,000 bytes elided, 600 bytes of
    /// each end kept; calls `body` with each piece.
    static func forEachPiece(
        of issue: [UInt8], in directory: TemporaryDirectory, _ body: (ArticlePieces.Piece) throws -> Void
    ) throws {
        let descriptor = StreamingDumpTests.descriptor(for: issue, in: directory)
        defer { close(descriptor) }
        var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: 1000)
        pieces.elideHugeLines(over: 2000, keeping: 600)
        while let piece = try pieces.nextPiece() { try body(piece) }
    }

    @Test func piecesKeepTheEndsOfHugeLinesAndStandForEveryByte() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let elidedCounts = [3, 2, 1]
        for (issue, elidedCount) in zip(Self.issues, elidedCounts) {
            var joined: [UInt8] = []
            var largest = 0
            var elided = 0
            try Self.forEachPiece(of: issue, in: directory) { piece in
                var bytes = piece.bytes.bytes(0..<piece.bytes.count)
                largest = max(largest, bytes.count)
                // Each elided line's ends put back around the middle the file holds.
                for line in (piece.elidedLines?.lines ?? []).reversed() {
                    bytes.replaceSubrange(line.piece, with: issue[line.fileStart..<(line.fileStart + line.length)])
                    elided += 1
                }
                #expect(piece.elidedLines.map { Array(issue[$0.file]) == bytes } ?? true)
                joined += bytes
            }
            #expect(joined == issue)
            #expect(elided == elidedCount)
            // The first 64 KiB, the ends of a line, a piece's worth of lines after it.
            #expect(largest < 64 * 1024 + 16 * 1000)
        }
    }

    /// The pieces laid out by a `DumpWriter` with windows of `windowBound` bytes, the
    /// huge lines read from the file: the bytes of the whole issue's layout.
    @Test(arguments: [13, 80])
    func elidedLinesLaidOutInTinyWindowsGiveTheWholeDump(width: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for issue in Self.issues {
            let expected = DocumentDump.render(Document(source: issue, name: "a"), width: width)
            for windowBound in [64, 1000] {
                var output: [UInt8] = []
                try Self.forEachPiece(of: issue, in: directory) { piece in
                    var writer = DumpWriter(width: width, style: .dump, ambiguousWide: false, windowBound: windowBound)
                    writer.elidedLines = piece.elidedLines
                    let document = Document(bytes: piece.bytes, name: "a")
                    piece.bytes.withUnsafeBufferPointer { source in
                        for article in document.articles {
                            if !output.isEmpty { output.append(0x0A) }
                            writer.write(article, source: source, to: &output)
                        }
                    }
                }
                #expect(String(decoding: output, as: UTF8.self) == expected, "window bound \(windowBound)")
            }
        }
    }

    /// `StreamingDump` with huge lines elided: the whole dump; with links listed, the
    /// pieces are read again whole (the links of a line's middle are listed too).
    @Test func streamingDumpOfElidedLinesIsTheWholeDump() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for issue in Self.issues {
            for links in [false, true] {
                let expected = Self.wholeDump(issue, width: 40, links: links)
                let dump = try Self.streamingDump(issue, in: directory, width: 40, links: links)
                #expect(dump == expected, "links \(links)")
            }
        }
    }

    /// Page-break repair joins a huge line to the paragraph a page break cut off before
    /// it, or a cut huge line to the paragraph after it: the piece is read again whole,
    /// and the dump is the whole issue's, the joined paragraph one.
    @Test func aHugeLineThatRepairJoinsIsReadWhole() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let sentences = String(repeating: PageBreakRepairTests.cutSecond, count: 1_000)
        let issues = [
            "## 前\n\n" + PageBreakRepairTests.cutFirst + "\n\n" + sentences + "\n\n## 后\n\n句子。\n",
            "## 后\n\n" + sentences + PageBreakRepairTests.cutFirst + "\n\n" + PageBreakRepairTests.cutSecond + "\n",
        ]
        for issue in issues.map({ Array($0.utf8) }) {
            let whole = Document(source: issue, name: "a")
            #expect(whole.articles[0].lead.map(\.lines.count) == [2])
            var elided = 0
            try Self.forEachPiece(of: issue, in: directory) { elided += $0.elidedLines?.lines.count ?? 0 }
            #expect(elided == 1)
            #expect(try Self.streamingDump(issue, in: directory, width: 30) == DocumentDump.render(whole, width: 30))
        }
    }

    /// A file cut short after its piece was read, before the huge line is read again: the
    /// dump ends with a read error (what was missing laid out as spaces), never a crash.
    @Test func aFileCutShortBeforeItsLineIsReadAgainIsAReadError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let issue = Self.issues[0]
        let descriptor = StreamingDumpTests.descriptor(for: issue, in: directory)
        defer { close(descriptor) }
        var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: 1000)
        pieces.elideHugeLines(over: 2000, keeping: 600)
        let first = try pieces.nextPiece()
        #expect(first?.elidedLines != nil)
        #expect(truncate("/proc/self/fd/\(descriptor)", 30_000) == 0)
        var output: [UInt8] = []
        #expect(throws: ArticlePieces.ReadFailure(code: EIO)) {
            try StreamingDump.write(
                pieces, firstPiece: first?.bytes, firstElidedLines: first?.elidedLines, name: "a", repair: true,
                width: 40
            ) { output += $0 }
        }
        #expect(String(decoding: output, as: UTF8.self).hasPrefix("## 标题\n\n"))
    }

    /// `StreamingDump` of `issue` read from a file, lines over 2,000 bytes elided.
    static func streamingDump(
        _ issue: [UInt8], in directory: TemporaryDirectory, width: Int, links: Bool = false
    ) throws -> String {
        let descriptor = StreamingDumpTests.descriptor(for: issue, in: directory)
        defer { close(descriptor) }
        var pieces = ArticlePieces(descriptor: descriptor, pieceBytes: 1000)
        pieces.elideHugeLines(over: 2000, keeping: 600)
        let first = try pieces.nextPiece()
        var output: [UInt8] = []
        try StreamingDump.write(
            pieces, firstPiece: first?.bytes, firstElidedLines: first?.elidedLines, name: "a", repair: true,
            width: width, links: links
        ) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }

    /// The dump of the whole issue at once.
    static func wholeDump(_ issue: [UInt8], width: Int, links: Bool) -> String {
        var output: [UInt8] = []
        DocumentDump.writeBytes(Document(source: issue, name: "a"), width: width, links: links) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }
}
