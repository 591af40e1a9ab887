/// The issue list's own state (an archive's first screen): its selection and top row, and
/// the search over every issue that filters it (`/`). `ReaderState` owns it as
/// `issueList` and forwards `issueSelected`, `issueListTop`, `archiveFilter` and
/// `issueEntryCount` to it.
struct IssueListScreen: Sendable {
    /// The selected row and the first row shown.
    var cursor = ListCursor()
    /// The list filtered by a search over every article of every issue (then a row is an
    /// article with hits); nil: one row per issue.
    var filter: ArchiveFilter?

    /// The number of rows, of an archive of `issueCount` issues.
    func entryCount(issueCount: Int) -> Int {
        filter.map(\.hits.count) ?? issueCount
    }

    /// What a key in the issue list asks of the state.
    enum Outcome: Equatable {
        /// The selection moved (`message`, if any, says how).
        case moved(message: String?)
        /// Open row `row`: its issue, or (after a search) the article with hits.
        case open(row: Int)
        case message(String)
        /// Not a key of the list itself (the state's: search, back, help, …).
        case ignored
    }

    /// Applies the list's own keys (movement, a click on a row, Enter, a digit, `n` / `N`
    /// through a search's hits) to the list of an archive of `issueCount` issues with
    /// `visible` rows.
    mutating func update(_ action: Action, issueCount: Int, visible: Int) -> Outcome {
        let count = entryCount(issueCount: issueCount)
        if let target = cursor.row(after: action, count: count, visible: visible) {
            cursor.select(target, count: count, visible: visible)
            return .moved(message: nil)
        }
        switch action {
        case .open, .nextArticle:
            return .open(row: cursor.selected)
        case .number(let number):
            guard number >= 1, number <= count else {
                return .message(filter == nil ? "no issue \(number)" : "no hit \(number)")
            }
            cursor.select(number - 1, count: count, visible: visible)
            return .open(row: number - 1)
        case .nextMatch, .previousMatch:
            guard filter != nil, count > 0 else { return .message("no search (press / to search)") }
            let hit = cursor.hitRow(forward: action == .nextMatch, count: count)
            cursor.select(hit.row, count: count, visible: visible)
            return .moved(message: hit.message)
        default:
            return .ignored
        }
    }
}
