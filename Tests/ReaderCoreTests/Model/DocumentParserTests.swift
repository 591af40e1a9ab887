import PropertyBased
import Testing
@testable import ReaderCore

/// Every input quirk of the issue grammar (ARCHITECTURE.md, "Where each rule lives"), each with its exact expected structure.
@Suite struct DocumentParserTests {
    @Test func articlesSectionsAndParagraphs() {
        let document = Document(text: "## One\n\nFirst.\n\nSecond.\n\n### Part\n\nThird.\n## Two\nFourth.\n")
        #expect(outline(document) == ["## One", "¶ First.", "¶ Second.", "### Part", "¶ Third.", "## Two", "¶ Fourth."])
    }

    @Test func byteOrderMarkIsSkipped() {
        let document = Document(source: [0xEF, 0xBB, 0xBF] + Array("## 标题\n正文".utf8), name: "bom")
        #expect(outline(document) == ["## 标题", "¶ 正文"])
        #expect(document.articles[0].heading == 3..<12)
    }

    @Test func crlfAndCrLineEnds() {
        let crlf = Document(text: "## 甲\r\n\r\n第一段\r\n续行。\r\n\r\n第二段\r\n")
        let cr = Document(text: "## 甲\r\r第一段\r续行。\r\r第二段\r")
        #expect(outline(crlf) == ["## 甲", "¶ 第一段续行。", "¶ 第二段"])
        #expect(outline(cr) == outline(crlf))
    }

    @Test func leadingBlankLinesAndNoTrailingNewline() {
        let document = Document(text: "\n\n \n\u{3000}\n## 甲\n\n最后一段没有换行")
        #expect(outline(document) == ["## 甲", "¶ 最后一段没有换行"])
        #expect(document.articles.count == 1)
    }

    @Test func frontMatterBeforeTheFirstHeading() {
        let document = Document(text: "出版说明。\n\n第二段\n\n## 甲\n\n正文\n")
        #expect(outline(document) == ["## (front matter)", "¶ 出版说明。", "¶ 第二段", "## 甲", "¶ 正文"])
        #expect(document.articles[0].heading == nil)
    }

    @Test func emptyTitlesGetPlaceholders() {
        let document = Document(text: "##\n\n正文\n\n###   \n\n小节正文\n## \n")
        #expect(outline(document) == ["## (untitled)", "¶ 正文", "### (untitled section)", "¶ 小节正文", "## (untitled)"])
    }

    @Test func titleOnlyArticles() {
        let document = Document(text: "## 甲\n## 乙\n\n\n## 丙\n")
        #expect(outline(document) == ["## 甲", "## 乙", "## 丙"])
        #expect(document.articles.allSatisfy { $0.isTitleOnly })
    }

    @Test func deeperHeadingsAreSections() {
        let document = Document(text: "## 甲\n#### 四级\n正文\n##### 五级\n# 一级不是标题\n#没有空格\n")
        #expect(outline(document) == ["## 甲", "#### 四级", "¶ 正文", "##### 五级", "¶ # 一级不是标题 #没有空格"])
        #expect(document.articles[0].sections.map(\.level) == [4, 5])
    }

    @Test func singleNewlinesJoinWithoutSpaceBetweenCJKAndWithOneBetweenLatin() {
        let document = Document(text: "## 甲\n中文第一行\n第二行\nLatin words\ncontinue here\n末尾2025\nyear\n")
        #expect(outline(document) == ["## 甲", "¶ 中文第一行第二行 Latin words continue here 末尾2025 year"])
    }

    @Test func ideographicSpaceIndentIsNotText() {
        let document = Document(text: "## 甲\n\n\u{3000}\u{3000}缩进的段落。\n\n    ascii indent\n")
        #expect(outline(document) == ["## 甲", "¶ 缩进的段落。", "¶ ascii indent"])
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = Array("## 甲\n".utf8) + [0x41, 0xFF, 0x42, 0xE4, 0xB8, 0x43, 0xF0, 0x9F, 0x98] + Array("\n".utf8)
        let document = Document(source: bytes, name: "bad")
        #expect(outline(document) == ["## 甲", "¶ A\u{FFFD}B\u{FFFD}C\u{FFFD}"])
    }

