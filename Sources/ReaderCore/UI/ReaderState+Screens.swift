/// What the screens' components hold, as the rest of the state and the views read it:
/// each value lives in its component (ARCHITECTURE.md, "How to add …"), and these
/// forward to it in place.
extension ReaderState {
    /// The search in the open article (`ArticleScreen.search`).
    public internal(set) var search: PageSearch? {
        get { articleScreen.search }
        _modify { yield &articleScreen.search }
    }
}

extension ReaderState {
    // MARK: The article list (`ArticleListScreen`)

    /// The search filter of the article list.
    public internal(set) var listFilter: ListFilter? {
        get { articleList.filter }
        _modify { yield &articleList.filter }
    }

    /// The entries the list shows: every article, or only those with search hits.
    public var listEntries: [Int] { articleList.entries(articleCount: document.articles.count) }

    /// Number of `listEntries`, without building them.
    public var listCount: Int { articleList.count(articleCount: document.articles.count) }

    /// `listEntries[row]`, without building them.
    public func listEntry(_ row: Int) -> Int { articleList.entry(row) }

    /// Position of the selected article among `listEntries` (0 when it is not there).
    public var selectedRow: Int { articleList.row(of: selected, articleCount: document.articles.count) }

    // MARK: The issue list (`IssueListScreen`)

    /// The issue list's selection.
    var issueCursor: ListCursor {
        get { issueList.cursor }
        _modify { yield &issueList.cursor }
    }

    /// The selected row of the issue list.
    public internal(set) var issueSelected: Int {
        get { issueList.cursor.selected }
        _modify { yield &issueList.cursor.selected }
    }

    /// The first issue-list row shown.
    public internal(set) var issueListTop: Int {
        get { issueList.cursor.top }
        _modify { yield &issueList.cursor.top }
    }

    /// The issue list filtered by a search over all issues.
    public internal(set) var archiveFilter: ArchiveFilter? {
        get { issueList.filter }
        _modify { yield &issueList.filter }
    }

    /// The rows of the issue list: every issue, or (after a search) the articles with hits.
    public var issueEntryCount: Int { issueList.entryCount(issueCount: issues.count) }
}
