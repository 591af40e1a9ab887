@testable import ReaderCore
import Testing

/// The article view's scrolling (`ArticleViewport`): the top line each movement key gives.
@Suite struct ArticleViewportTests {
    /// A 30-line article in a 10-row body: the last top is line 20, a page is 9 lines.
    private let middle = ArticleViewport(top: 5, lineCount: 30, bodyRows: 10)

    @Test func movementKeysFromTheMiddle() {
        let actions: [Action] = [.lineUp, .lineDown, .scroll(3), .scroll(-9), .pageUp, .pageDown, .top, .bottom]
        #expect(actions.map { middle.top(after: $0) } == [4, 6, 8, 0, 0, 14, 0, 20])
    }

    @Test func pageDownStopsAtTheLastTopAndThenIsAtTheEnd() {
        let nearEnd = ArticleViewport(top: 15, lineCount: 30, bodyRows: 10)
        #expect(nearEnd.top(after: .pageDown) == 20)
        #expect(!nearEnd.isAtEnd)
        #expect(ArticleViewport(top: 20, lineCount: 30, bodyRows: 10).isAtEnd)
    }

    @Test func aViewPastTheLastTopMovesNoFurtherDown() {
        let past = ArticleViewport(top: 25, lineCount: 30, bodyRows: 10)
        #expect([Action.lineDown, .scroll(4), .lineUp].map { past.top(after: $0) } == [25, 25, 24])
    }

    @Test func aShortArticleStaysAtItsTop() {
        let short = ArticleViewport(top: 0, lineCount: 3, bodyRows: 10)
        #expect([Action.lineDown, .pageDown, .bottom].map { short.top(after: $0) } == [0, 0, 0])
        #expect(short.isAtEnd)
    }

    @Test func otherKeysAreNotMovements() {
        #expect(middle.top(after: .nextArticle) == nil)
        #expect(middle.top(after: .search) == nil)
    }
}
