import PropertyBased
import Testing
@testable import ReaderCore

/// The index's bytes for each article of `document` (its chunks kept, or built for each
/// search when the source is over `keptSourceBytes`).
private func indexedTexts(of document: Document, keptSourceBytes: Int = SearchIndex.keptSourceBytes) -> [[UInt8]] {
    var result: [[UInt8]] = []
    SearchIndex(document: document, keptSourceBytes: keptSourceBytes).forEachChunk { chunk in
        let bytes = chunk.bytes.withUnsafeBufferPointer { Array($0) }
        for (number, start) in chunk.starts.enumerated() {
            let end = number + 1 < chunk.starts.count ? chunk.starts[number + 1] : bytes.count
            result.append(Array(bytes[start..<end]))
        }
    }
    return result
}

/// What the index must hold for `article`: its `ArticleSearch.texts`, folded, as UTF-8,
/// each followed by the separator.
private func expectedText(of article: Article, in document: Document) -> [UInt8] {
    var result: [UInt8] = []
    for text in ArticleSearch.texts(of: article, in: document) {
        for scalar in SearchFolding.fold(text.scalars) { result += Array(String(scalar).utf8) }
        result.append(SearchIndex.separator)
    }
    return result
}

/// `text` with `|` standing for the separator, as bytes.
private func separated(_ text: String) -> [UInt8] {
    Array(text.utf8).map { $0 == UInt8(ascii: "|") ? SearchIndex.separator : $0 }
}

@Suite struct SearchIndexTests {
    @Test func holdsTheFoldedJoinedDisplayTexts() {
        let document = Document(text: "## ＡB\u{1}\n\n中文\n字\nEnd\n\n### \t\n\nx\u{7F}\tY\n")
        #expect(indexedTexts(of: document) == [separated("ab^a|中文字 end|(untitled section)|x^? y|")])
        let lineEnds = Document(text: "## T\r\n\r\n  a\r\n\tB \r c\u{3000}\n\r\nd")
        // `d` is not joined to `a b c`: page-break repair never joins ASCII text.
        #expect(indexedTexts(of: lineEnds) == [separated("t|a b c|d|")])
    }

