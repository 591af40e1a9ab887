/// The search prompt's own keys: the prompt edits its text, and says what the state is to
/// do next (`ReaderState.applyInPrompt` routes the answer: search as typed, keep or drop
/// the search, quit).
extension SearchPrompt {
    /// What a key in the prompt asks of the state.
    enum Outcome: Equatable {
        /// The text changed: search again as typed.
        case edited
        /// Escape, or backspace on an empty prompt: back to before the prompt.
        case cancelled
        /// Enter on a query: keep the search.
        case accepted
        /// Enter on an empty prompt: as `cancelled`, the prompt closed.
        case acceptedEmpty
        case quit
        /// Not a key of the prompt.
        case ignored
    }

    /// Applies `action` to the prompt's text.
    mutating func edit(_ action: Action) -> Outcome {
        switch action {
        case .insert(let character):
            text.append(character)
            return .edited
        case .deleteBackward:
            if text.isEmpty { return .cancelled }
            text.removeLast()
            return .edited
        case .accept: return text.isEmpty ? .acceptedEmpty : .accepted
        case .cancel: return .cancelled
        case .quit: return .quit
        default: return .ignored
        }
    }
}
