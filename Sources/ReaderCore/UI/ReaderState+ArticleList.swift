/// The article list: its keys, moving the selection (row movement shared with the issue list), read marks.
extension ReaderState {
    mutating func applyInList(_ action: Action) {
        if deferToWholeIssue(action) { return }
        let entryCount = listCount
        let row = selectedRow
        if let target = movedRow(action, from: row, count: entryCount) {
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
            guard listFilter != nil, entryCount > 0 else {
                message = "no search (press / to search)"
                return
            }
            selectRow(wrappedHit(from: row, forward: action == .nextMatch, count: entryCount))
        case .back:
            if listFilter != nil {
                listFilter = nil
                clampListTop()
            } else if isArchive {
                leaveIssue()
            }
        case .leave:
            if isArchive { leaveIssue() } else { isFinished = true }
        case .click(let row, _):
            let index = listTop + row - 1
            if row >= 1, row <= bodyRows, index >= 0, index < entryCount { selectRow(index) }
        case .toggleRead:
            if entryCount > 0 { toggleRead(selected) }
        case .toggleConversion: toggleConversion()
        case .reload: requestReload()
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
        }
    }

    mutating func selectRow(_ row: Int) {
        let count = listCount
        guard count > 0 else { return }
        selected = listEntry(max(0, min(count - 1, row)))
        clampListTop()
    }

    /// Keeps the selected entry inside the visible part of the list.
    mutating func clampListTop() {
        let row = selectedRow
        let count = listCount
        if row < listTop { listTop = row }
        if row >= listTop + bodyRows { listTop = row - bodyRows + 1 }
        listTop = max(0, min(listTop, max(0, count - bodyRows)))
    }

    /// The row a movement key selects in a list of `count` rows (the article list or the
    /// issue list; the caller clamps it), or nil when `action` is not a movement.
    func movedRow(_ action: Action, from row: Int, count: Int) -> Int? {
        switch action {
        case .lineUp: row - 1
        case .lineDown: row + 1
        case .scroll(let lines): row + lines
        case .pageUp: row - bodyRows
        case .pageDown: row + bodyRows
        case .top: 0
        case .bottom: count - 1
        default: nil
        }
    }

    /// The next (or previous) row with hits after `row`, wrapping around the ends of a
    /// filtered list of `count` rows with a message that says so.
    mutating func wrappedHit(from row: Int, forward: Bool, count: Int) -> Int {
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
