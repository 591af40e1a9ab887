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
        let slots = (0..<issueCount).map { state.slot($0) }
        // Each row: (number, label, title or nil, suffix, unread).
        var rows: [(number: String, label: String, title: String?, suffix: String, unread: Bool)] = []
        if let filter = issueList.filter {
            for (index, hit) in filter.hits.enumerated() {
                let document = slots[hit.issue].document
                rows.append((String(index + 1), document.name, document.articles[hit.article].title,
                             "\(hit.count) hit\(hit.count == 1 ? "" : "s")", false))
            }
        } else {
            for (index, slot) in slots.enumerated() {
                // A large issue still being read (a preview) has no counts yet; a feed not
                // read yet has its store's (`Document.knownCounts`).
                let known = slot.document.knownCounts
                guard slot.document.isComplete || known != nil else {
                    rows.append((String(index + 1), slot.document.name, nil, "loading...", true))
                    continue
                }
                let articles = slot.document.isComplete ? slot.document.articles.count : known?.articles ?? 0
                let unread = slot.document.isComplete ? slot.unreadCount : known?.unread ?? 0
                let suffix = "\(articles) article\(articles == 1 ? "" : "s")  " + (unread == 0 ? "all read" : "\(unread) unread")
                rows.append((String(index + 1), slot.document.name, nil, suffix, unread > 0))
            }
        }
        let numberWidth = String(max(1, rows.count)).count
        let suffixWidth = rows.map { TextWidth.of($0.suffix, ambiguousWide: ambiguous) }.max() ?? 0
        // A hit's issue name takes at most a third of the row.
        let labelRoom = max(6, grid.columns / 3)
        drawRows(issueList.cursor, count: rows.count, rows: state.bodyRows, suffixWidth: suffixWidth, into: &grid) {
            row, grid in
            let entry = rows[row.index]
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
        if rows.isEmpty, let filter = issueList.filter, filter.isComplete {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let position = rows.isEmpty ? "[0/0]" : "[\(issueList.cursor.selected + 1)/\(rows.count)]"
        let query = issueList.filter.map { $0.isComplete ? $0.query : $0.query + " searching..." }
        drawListStatus(state, position: position, query: query, context: .issues, into: &grid)
    }
}
