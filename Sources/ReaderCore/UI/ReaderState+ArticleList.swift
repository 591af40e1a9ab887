/// The article list: its keys, moving the selection (`ListCursor`, as in every list), read marks.
extension ReaderState {
    mutating func applyInList(_ action: Action) {
        if deferToWholeIssue(action) { return }
        let entryCount = listCount
        let row = selectedRow
        if let target = listCursor.row(after: action, count: entryCount, visible: bodyRows) {
            selectRow(target)
            return
        }
        switch action {
        case .open, .nextArticle:
            if entryCount == 0 { return }
            open(selected, atFirstHit: listFilter != nil)
        case .number(let number):
            if document.articles.indices.contains(number - 1) {
                selected = number - 1
                open(number - 1, atFirstHit: listFilter != nil)
            } else {
                message = "no article \(number)"
            }
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .list, savedTop: nil, savedSearch: nil, savedFilter: listFilter,
                savedSelection: selected)
        case .nextMatch, .previousMatch:
            if let hit = stepHit(action, isFiltered: listFilter != nil, from: row, count: entryCount) { selectRow(hit) }
        case .back:
            if listFilter != nil {
                listFilter = nil
                clampListTop()
            } else if isArchive {
                leaveIssue()
            }
        case .leave:
            if isArchive { leaveIssue() } else { isFinished = true }
        case .click: break
        case .toggleRead:
            if entryCount > 0 { toggleRead(selected) }
        case .toggleConversion: toggleConversion()
        case .reload: requestReload()
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: applyReadingWorkflow(action)
        }
    }

    /// The article list's selection, as rows of `listEntries`.
    var listCursor: ListCursor { ListCursor(selected: selectedRow, top: listTop) }

    /// Selects row `row` of the article list (clamped), scrolled into view.
    mutating func selectRow(_ row: Int) {
        var cursor = listCursor
        let count = listCount
        guard count > 0 else { return }
        cursor.select(row, count: count, visible: bodyRows)
        selected = listEntry(cursor.selected)
        listTop = cursor.top
    }

    /// Keeps the selected entry inside the visible part of the list.
    mutating func clampListTop() {
        var cursor = listCursor
        cursor.keepSelectionVisible(count: listCount, visible: bodyRows)
        listTop = cursor.top
    }

    /// `n` / `N` in a list (articles or issues) of `count` rows, filtered by a search when
    /// `isFiltered`: the next or previous row with hits after `row`, or nil (and a message)
    /// when there is no search.
    mutating func stepHit(_ action: Action, isFiltered: Bool, from row: Int, count: Int) -> Int? {
        guard isFiltered, count > 0 else {
            message = "no search (press / to search)"
            return nil
        }
        return wrappedHit(from: row, forward: action == .nextMatch, count: count)
    }

    /// The next (or previous) row with hits after `row`, wrapping around the ends of a
    /// filtered list of `count` rows with a message that says so.
    private mutating func wrappedHit(from row: Int, forward: Bool, count: Int) -> Int {
        let target = row + (forward ? 1 : -1)
        if target >= count {
            message = "search wrapped to the first article"
            return 0
        }
        if target < 0 {
            message = "search wrapped to the last article"
            return count - 1
        }
        return target
    }

    /// `u`: marks `article` read or unread and says which.
    mutating func toggleRead(_ article: Int) {
        if readArticles.remove(article) == nil {
            readArticles.insert(article)
            message = "marked read"
        } else {
            message = "marked unread"
        }
    }
}