    @Test func placeholdersAndFrontMatter() {
        let document = Document(text: "前言\n### 节\n## \n正文\n##\n")
        #expect(indexedTexts(of: document) == [
            separated("(front matter)|前言|节|"), separated("(untitled)|正文|"), separated("(untitled)|"),
        ])
    }

    @Test func pageBreakRepairJoinsTextsWithinALeadOrSection() {
        let text = "## T\n\n在明确专项成本列支依据方面,重庆对\n\n政府投资的试点项目,允许列支。\n\n### S\n\n"
            + "方面,重庆对\n\n政府投资的试点项目,允许列支。\n\nthe first paragraph, written in English,\n\nends here.\n"
        #expect(indexedTexts(of: Document(text: text))
            == [separated("t|在明确专项成本列支依据方面,重庆对政府投资的试点项目,允许列支。|s|方面,重庆对|政府投资的试点项目,允许列支。|the first paragraph, written in english,|ends here.|")])
        #expect(indexedTexts(of: Document(text: text, repair: false))
            == [separated("t|在明确专项成本列支依据方面,重庆对|政府投资的试点项目,允许列支。|s|方面,重庆对|政府投资的试点项目,允许列支。|the first paragraph, written in english,|ends here.|")])
    }

    @Test func invalidUTF8AndHiddenScalarsAreReplacementCharacters() {
        let document = Document(source: Array("## T\n\n".utf8) + [0xE4, 0xB8, 0x41, 0xED, 0xA0, 0x80] + Array("\u{202A}Ｚ\u{3000}Ｚ\n".utf8), name: "-")
        let replacement = "\u{FFFD}"
        #expect(indexedTexts(of: document)
            == [separated("t|\(replacement)a\(replacement)\(replacement)\(replacement)\(replacement)z z|")])
    }

    @Test func randomIssuesGiveTheTextsOfArticleSearch() async {
        await propertyCheck(count: 1500, input: RandomIssue.bytes, Gen.bool) { bytes, repair in
            let document = Document(source: bytes, name: "-", repair: repair)
            let expected = document.articles.map { expectedText(of: $0, in: document) }
            #expect(indexedTexts(of: document) == expected, "\(bytes)")
            for query in ["中", "a", "文 a", "\u{FFFD}", "重庆记者"] {
                let needle = SearchFolding.fold(query)
                #expect(document.searchIndex.counts(of: needle)
                    == document.articles.map { ArticleSearch.count(of: needle, in: $0, document: document) })
            }
        }
    }

    @Test func chunksOfManyArticles() {
        let articles = 3 * SearchIndex.chunkArticles + 5
        let text = (0..<articles).map { "## \($0)\n\n第\($0)条 News\n" }.joined()
        let document = Document(text: text)
        let texts = indexedTexts(of: document)
        #expect(texts.count == articles)
        #expect(texts[articles - 1] == separated("\(articles - 1)|第\(articles - 1)条 news|"))
        #expect(document.searchIndex.counts(of: SearchFolding.fold("news")) == Array(repeating: 1, count: articles))
    }

    /// An issue over `keptSourceBytes` keeps no folded texts: each search builds its
    /// chunks again, with the same texts and counts as the kept index.
    @Test func aLargeIssueBuildsItsChunksForEachSearch() {
        let articles = 2 * SearchIndex.chunkArticles + 3
        let text = (0..<articles).map { "## \($0)\n\n第\($0)条 News，重庆\n\n重庆\n" }.joined()
        let document = Document(text: text)
        let streamed = SearchIndex(document: document, keptSourceBytes: 1000)
        #expect(streamed.isStreamed)
        #expect(!SearchIndex(document: document).isStreamed)
        let texts = indexedTexts(of: document, keptSourceBytes: 1000)
        #expect(texts.count == articles)
        #expect(texts[1] == separated("1|第1条 news,重庆|重庆|"))
        #expect(texts == indexedTexts(of: document))
        #expect(streamed.counts(of: SearchFolding.fold("重庆")) == Array(repeating: 2, count: articles))
        #expect(streamed.counts(of: SearchFolding.fold("第1条")) == (0..<articles).map { $0 == 1 ? 1 : 0 })
    }
}

/// `SearchTextWriter`'s byte tables, worked out from `SafeText` and `SearchFolding`, give
/// for every ASCII and three-byte scalar what the scalar path gives (`ArticleSearch.texts`,
/// folded): written alone on a line (joined to the lines around it by the width of what
/// is shown), and in a run of them.
@Suite struct ThreeByteTableTests {
    @Test func everyASCIIAndThreeByteScalarIsWrittenAsTheRulesSay() {
        let ascii = (UInt32(1)..<0x80).filter { $0 != 0x0A && $0 != 0x0D }
        let scalars = (ascii + Array(UInt32(0x800)...0xFFFF)).compactMap(Unicode.Scalar.init)
        var text = "## T\n\n"
        for scalar in scalars { text.unicodeScalars.append(scalar); text += "\n" }
        text += "\n"
        for scalar in scalars { text.unicodeScalars.append(scalar) }
        for repair in [false, true] {
            let document = Document(text: text, repair: repair)
            #expect(indexedTexts(of: document) == document.articles.map { expectedText(of: $0, in: document) })
        }
    }
}

/// The search index is kept with the document (its `DocumentAttachment`): built once for
/// its copies and for the same text shown converted, anew for the text repaired otherwise.
@Suite struct SearchIndexAttachmentTests {
    @Test func copiesAndConversionsShareTheIndexRepairDoesNot() throws {
        let document = Document(text: "## 標題\n\n中文\n")
        let copy = document
        #expect(copy.searchIndexCache === document.searchIndexCache)
        #expect(document.withRepair(false).searchIndexCache !== document.searchIndexCache)
        let conversion = try #require(ConversionFixtures.conversion(.s2t))
        #expect(document.withConversion(conversion).searchIndexCache === document.searchIndexCache)
        #expect(document.withConversion(conversion).searchIndex.counts(of: SearchFolding.fold("标题")) == [1])
    }
}
