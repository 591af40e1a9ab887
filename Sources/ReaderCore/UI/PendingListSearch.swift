/// A list-wide search (of the article list, or of an archive's issue list) waiting for
/// the search indexes (`ReaderState.pendingListSearch`).
public struct PendingListSearch: Sendable, Equatable {
    /// The prompt as it was at the last edit (its query, and what Esc goes back to).
    var prompt: SearchPrompt
    /// Whether Enter was pressed: when the results come, "not found" restores the list.
    var isAccepted = false

    /// The query that will run.
    public var query: String { prompt.text }
}
