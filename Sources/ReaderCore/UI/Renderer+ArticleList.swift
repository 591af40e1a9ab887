extension Renderer {
    // MARK: Article list (the view of the `.list` screen)

    /// The article list: one row per article (or, after a search, per article with hits)
    /// with its sections, length and reading time.
    static func drawList(_ state: ReaderState, into grid: inout ScreenGrid) {
        let document = state.document
        let count = document.articles.count
        drawBar(
            into: &grid, row: 0, left: "Reader | \(document.name)",
            right: document.isComplete ? "\(count) article\(count == 1 ? "" : "s")" : "loading...", style: .status)
        let filter = state.articleList.filter
        let entryCount = state.listCount
        let numberWidth = String(max(1, count)).count
        // Only the rows on screen are looked at: the suffix column is as wide as the widest
        // suffix of all entries, which the largest count gives (widths grow with counts),
        // and the length and reading time as wide as the widest on screen.
        let rows = state.bodyRows
        let shownArticles = (0..<rows).map { state.listTop + $0 }.filter { $0 >= 0 && $0 < entryCount }
            .map(state.listEntry)
        var lengths: [Int: String] = [:]
        // On a narrow screen the titles keep the room.
        if filter == nil, grid.columns >= Renderer.readingLabelColumns {
            for article in shownArticles { lengths[article] = readingLabel(state, article: article) }
        }
        let lengthWidth = lengths.values.map { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        let ambiguous = grid.ambiguousWide
        func suffix(row: Int, article: Int) -> String {
            if let filter {
                let hits = filter.hits[row].count
                return "\(hits) hit\(hits == 1 ? "" : "s")"
            }
            let sections = document.articles.sectionCount(of: article)
            let length = lengths[article] ?? ""
            let padded = String(repeating: " ", count: max(0, lengthWidth - TextWidth.of(length, ambiguousWide: ambiguous))) + length
            guard lengthWidth > 0 else { return sections > 0 ? "\(sections)§" : "" }
            return sections > 0 ? "\(sections)§  " + padded : padded
        }
        let widestSuffix: String
        if let filter {
            let most = filter.maxCount
            widestSuffix = filter.hits.isEmpty ? "" : "\(most) hit\(most == 1 ? "" : "s")"
        } else {
            let most = document.articles.maxSectionCount
            widestSuffix = lengthWidth == 0 ? (most > 0 ? "\(most)§" : "")
                : (most > 0 ? "\(most)§  " : "") + String(repeating: " ", count: lengthWidth)
        }
        let suffixWidth = TextWidth.of(widestSuffix, ambiguousWide: grid.ambiguousWide)
        let selectedRow = state.selectedRow
        drawRows(state.listCursor, count: entryCount, rows: rows, suffixWidth: suffixWidth, into: &grid) { row, grid in
            let article = state.listEntry(row.index)
            let style = row.style
            var column = row.column
            let read = state.readArticles.contains(article)
            column = grid.put(read ? "✓" : " ", row: row.screenRow, column: column, style: row.isSelected ? style : .dim)
            let number = String(article + 1)
            let padded = String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            column = grid.put(padded, row: row.screenRow, column: column, style: style)
            let suffixRoom = suffixWidth > 0 ? suffixWidth + 2 : 0
            let titleRoom = max(0, grid.columns - 1 - column - suffixRoom)
            let star = state.bookmarks[article] != nil ? "*" : ""
            let title = TextWidth.truncate(
                star + document.articles[article].title, to: titleRoom, ambiguousWide: grid.ambiguousWide)
            let titleStyle: CellStyle = read ? style : row.isSelected ? .selectedUnread : .unread
            grid.put(title, row: row.screenRow, column: column, style: titleStyle, limit: column + titleRoom)
            return (suffix(row: row.index, article: article), column)
        }
        if entryCount == 0, let filter {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let total = document.isComplete || filter != nil ? "\(entryCount)" : "\(entryCount)+"
        let position = entryCount == 0 ? "[0/0]" : "[\(selectedRow + 1)/\(total)]"
        drawListStatus(state, position: position, query: filter?.query, context: .list, into: &grid)
    }
}
