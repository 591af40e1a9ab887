/// The article list: its keys, moving the selection (`ListCursor`, as in every list), read marks.
extension ReaderState {
    mutating func applyInList(_ action: Action) {
        if deferToWholeIssue(action) { return }
        switch articleList.update(action, cursor: listCursor, articleCount: document.articles.count, visible: bodyRows) {
        case .select(let row, let text):
            selectRow(row)
            if let text { message = text }
            return
        case .openSelected:
            open(selected, atFirstHit: listFilter != nil)
            return
        case .openArticle(let article):
            selected = article
            open(article, atFirstHit: listFilter != nil)
            return
        case .message(let text):
            message = text
            return
        case .nothing:
            return
        case .ignored:
            break
        }
        switch action {
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .list, savedTop: nil, savedSearch: nil, savedFilter: listFilter,
                savedSelection: selected)
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
            if listCount > 0 { toggleRead(selected) }
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
