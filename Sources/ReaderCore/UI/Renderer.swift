/// Draws a `ReaderState` into a `ScreenGrid` (the pure `render(state, size)` of ARCHITECTURE.md, "Data flow").
///
/// Only the visible lines of the article layout are drawn, so rendering costs the same
/// for a short article and a long one.
public enum Renderer {
    static let tooSmall = "terminal too small"

    /// The screen for `state`, at its size: a pure function of the state, which it never
    /// changes (a new terminal size reaches the state as `.resize` before rendering).
    public static func render(_ state: ReaderState) -> ScreenGrid {
        let size = state.size
        var grid = ScreenGrid(rows: size.rows, columns: size.columns, ambiguousWide: state.ambiguousWide)
        if size.isTooSmall {
            drawTooSmall(into: &grid)
            return grid
        }
        switch state.screen {
        case .issues: drawIssues(state, into: &grid)
        case .list: drawList(state, into: &grid)
        case .article: drawArticle(state, into: &grid)
        }
        switch state.overlay {
        case .contents(let selected): drawContents(state, selected: selected, into: &grid)
        case .bookmarks(let selected): drawBookmarks(state, selected: selected, into: &grid)
        case .help(let scroll): drawHelp(state, scroll: scroll, into: &grid)
        case .links(let list): drawLinks(state, list, into: &grid)
        case nil: break
        }
        if let prompt = state.prompt { drawPrompt(state, prompt, into: &grid) }
        if let prompt = state.textPrompt { drawTextPrompt(state, prompt, into: &grid) }
        return grid
    }

    static func drawTooSmall(into grid: inout ScreenGrid) {
        guard grid.rows > 0, grid.columns > 0 else { return }
        // On a very narrow terminal the words go on two lines.
        let lines = TextWidth.of(tooSmall) <= grid.columns || grid.rows < 2 ? [tooSmall] : ["terminal", "too small"]
        for (index, line) in lines.enumerated() {
            let text = TextWidth.truncate(line, to: grid.columns)
            let column = max(0, (grid.columns - TextWidth.of(text)) / 2)
            grid.put(text, row: (grid.rows - lines.count) / 2 + index, column: column, style: .message)
        }
    }

    // MARK: Bars

    /// A full-width bar: `left` from column 1, `right` ending one column before the edge;
    /// `right` is dropped when both do not fit, `left` is cut with `...` (bars use no
    /// character whose width depends on the terminal's ambiguous width).
    static func drawBar(
        into grid: inout ScreenGrid, row: Int, left: String, right: String, style: CellStyle,
        leftStyle: CellStyle? = nil
    ) {
        grid.fill(row: row, style: style)
        let ambiguous = grid.ambiguousWide
        let rightWidth = TextWidth.of(right, ambiguousWide: ambiguous)
        let leftWidth = TextWidth.of(left, ambiguousWide: ambiguous)
        var leftRoom = grid.columns - 2
        // The right part wins over the left when the left can be cut to a few columns.
        if !right.isEmpty, rightWidth + min(leftWidth, 6) + 3 <= grid.columns {
            grid.put(right, row: row, column: grid.columns - 1 - rightWidth, style: style)
            leftRoom = grid.columns - rightWidth - 4
        }
        let shown = TextWidth.truncate(left, to: max(0, leftRoom), ambiguousWide: ambiguous, ellipsis: "...")
        grid.put(shown, row: row, column: 1, style: leftStyle ?? style, limit: 1 + max(0, leftRoom))
    }

    /// As many of the context's hints as fit in `room` columns; the last one (help)
    /// is kept longest.
    static func fittingHints(_ context: KeyContext, in room: Int, table: [KeyBinding]) -> String {
        var parts = KeyMap.hintParts(in: context, table: table)
        while parts.count > 1, TextWidth.of(parts.joined(separator: "  ")) > room {
            parts.remove(at: parts.count - 2)
        }
        let text = parts.joined(separator: "  ")
        return TextWidth.of(text) <= room ? text : ""
    }

    // MARK: List

