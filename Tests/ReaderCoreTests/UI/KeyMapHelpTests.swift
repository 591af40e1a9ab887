import ReaderCore
import Testing

/// The help text comes from the key map (`KeyMap.helpLines`), beside the table, for the
/// state (how far it scrolls) and the renderer (what it draws) alike.
@Suite struct KeyMapHelpTests {
    @Test func theIssueListHelpListsItsKeysTheBookmarksAndThePrompt() {
        #expect(KeyMap.helpLines(for: .issues) == [
            "Issue list",
            "  Up k           select previous issue",
            "  Down j         select next issue",
            "  PgUp b         page up",
            "  PgDn Space     page down",
            "  Home g         first issue",
            "  End G          last issue",
            "  Enter Right l  open the issue (or the article found)",
            "  1-9            open issue N",
            "  /              search all articles of all issues",
            "  n              next article with hits",
            "  N              previous article with hits",
            "  Esc Backspace  clear search",
            "  q              quit",
            "  c              Simplified/Traditional",
            "  R              fetch the feeds again (feeds only)",
            "  B              bookmarks of all issues",
            "  ? F1           this help",
            "  Q Ctrl-C       quit",
            "",
            "Bookmarks",
            "  Up k                    previous bookmark",
            "  Down j                  next bookmark",
            "  Enter Right l           open the bookmark",
            "  *                       remove the bookmark",
            "  Esc q B Left Backspace  close",
            "  Q Ctrl-C                quit",
            "",
            "Prompt (search, save, pipe)",
            "  Enter      accept",
            "  Esc        cancel, back to where you were",
            "  Backspace  delete a character",
            "  Ctrl-C     quit",
        ])
    }

    @Test func onlyTheArticleViewsHelpHasTheContentsAndTheLinks() {
        func titles(_ context: KeyContext) -> [String] {
            KeyMap.helpLines(for: context).filter { !$0.isEmpty && !$0.hasPrefix(" ") }
        }
        #expect(titles(.article) == ["Article view", "Table of contents", "Links", "Bookmarks", "Prompt (search, save, pipe)"])
        #expect(titles(.list) == ["Article list", "Bookmarks", "Prompt (search, save, pipe)"])
    }

    @Test func helpScrollsNoFurtherThanItsLastLine() {
        var state = UIFixtures.state()
        state.press(.character("?"))
        let last = KeyMap.helpLines(for: .list).count - 1
        state.apply(.scroll(1000))
        #expect(state.overlay == .help(scroll: last))
        state.press(.character("j"))
        #expect(state.overlay == .help(scroll: last))
    }
}
