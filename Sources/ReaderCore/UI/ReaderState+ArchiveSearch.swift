/// `/` in the issue list of an archive with the persistent index (ARCHITECTURE.md,
/// "Effects" and "Search index"): each edit of the query asks the app to search
/// (`Effect.searchArchive`), and the hits come back as `.archiveHits`, a few issues at a
/// time, shown as they come. Without the index the search runs in the state
/// (ReaderState+Search.swift).
extension ReaderState {
    /// Asks the app to search every issue for `query`; the issue list shows the hits as
    /// they come (none yet).
    mutating func searchArchiveWithIndex(_ query: String) {
        archiveSearchGeneration += 1
        acceptedArchiveSearch = nil
        archiveFilter = ArchiveFilter(searching: query)
        issueSelected = 0
        issueListTop = 0
        let searched = (0..<issues.count).map { issue in
            let document = issues.searchedDocument(issue)
            let key = SearchIndexKey(issue: issue, repaired: document.joinsCutParagraphs)
            return ArchiveSearchRequest.Issue(document: document, index: searchIndexes.built[key])
        }
        emit(.searchArchive(ArchiveSearchRequest(query: query, generation: archiveSearchGeneration, issues: searched)))
    }

    /// `.archiveHits`: adds the hits of the search still shown; when they are the last
    /// and Enter was pressed meanwhile, does what Enter does (no hits: "not found").
    mutating func receiveArchiveHits(_ answer: ArchiveHits) {
        guard answer.generation == archiveSearchGeneration, var filter = archiveFilter, !filter.isComplete
        else { return }
        filter.hits += answer.hits
        filter.isComplete = answer.isLast
        archiveFilter = filter
        clampIssueListTop()
        if answer.isLast, let accepted = acceptedArchiveSearch {
            acceptedArchiveSearch = nil
            keepListWideSearch(accepted)
        }
    }
}
