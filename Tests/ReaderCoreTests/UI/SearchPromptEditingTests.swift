@testable import ReaderCore
import Testing

/// The search prompt's own keys (`SearchPrompt.edit`): its text and what it asks of the state.
@Suite struct SearchPromptEditingTests {
    private func prompt(_ text: String) -> SearchPrompt {
        SearchPrompt(text: text, scope: .list, savedTop: nil, savedSearch: nil, savedFilter: nil, savedSelection: 0)
    }

    @Test func typingAndBackspaceEditTheText() {
        var typed = prompt("重")
        #expect(typed.edit(.insert("庆")) == .edited)
        #expect(typed.text == "重庆")
        #expect(typed.edit(.deleteBackward) == .edited)
        #expect(typed.text == "重")
    }

    @Test func backspaceOnAnEmptyPromptCancels() {
        var empty = prompt("")
        #expect(empty.edit(.deleteBackward) == .cancelled)
        #expect(empty.text == "")
    }

    @Test func enterEscapeQuitAndOtherKeys() {
        var query = prompt("车")
        var empty = prompt("")
        #expect([Action.accept, .cancel, .quit, .nextArticle].map { query.edit($0) } == [.accepted, .cancelled, .quit, .ignored])
        #expect(empty.edit(.accept) == .acceptedEmpty)
        #expect(query.text == "车")
    }
}
