extension Renderer {
    /// The bookmark list (`B`): a box of `date  issue | title` rows, the selected one
    /// highlighted, newest first.
    static func drawBookmarks(_ state: ReaderState, selected: Int, into grid: inout ScreenGrid) {
        let list = state.bookmarkList
        let ambiguous = grid.ambiguousWide
        // The issue's name takes at most a third of the box.
        let nameRoom = max(6, (grid.columns - 4) / 3)
        var lines: [(String, CellStyle)] = []
        for index in ListCursor.shownRows(selected: selected, count: list.count, visible: state.boxRows) {
            let entry = list[index]
            let name = TextWidth.truncate(entry.issueName, to: nameRoom, ambiguousWide: ambiguous, ellipsis: "...")
            lines.append((entry.day + "  " + name + " | " + entry.title, index == selected ? .selection : .overlay))
        }
        if list.isEmpty { lines = [("no bookmarks yet (* bookmarks an article)", .overlay)] }
        let widest = lines.map { TextWidth.of($0.0, ambiguousWide: ambiguous) }.max() ?? 0
        drawBox(
            into: &grid, header: "Bookmarks (\(list.count))", lines: lines,
            footer: KeyMap.hints(in: .bookmarks, table: state.bindings), width: min(grid.columns - 2, widest + 4))
    }
}
