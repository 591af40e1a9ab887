extension Renderer {
    // MARK: Issue list (the view of the `.issues` screen)

    /// The issue list of an archive: one row per issue with its article and unread
    /// counts; after a search, one row per article with hits, labelled with its issue.
    static func drawIssues(_ state: ReaderState, into grid: inout ScreenGrid) {
        let ambiguous = grid.ambiguousWide
        let issueCount = state.issueCount
        drawBar(
            into: &grid, row: 0, left: "Reader | \(state.archiveName)",
            right: "\(issueCount) issue\(issueCount == 1 ? "" : "s")", style: .status)
        let issueList = state.issueList
        // Only the rows on screen are made (an archive may have 73,000 issues): the suffix
        // column is as wide as the widest suffix on screen.
        let count = issueList.entryCount(issueCount: issueCount)
        let top = max(0, issueList.cursor.top)
        let shown = top..<max(top, min(count, top + state.bodyRows))
        var rows: [Int: IssueRow] = [:]
        for index in shown {
            rows[index] = issueRow(state, index)
        }
        let numberWidth = String(max(1, count)).count
        let suffixWidth = rows.values.map { TextWidth.of($0.suffix, ambiguousWide: ambiguous) }.max() ?? 0
        // A hit's issue name takes at most a third of the row.
        let labelRoom = max(6, grid.columns / 3)
        drawRows(issueList.cursor, count: count, rows: state.bodyRows, suffixWidth: suffixWidth, into: &grid) {
            row, grid in
            guard let entry = rows[row.index] else { return ("", row.column) }
            let style = row.style
            let screenRow = row.screenRow
            var column = row.column
            let padded = String(repeating: " ", count: max(0, numberWidth - entry.number.count + 1)) + entry.number + " "
            column = grid.put(padded, row: screenRow, column: column, style: style)
            let suffixRoom = suffixWidth > 0 ? suffixWidth + 2 : 0
            let end = max(column, grid.columns - 1 - suffixRoom)
            if let title = entry.title {
                let label = TextWidth.truncate(entry.label, to: min(labelRoom, max(0, end - column)), ambiguousWide: ambiguous)
                column = grid.put(label, row: screenRow, column: column, style: row.isSelected ? style : .dim, limit: end)
                column = grid.put(" │ ", row: screenRow, column: column, style: row.isSelected ? style : .dim, limit: end)
                let shown = TextWidth.truncate(title, to: max(0, end - column), ambiguousWide: ambiguous)
                grid.put(shown, row: screenRow, column: column, style: style, limit: end)
            } else {
                let name = TextWidth.truncate(entry.label, to: max(0, end - column), ambiguousWide: ambiguous)
                grid.put(name, row: screenRow, column: column, style: row.isSelected || !entry.unread ? style : .unread, limit: end)
            }
            return (entry.suffix, column)
        }
        if count == 0, let filter = issueList.filter, filter.isComplete {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let position = count == 0 ? "[0/0]" : "[\(issueList.cursor.selected + 1)/\(count)]"
        let query = issueList.filter.map { $0.isComplete ? $0.query : $0.query + " searching..." }
        drawListStatus(state, position: position, query: query, context: .issues, into: &grid)
    }

    /// A row of the issue list: number, label, the hit's article title (nil: an issue's
    /// row), the suffix, and whether it is drawn as unread.
    private typealias IssueRow = (number: String, label: String, title: String?, suffix: String, unread: Bool)

    /// Row `index` of the issue list: an article with hits after a search, else an issue
    /// with its counts — "loading..." for one not read yet (a large issue still being
    /// read, a file of an archive not come to), the store's counts for a feed not read
    /// yet, the counts it had for an issue whose text was let go (`Document.knownCounts`),
    /// and why for a file that cannot be read.
    private static func issueRow(_ state: ReaderState, _ index: Int) -> IssueRow {
        if let filter = state.issueList.filter {
            let hit = filter.hits[index]
            let document = state.slot(hit.issue).document
            // An issue whose text was let go: the title the search read.
            let title = document.articles.indices.contains(hit.article)
                ? document.articles[hit.article].title : hit.title ?? ""
            return (String(index + 1), document.name, title, "\(hit.count) hit\(hit.count == 1 ? "" : "s")", false)
        }
        let slot = state.slot(index)
        if let failure = slot.failure { return (String(index + 1), slot.document.name, nil, failure.label, false) }
        let known = slot.document.knownCounts
        guard slot.document.isComplete || known != nil else {
            return (String(index + 1), slot.document.name, nil, "loading...", true)
        }
        let articles = slot.document.isComplete ? slot.document.articles.count : known?.articles ?? 0
        let unread = slot.document.isComplete ? slot.unreadCount : known?.unread ?? 0
        let suffix = "\(articles) article\(articles == 1 ? "" : "s")  " + (unread == 0 ? "all read" : "\(unread) unread")
        return (String(index + 1), slot.document.name, nil, suffix, unread > 0)
    }
}
