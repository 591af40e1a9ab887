import ReaderCore
import Testing

/// `Document.preview`: the whole articles at the start of a large file, shown while the
/// rest is read, must be exactly the first articles of the whole issue.
struct DocumentPreviewTests {
    /// The seed three times over, with a BOM and front matter before the first heading.
    static let issue: [UInt8] = Array("\u{FEFF}报头 第1版\n\n".utf8) + UIFixtures.seedBytes + UIFixtures.seedBytes
        + UIFixtures.seedBytes

    /// Where each `## ` heading after the first article starts, and where its line ends
    /// (prefixes are cut around both).
    static func headingLineEnds(of whole: Document) -> [(start: Int, lineEnd: Int)] {
        whole.articles.indices.dropFirst().map { index in
            let start = whole.articles.chunk(of: index).lowerBound
            let lineEnd = issue[start...].firstIndex(of: 0x0A) ?? issue.count
            return (start, lineEnd)
        }
    }

    @Test func previewHoldsExactlyTheWholeArticlesOfThePrefix() throws {
        let whole = Document(source: DocumentPreviewTests.issue, name: "issue.txt")
        #expect(whole.articles.count == 31)  // front matter + 3 × 10
        let headings = DocumentPreviewTests.headingLineEnds(of: whole)
        // Lengths around every heading (cut inside "## ", inside its line, just after
        // its newline) and a stride through the text.
        var lengths = Set(stride(from: 1, through: DocumentPreviewTests.issue.count, by: 251))
        for heading in headings {
            for delta in -2...3 {
                lengths.insert(heading.start + delta)
                lengths.insert(heading.lineEnd + delta)
            }
        }
        for length in lengths.sorted() where length > 0 && length <= DocumentPreviewTests.issue.count {
            let prefix = Array(DocumentPreviewTests.issue[..<length])
            // The articles before the last heading whose `##` and the byte after them
            // are in the prefix (so it cannot be a `###` cut short).
            let expected = headings.last { $0.start + 2 < length }.map { heading in
                whole.articles.indices.first { whole.articles.chunk(of: $0).lowerBound == heading.start } ?? 0
            } ?? 0
            let preview = Document.preview(prefix: prefix, name: "issue.txt")
            guard expected > 0 else {
                #expect(preview == nil, "prefix of \(length) bytes")
                continue
            }
            let shown = try #require(preview, "prefix of \(length) bytes")
            #expect(!shown.isComplete)
            #expect(shown.articles.count == expected, "prefix of \(length) bytes")
            for index in 0..<min(expected, shown.articles.count) {
                #expect(shown.articles[index] == whole.articles[index], "article \(index), prefix of \(length) bytes")
                #expect(shown.articles.sectionCount(of: index) == whole.articles.sectionCount(of: index))
            }
        }
    }

    @Test func aSectionHeadingCutToTwoHashesIsNotAnArticle() throws {
        let text = Array("## 一\n\n甲\n\n## 二\n\n乙\n\n### 三\n\n丙\n".utf8)
        // Cut right after "##" of "### 三", and after the whole "### 三" line.
        let cutInside = text.count - Array("# 三\n\n丙\n".utf8).count
        let preview = try #require(Document.preview(prefix: Array(text[..<cutInside]), name: "a"))
        #expect(preview.articles.map(\.title) == ["一"])
        let whole = Document(source: text, name: "a")
        #expect(preview.articles[0] == whole.articles[0])
    }

    @Test func noPreviewWithoutAWholeArticle() {
        #expect(Document.preview(prefix: Array("## 一\n\n甲乙丙\n\n".utf8), name: "a") == nil)
        #expect(Document.preview(prefix: Array("没有换行的一段文字".utf8), name: "a") == nil)
        #expect(Document.preview(prefix: [], name: "a") == nil)
    }

    @Test func previewKeepsTheRepairSetting() throws {
        let prefix = Array(UIFixtures.seedBytes[..<8000])
        let repaired = try #require(Document.preview(prefix: prefix, name: "a"))
        let raw = try #require(Document.preview(prefix: prefix, name: "a", repair: false))
        #expect(repaired.isRepaired && !raw.isRepaired)
        #expect(!raw.withRepair(true).isComplete)
        let whole = Document(source: UIFixtures.seedBytes, name: "a", repair: false)
        for index in raw.articles.indices { #expect(raw.articles[index] == whole.articles[index]) }
    }
}
