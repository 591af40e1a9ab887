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
        case .contents(let contents):
            drawContents(
                contents, sections: state.document.articles[state.current].sections, rows: state.boxRows,
                bindings: state.bindings, into: &grid)
        case .bookmarks(let bookmarks):
            drawBookmarks(bookmarks, list: state.bookmarkList, rows: state.boxRows, bindings: state.bindings, into: &grid)
        case .help(let help):
            drawHelp(help, lines: state.helpLines, rows: state.boxRows, bindings: state.bindings, into: &grid)
        case .links(let list): drawLinks(list, rows: state.boxRows, bindings: state.bindings, into: &grid)
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

    // MARK: Lists (shared by the article list and issue list views)

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
}
