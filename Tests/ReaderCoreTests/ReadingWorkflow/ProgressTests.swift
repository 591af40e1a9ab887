import ReaderCore
import Testing

/// Progress: text length and reading time, the time left in the status bar, and Space at
/// the end of an article going on to the next unread one.
@Suite struct ProgressTests {
    static let issue = Document(
        text: "## 一\n\n" + String(repeating: "重庆", count: 400) + "\n\n## Two\n\nSome English words here, don't stop.\n\n## 三\n\n短。\n",
        name: "p.txt")

    @Test func lengthsCountCJKCharactersAndWords() {
        let document = ProgressTests.issue
        let first = TextLength.of(document.articles[0].range, in: document.source)
        #expect(first == TextLength(characters: 801, words: 0))
        let second = TextLength.of(document.articles[1].range, in: document.source)
        #expect(second == TextLength(characters: 0, words: 7))
        #expect(first.label == "801字")
        #expect(TextLength(characters: 12_345).label == "12k字")
        #expect(TextLength(characters: 1_250).label == "1.3k字")
        #expect(second.label == "7w")
    }

    @Test func minutesAreRoundedUpAtTheConfiguredSpeeds() {
        let speed = ReadingSpeed()
        #expect(speed.minutes(TextLength(characters: 801)) == 3)
        #expect(speed.minutes(TextLength(characters: 400)) == 1)
        #expect(speed.minutes(TextLength(characters: 200, words: 100)) == 1)
        #expect(speed.minutes(TextLength(words: 7)) == 1)
        #expect(speed.minutes(TextLength()) == 0)
        #expect(ReadingSpeed(charactersPerMinute: 100).minutes(TextLength(characters: 801)) == 9)
    }

    @Test func theStatusBarShowsTheTimeLeft() {
        var state = ReaderState(document: ProgressTests.issue, size: ScreenSize(rows: 12, columns: 60))
        state.readingSpeed = ReadingSpeed(charactersPerMinute: 200)
        state.press(.enter)
        #expect(Renderer.render(state).lines().last == "      33%  5 min left  q back  t sections  / search  ? help")
        UIFixtures.press([.end], on: &state)
        #expect(state.minutesLeft == 2)  // about 290 characters on the last page
    }

    @Test func spaceAtTheEndGoesOnToTheNextUnreadArticle() {
        var state = ReaderState(document: ProgressTests.issue, size: ScreenSize(rows: 12, columns: 40))
        UIFixtures.press([.character("2"), .character("q"), .character("1")], on: &state)
        UIFixtures.press([.character(" "), .character(" "), .character(" "), .character(" ")], on: &state)
        #expect(state.current == 0)
        let (next, effects) = ReaderState.update(state, .pageDown)
        #expect(effects == [])
        #expect(next.current == 2)
        #expect(next.message == "next unread: article 3")
        #expect(next.readArticles == [0, 1, 2])
        let (end, _) = ReaderState.update(next, .pageDown)
        #expect(end.current == 2)
        #expect(end.message == "end of article; every article is read")
    }
}
