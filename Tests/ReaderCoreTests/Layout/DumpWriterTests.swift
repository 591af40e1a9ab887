import Testing
@testable import ReaderCore

/// `DumpWriter` lays out the dump without building `ArticleLayout`s, repeating their rules:
/// its bytes must be exactly what the layouts give.
@Suite struct DumpWriterTests {
    /// The dump as `ArticleLayout` (style `.dump`) and `appendText` make it.
    static func layoutDump(_ document: Document, width: Int, ambiguousWide: Bool) -> [UInt8] {
        var output: [UInt8] = []
        for index in document.articles.indices {
            if index > 0 { output.append(0x0A) }
            ArticleLayout(article: document.articles[index], in: document, width: width, style: .dump,
                          ambiguousWide: ambiguousWide).appendText(to: &output)
        }
        return output
    }

    static func writerDump(_ document: Document, width: Int, ambiguousWide: Bool) -> [UInt8] {
        var output: [UInt8] = []
        DocumentDump.writeBytes(document, width: width, ambiguousWide: ambiguousWide) { output += $0 }
        return output
    }

    /// Documents with what the layout treats specially: placeholder and long titles,
    /// markers wider than the line, controls, invalid UTF-8, clusters, links, ranges.
    static let documents: [Document] = {
        let texts: [[UInt8]] = [
            Array("前言\n\n## \n\n正文第一段落很长很长很长。\n\n###\n\n段落二也很长很长很长。\n".utf8),
            Array("## 很长很长很长很长很长很长的标题 with Latin words\n\n#### 四级\n\n“引号”（括号）http://example.com/a 2—3年\n".utf8),
            [0x23, 0x23, 0x20, 0x1B, 0x7F, 0x09, 0x61, 0x0A, 0x0A, 0xE4, 0xB8, 0x0A, 0x80, 0xFF, 0xF0, 0x9F, 0x98, 0x0A, 0x0A,
             0x23, 0x23, 0x23, 0x0A, 0x0A] + Array("e\u{301}👍🏽 🇨🇳🇺🇸 a@b.cn\u{3000}·中\n".utf8),
            // Placeholder titles of different lengths around a long paragraph (the working
            // arrays are reused, and grow differently).
            Array(("## \n\n" + String(repeating: "很长的段落，", count: 200) + "\n\n###\n\n## \n\n短\n").utf8),
        ]
        return texts.map { Document(source: $0, name: "test") } + [Fixtures.seed]
    }()

    @Test(arguments: [1, 2, 3, 5, 7, 13, 20, 40, 80])
    func sameBytesAsTheLayouts(width: Int) {
        for (number, document) in Self.documents.enumerated() {
            for ambiguousWide in [false, true] {
                #expect(Self.writerDump(document, width: width, ambiguousWide: ambiguousWide)
                        == Self.layoutDump(document, width: width, ambiguousWide: ambiguousWide),
                        "document \(number), ambiguousWide \(ambiguousWide)")
            }
        }
    }
}
