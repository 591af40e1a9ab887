import Testing
@testable import ReaderCore

@Suite struct ArticleLayoutTests {
    /// Every line starts at a later source offset than the one before, so that a scroll
    /// position (a source offset) names exactly one line — also for placeholder titles,
    /// which have no text of their own in the source.
    @Test func lineOffsetsStrictlyIncreaseEvenWithPlaceholderTitles() {
        let document = Document(text: "## \n\n正文第一段落很长很长很长。\n\n###\n\n段落二也很长很长很长。\n")
        for width in [8, 10, 18, 40] {
            let layout = ArticleLayout(article: document.articles[0], in: document, width: width, style: .screen)
            let offsets = layout.lines.map(\.offset)
            #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $0 < $1 }, "width \(width): \(offsets)")
        }
    }

    @Test func placeholderTitlesAreCutNotWrapped() {
        let document = Document(text: "## \n\n###\n")
        let layout = ArticleLayout(article: document.articles[0], in: document, width: 12, style: .screen)
        #expect(layout.lines.indices.map(layout.string(at:)) == ["(untitled)", "", "§ (untitled…"])
    }
}