    @Test func controlCharactersAndBidiOverridesAreMadeVisible() {
        let document = Document(text: "## T\u{1B}]0;x\u{07}\n\na\u{1B}[2Jb\u{7F}c\u{9B}d\u{202E}e\u{2066}f\u{0}g\n")
        #expect(outline(document) == ["## T^[]0;x^G", "¶ a^[[2Jb^?c\u{FFFD}d\u{FFFD}e\u{FFFD}f^@g"])
    }

    /// Titles are written into room for their own length first (a short one is then a
    /// small string), and again with more room when they grow.
    @Test func titlesThatKeepTheirLengthAndTitlesThatGrow() {
        let long = String(repeating: "重庆", count: 20)
        let bytes = Array("## 第1条\n\n## \(long)\n\n## ".utf8) + [0xFF, 0xE4, 0xB8] + Array("甲\n\n## \u{1B}\n".utf8)
        let titles = Document(source: bytes, name: "titles").articles.map(\.title)
        #expect(titles == ["第1条", long, "\u{FFFD}\u{FFFD}甲", "^["])
    }

    @Test func tabsBecomeSpaces() {
        let document = Document(text: "## 甲\n\n列1\t列2\n")
        #expect(outline(document) == ["## 甲", "¶ 列1 列2"])
    }

    @Test func paragraphTextKeepsSourceOffsets() {
        let document = Document(text: "## 甲\n\n中文\nab\n")
        let text = document.text(of: document.articles[0].lead[0])
        // 中 at 8, 文 at 11, the inserted join space at 15 (start of "ab"), a 15, b 16.
        #expect(text.string == "中文 ab")
        #expect(text.offsets == [8, 11, 15, 15, 16])
    }
}

/// `--dump` parses a batch of articles in one pass (`ArticleList.parse(_:in:)` of a range);
/// that gives the articles parsed one by one, repaired or not.
@Suite struct ArticleRunParsingTests {
    @Test func aRunOfArticlesParsesAsEachOnItsOwn() async {
        await propertyCheck(count: 800, input: RandomIssue.bytes, Gen.bool, Gen.int(in: 0...1000)) { bytes, repair, seed in
            let document = Document(source: bytes, name: "-", repair: repair)
            let articles = document.articles
            let start = articles.isEmpty ? 0 : seed % articles.count
            let end = articles.isEmpty ? 0 : start + seed / 7 % (articles.count - start + 1)
            document.source.withUnsafeBufferPointer { source in
                #expect(articles.parse(start..<end, in: source) == (start..<end).map { articles.parse($0, in: source) },
                        "\(bytes), articles \(start)..<\(end)")
            }
        }
    }
}

/// `reader --search` prints each article's title from its heading line alone
/// (`ArticleList.title(of:)`); that is the parsed article's title, converted or not.
@Suite struct ArticleTitleTests {
    @Test func theTitleOfTheHeadingIsTheParsedArticlesTitle() async {
        await propertyCheck(count: 800, input: RandomIssue.bytes, Gen.bool) { bytes, repair in
            let document = Document(source: bytes, name: "-", repair: repair)
            let articles = document.articles
            for index in articles.indices {
                #expect(articles.withRepair(!repair).title(of: index) == articles.parse(index).title, "\(bytes), article \(index)")
            }
        }
    }

    @Test func titlesOfHeadingsPlaceholdersAndFrontMatter() {
        let document = Document(source: Array("\n \nlead\n## \n## 重庆 \u{1B}\n### 节\n".utf8), name: "-", repair: true)
        #expect(document.articles.indices.map { document.articles.title(of: $0) }
            == ["(front matter)", "(untitled)", "重庆 ^["])
    }
}
