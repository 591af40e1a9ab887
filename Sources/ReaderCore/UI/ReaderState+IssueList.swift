/// The issue list of an archive: its keys, and switching between the issues.
extension ReaderState {
    mutating func applyInIssues(_ action: Action) {
        switch issueList.update(action, issueCount: issues.count, visible: bodyRows) {
        case .moved(let text):
            if let text { message = text }
            return
        case .open(let row):
            openIssueRow(row)
            return
        case .message(let text):
            message = text
            return
        case .ignored:
            break
        }
        switch action {
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .archive, savedTop: nil, savedSearch: nil, savedFilter: nil,
                savedSelection: issueSelected, savedArchiveFilter: archiveFilter)
        case .back:
            if archiveFilter != nil {
                archiveFilter = nil
                issueSelected = issueIndex
                clampIssueListTop()
            }
        case .toggleConversion: toggleConversion()
        case .reload: requestReload()
        case .help: overlay = .help(scroll: 0)
        case .quit, .leave: isFinished = true
        case .bookmarks: overlay = .bookmarks(selected: 0)
        default: break
        }
    }

    /// Keeps the selected issue-list row inside the visible part of the list.
    mutating func clampIssueListTop() {
        issueCursor.keepSelectionVisible(count: issueEntryCount, visible: bodyRows)
    }

    /// Enter on an issue-list row: the issue's article list, or (after a search) the
    /// article with hits, at its first hit, with the issue's list filtered the same way.
    private mutating func openIssueRow(_ row: Int) {
        if let filter = archiveFilter {
            guard filter.hits.indices.contains(row) else { return }
            let hit = filter.hits[row]
            enterIssue(hit.issue)
            // Its text was let go since the search: opened once it is read again.
            guard document.isComplete else {
                afterLoading = .openHit(article: hit.article, query: filter.query)
                message = "loading..."
                return
            }
            listFilter = ListFilter(query: filter.query, index: searchIndex(ofIssue: issueIndex))
            selected = hit.article
            clampListTop()
            open(hit.article, atFirstHit: true)
        } else if issues.indices.contains(row) {
            if let failure = issues[row].failure {
                message = failure.message
                return
            }
            enterIssue(row)
        }
    }

    /// Makes issue `index` the open one, on its article list.
    mutating func enterIssue(_ index: Int) {
        if index != issueIndex {
            let repaired = document.isRepaired
            issueIndex = index
            document = document.withRepair(repaired)
            layouts = [:]
        }
        search = nil
        listFilter = nil
        pendingListSearch = nil
        overlay = nil
        // What a key did in another issue's list while it was being read is not this one's.
        afterLoading = nil
        actedOnPreview = false
        screen = .list
        clampListTop()
    }

    /// Back from an issue's article list to the issue list.
    mutating func leaveIssue() {
        listFilter = nil
        pendingListSearch = nil
        search = nil
        screen = .issues
        if archiveFilter == nil { issueSelected = issueIndex }
        clampIssueListTop()
    }
}
