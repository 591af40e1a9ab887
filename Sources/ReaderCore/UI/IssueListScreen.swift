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
}
