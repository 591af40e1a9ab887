import ReaderCore
import Testing

/// Marks: `m` and a letter, `'` and the letter, `''`; positions are offsets; marks survive
/// the reading state's save and load.
@Suite struct MarkTests {
    let seed = UIFixtures.seed

    /// Article 2 of the seed at 40×12, scrolled down `lines` lines.
    func articleTwo(down lines: Int) -> ReaderState {
        var state = UIFixtures.state(rows: 12, columns: 40)
        state.press(.character("2"))
        for _ in 0..<lines { state.press(.character("j")) }
        return state
    }

    @Test func setThenJumpReturnsToTheSameTopCharacter() {
        var state = articleTwo(down: 5)
        let marked = state.topOffset(of: 1)
        UIFixtures.press([.character("m"), .character("a")], on: &state)
        #expect(state.marks == ["a": ReadingPosition(article: 1, offset: marked)])
        #expect(state.message == "mark a set")
        UIFixtures.press([.character("q"), .character("7")], on: &state)
        #expect(state.current == 6)
        let (jumped, effects) = ReaderState.update(state, .jumpToMarkNamed("a"))
        #expect(effects == [])
        #expect(jumped.screen == .article)
        #expect(jumped.current == 1)
        #expect(jumped.topOffset(of: 1) == marked)
        #expect(jumped.topLine == 5)
    }

    @Test func quoteQuoteGoesBackToWhereTheJumpStarted() {
        var state = articleTwo(down: 3)
        UIFixtures.press([.character("m"), .character("b")], on: &state)
        UIFixtures.press([.character("l"), .character("j"), .character("j")], on: &state)
        let before = state.topOffset(of: 2)
        UIFixtures.press([.character("'"), .character("b")], on: &state)
        #expect(state.current == 1)
        UIFixtures.press([.character("'"), .character("'")], on: &state)
        #expect(state.current == 2)
        #expect(state.topOffset(of: 2) == before)
        // And back again: '' swaps between the two places.
        UIFixtures.press([.character("'"), .character("'")], on: &state)
        #expect(state.current == 1)
        #expect(state.topLine == 3)
    }

    @Test func theStatusLineAsksForTheLetterAndSaysWhatIsMissing() {
        var state = articleTwo(down: 0)
        state.press(.character("'"))
        #expect(UIFixtures.screen(state).last == " go to mark: type a letter or '     10%")
        state.press(.character("z"))
        #expect(UIFixtures.screen(state).last == " no mark z              10%  4 min left")
        // Any key but a letter cancels, and does nothing else.
        UIFixtures.press([.character("m"), .character("j")], on: &state)
        #expect(state.marks["j"] != nil)
        UIFixtures.press([.character("m"), .down], on: &state)
        #expect(state.topLine == 0)
        #expect(state.marks.count == 1)
    }

    @Test func marksWorkFromTheListAndAreKeptPerIssue() {
        var state = UIFixtures.state(rows: 12, columns: 40)
        UIFixtures.press([.down, .down, .character("m"), .character("c"), .end, .character("'"), .character("c")],
                         on: &state)
        #expect(state.screen == .article)
        #expect(state.current == 2)
        #expect(state.topOffset(of: 2) == seed.articles[2].titleOffset)
    }

    @Test func marksSurviveASaveAndLoad() throws {
        var state = articleTwo(down: 4)
        UIFixtures.press([.character("m"), .character("Z")], on: &state)
        let offset = state.topOffset(of: 1)
        let saved = state.readingState(contentHash: 7)
        let text = saved.encoded()
        #expect(text.hasSuffix("read 1\nmark Z 1 \(offset)\nend\n"))
        var reopened = UIFixtures.state(rows: 24, columns: 80)
        reopened.restore(try ReadingState.decode(Array(text.utf8)))
        UIFixtures.press([.character("q"), .character("5"), .character("'"), .character("Z")], on: &reopened)
        #expect(reopened.current == 1)
        #expect(reopened.topOffset(of: 1) == offset)
    }

    @Test func aMarkThatDoesNotFitTheIssueIsDropped() {
        var state = UIFixtures.state()
        state.restore(ReadingState(
            contentHash: 0, screen: .list, article: 0, offset: 0, read: [],
            marks: ["a": ReadingPosition(article: 99, offset: 0), "b": ReadingPosition(article: 0, offset: 1 << 40),
                    "c": ReadingPosition(article: 1, offset: seed.articles[1].titleOffset)]))
        #expect(state.marks == ["c": ReadingPosition(article: 1, offset: seed.articles[1].titleOffset)])
    }
}
