import ReaderCore
import Testing

/// `R`: an effect for the terminal app where the issues are feeds, a message elsewhere.
@Suite struct ReloadKeyTests {
    func feeds() -> ReaderState {
        ReaderState(
            issues: [Document(text: "## 第一篇\n\n正文。\n", name: "News"), Document(text: "", name: "Empty feed")],
            archiveName: "feeds", size: ScreenSize(rows: 6, columns: 40))
    }

    @Test func rOnFeedsAsksTheAppToFetch() {
        var state = feeds()
        state.canReload = true
        let (shown, effects) = ReaderState.update(state, .reload)
        state = shown
        #expect(effects == [.reloadFeeds])
        #expect(UIFixtures.screen(state) == [
            " Reader | feeds                2 issues",
            "▸ 1 News            1 article  1 unread",
            "  2 Empty feed     0 articles  all read",
            "",
            "",
            " fetching the feeds…              [1/2]",
        ])
    }

    @Test func rInAFeedWithNoArticlesStillFetches() {
        var state = feeds()
        state.canReload = true
        UIFixtures.press([.down, .enter, .character("R")], on: &state)
        #expect(state.takeEffects() == [.reloadFeeds])
    }

    @Test func rOnAFileSaysItIsNotAFeed() {
        var state = UIFixtures.state(rows: 6, columns: 60)
        state.press(.character("R"))
        #expect(UIFixtures.screen(state).last == " R fetches feeds again; this is not a feed           [1/10]")
        #expect(state.takeEffects() == [])
    }
}
