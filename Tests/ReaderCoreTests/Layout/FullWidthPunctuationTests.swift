import ReaderCore
import Testing

/// `cjk_punctuation = true`: half-width marks between Chinese characters shown full-width,
/// measured as such when wrapping, with the text, its offsets and search unchanged.
@Suite struct FullWidthPunctuationTests {
    static let document = Document(text: "## 标题:副题\n\n中文,中文(注释)中文;结束.Latin, text (kept) 3.14 中文:2023\n")

    static func lines(_ fullWidth: Bool, width: Int = 80) -> [String] {
        let style = LayoutStyle.screen(indent: .columns(2), fullWidthPunctuation: fullWidth)
        let layout = ArticleLayout(article: document.articles[0], in: document, width: width, style: style)
        return layout.lines.indices.map(layout.string(at:))
    }

    @Test func marksBetweenChineseCharactersBecomeFullWidth() {
        #expect(Self.lines(true) == [
            "标题：副题", "", "  中文，中文（注释）中文；结束.Latin, text (kept) 3.14 中文:2023",
        ])
        #expect(Self.lines(false) == [
            "标题:副题", "", "  中文,中文(注释)中文;结束.Latin, text (kept) 3.14 中文:2023",
        ])
    }

    @Test func theWiderFormsAreMeasuredWhenWrapping() {
        // "  中文,中文" takes 11 columns, "  中文，中文" 12: at 11 the full-width line breaks
        // earlier, and no line is wider than the layout.
        #expect(Self.lines(false, width: 11).prefix(3) == ["标题:副题", "", "  中文,中文"])
        let full = Self.lines(true, width: 11)
        #expect(full[2] != "  中文，中文")
        #expect(full.allSatisfy { TextWidth.of($0) <= 11 }, "\(full)")
    }

    @Test func offsetsAndSearchAreUnchanged() {
        let article = Self.document.articles[0]
        let plain = ArticleLayout(article: article, in: Self.document, width: 80, style: .screen(indent: .columns(2)))
        let full = ArticleLayout(
            article: article, in: Self.document, width: 80,
            style: .screen(indent: .columns(2), fullWidthPunctuation: true))
        #expect(plain.texts.map(\.offsets) == full.texts.map(\.offsets))
        #expect(ArticleSearch.matches(of: "中文,中文", in: full).count == 1)
        #expect(ArticleSearch.matches(of: "中文,中文", in: plain).count == 1)
    }
}
