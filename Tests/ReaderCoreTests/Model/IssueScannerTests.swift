import PropertyBased
import Testing
@testable import ReaderCore

/// The lines `IssueScanner` reads, written as `blank`, `#2 title`, `text content`.
private func scannedLines(_ bytes: [UInt8]) -> [String] {
    bytes.withUnsafeBufferPointer { buffer in
        var scanner = IssueScanner(buffer, range: IssueScanner.firstLine(of: buffer)..<buffer.count)
        var lines: [String] = []
        func text(_ range: Range<Int>) -> String { String(decoding: buffer[range], as: UTF8.self) }
        while let (line, kind) = scanner.next() {
            switch kind {
            case .blank: lines.append("blank \(line)")
            case .heading(let level, let title): lines.append("#\(level) [\(text(title))] \(line)")
            case .text(let content): lines.append("text [\(text(content))] \(line)")
            }
        }
        return lines
    }
}

@Suite struct IssueScannerTests {
    @Test func linesOfEveryKindWithEveryLineEnd() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("## 甲\r\n\r\n 正文\t\r### \n####\tx\r\n\u{3000}\n#x\n##".utf8)
        #expect(scannedLines(bytes) == [
            "#2 [甲] 3..<9", "blank 11..<11", "text [正文] 13..<21", "#3 [] 22..<26", "#4 [x] 27..<33",
            "blank 35..<38", "text [#x] 39..<41", "#2 [] 42..<44",
        ])
    }

    @Test func headingLevels() {
        for (text, level) in [("## a", 2), ("##\ta", 2), ("##", 2), ("##\n", 2), ("##\r", 2), ("###", 3), ("#### x", 4),
                              ("# a", 0), ("##a", 0), ("###x", 0), ("a##", 0), ("", 0)] {
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { IssueScanner.headingLevel(at: 0, in: $0, limit: $0.count) }
            #expect(found == level, "\(text)")
        }
    }

    /// The article and section headings `ArticleBoundaries` finds (by `memchr` for `#`)
    /// are those the scanner reads line by line, and `ArticlePieces` cuts before the last
    /// article heading that follows an LF.
    @Test func boundariesAndPiecesSeeTheScannersHeadings() async {
        await propertyCheck(count: 1000, input: RandomIssue.bytes) { bytes in
            var articleStarts: [Int] = []
            var sectionsBefore = 0
            var lastAfterLF: Int?
            bytes.withUnsafeBufferPointer { buffer in
                var scanner = IssueScanner(buffer, range: IssueScanner.firstLine(of: buffer)..<buffer.count)
                while let (line, kind) = scanner.next() {
                    guard case .heading(let level, _) = kind else { continue }
                    if level == 2 {
                        articleStarts.append(line.lowerBound)
                        if line.lowerBound > 0, buffer[line.lowerBound - 1] == 0x0A,
                           line.lowerBound + 2 < buffer.count { lastAfterLF = line.lowerBound }
                    } else if articleStarts.isEmpty {
                        sectionsBefore += 1
                    }
                }
            }
            let boundaries = ArticleBoundaries(source: SourceBytes(bytes))
            let front = boundaries.starts.first.map { !articleStarts.contains($0) } ?? false
            #expect(Array(boundaries.starts.dropFirst(front ? 1 : 0)) == articleStarts, "\(bytes)")
            #expect(ArticlePieces.lastArticleStart(in: bytes, newFrom: 0) == lastAfterLF, "\(bytes)")
        }
    }
}