    static func drawList(_ state: ReaderState, into grid: inout ScreenGrid) {
        let document = state.document
        let count = document.articles.count
        drawBar(
            into: &grid, row: 0, left: "Reader | \(document.name)",
            right: document.isComplete ? "\(count) article\(count == 1 ? "" : "s")" : "loading...", style: .status)
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
        if state.listFilter == nil, grid.columns >= Renderer.readingLabelColumns {
            for article in shownArticles { lengths[article] = readingLabel(state, article: article) }
        }
        let lengthWidth = lengths.values.map { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        let ambiguous = grid.ambiguousWide
        func suffix(row: Int, article: Int) -> String {
            if let filter = state.listFilter {
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
        if let filter = state.listFilter {
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
        if entryCount == 0, let filter = state.listFilter {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let total = document.isComplete || state.listFilter != nil ? "\(entryCount)" : "\(entryCount)+"
        let position = entryCount == 0 ? "[0/0]" : "[\(selectedRow + 1)/\(total)]"
        drawListStatus(state, position: position, query: state.listFilter?.query, context: .list, into: &grid)
    }

    /// The status bar of a list (articles or issues): the position, then the query of a
    /// search that waits for its index ("searching...") or filters the list, then the
    /// hints that fit; or the message, with the position on the right.
    static func drawListStatus(
        _ state: ReaderState, position: String, query: String?, context: KeyContext, into grid: inout ScreenGrid
    ) {
        var left = position + state.conversionLabel
        if let pending = state.pendingListSearch {
            left += " /\(pending.query) searching..."
        } else if let query {
            left += " /\(query)"
        }
        if let message = state.message {
            drawBar(into: &grid, row: grid.rows - 1, left: message, right: position, style: .status, leftStyle: .message)
        } else {
            let room = grid.columns - TextWidth.of(left, ambiguousWide: grid.ambiguousWide) - 4
            drawBar(into: &grid, row: grid.rows - 1, left: left, right: fittingHints(context, in: room, table: state.bindings), style: .status)
        }
    }

    /// One row of a list screen as `drawRows` hands it over.
    struct ListRow {
        /// The row's index in the list.
        let index: Int
        let screenRow: Int
        let isSelected: Bool
        /// `.selection` for the selected row, else `.normal`.
        let style: CellStyle
        /// The column after the selection marker.
        let column: Int
    }

    /// The rows of a list screen (articles or issues) between the bars, as `cursor` shows
    /// them: each row filled in its style with `▸` before the selected one; `drawRow`
    /// draws the rest and returns the row's suffix and the column its text reached, and the
    /// suffix goes right-aligned (dim unless selected) where it clears that column.
    static func drawRows(
        _ cursor: ListCursor, count: Int, rows: Int, suffixWidth: Int, into grid: inout ScreenGrid,
        drawRow: (ListRow, inout ScreenGrid) -> (suffix: String, column: Int)
    ) {
        for row in 0..<rows {
            let index = cursor.top + row
            guard index >= 0, index < count else { break }
            let isSelected = index == cursor.selected
            let style: CellStyle = isSelected ? .selection : .normal
            let screenRow = row + 1
            grid.fill(row: screenRow, style: style)
            let column = grid.put(isSelected ? "▸" : " ", row: screenRow, column: 0, style: style)
            let (suffix, reached) = drawRow(
                ListRow(index: index, screenRow: screenRow, isSelected: isSelected, style: style, column: column), &grid)
            if !suffix.isEmpty, grid.columns - 1 - suffixWidth > reached {
                let width = TextWidth.of(suffix, ambiguousWide: grid.ambiguousWide)
                grid.put(suffix, row: screenRow, column: grid.columns - 1 - width, style: isSelected ? style : .dim)
            }
        }
    }

    // MARK: Issue list

    /// The issue list of an archive: one row per issue with its article and unread
    /// counts; after a search, one row per article with hits, labelled with its issue.
    static func drawIssues(_ state: ReaderState, into grid: inout ScreenGrid) {
        let ambiguous = grid.ambiguousWide
        let issueCount = state.issueCount
        drawBar(
            into: &grid, row: 0, left: "Reader | \(state.archiveName)",
            right: "\(issueCount) issue\(issueCount == 1 ? "" : "s")", style: .status)
        let slots = (0..<issueCount).map { state.slot($0) }
        // Each row: (number, label, title or nil, suffix, unread).
        var rows: [(number: String, label: String, title: String?, suffix: String, unread: Bool)] = []
        if let filter = state.archiveFilter {
            for (index, hit) in filter.hits.enumerated() {
                let document = slots[hit.issue].document
                rows.append((String(index + 1), document.name, document.articles[hit.article].title,
                             "\(hit.count) hit\(hit.count == 1 ? "" : "s")", false))
            }
        } else {
            for (index, slot) in slots.enumerated() {
                let articles = slot.document.articles.count
                let unread = slot.unreadCount
                let suffix = "\(articles) article\(articles == 1 ? "" : "s")  " + (unread == 0 ? "all read" : "\(unread) unread")
                rows.append((String(index + 1), slot.document.name, nil, suffix, unread > 0))
            }
        }
        let numberWidth = String(max(1, rows.count)).count
        let suffixWidth = rows.map { TextWidth.of($0.suffix, ambiguousWide: ambiguous) }.max() ?? 0
        // A hit's issue name takes at most a third of the row.
        let labelRoom = max(6, grid.columns / 3)
        drawRows(state.issueCursor, count: rows.count, rows: state.bodyRows, suffixWidth: suffixWidth, into: &grid) {
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
        if rows.isEmpty, let filter = state.archiveFilter, filter.isComplete {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let position = rows.isEmpty ? "[0/0]" : "[\(state.issueSelected + 1)/\(rows.count)]"
        let query = state.archiveFilter.map { $0.isComplete ? $0.query : $0.query + " searching..." }
        drawListStatus(state, position: position, query: query, context: .issues, into: &grid)
    }
}
