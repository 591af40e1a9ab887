extension Renderer {
    /// The bookmark list (`B`): a box of `date  issue | title` rows, the selected one
    /// highlighted, newest first (the view of `BookmarksOverlay`, over `list`, the state's
    /// `bookmarkList`, in a box of `rows` lines).
    static func drawBookmarks(
        _ bookmarks: BookmarksOverlay, list: [BookmarkEntry], rows: Int, bindings: [KeyBinding],
        into grid: inout ScreenGrid
    ) {
        let selected = bookmarks.selected
        let ambiguous = grid.ambiguousWide
        // The issue's name takes at most a third of the box.
        let nameRoom = max(6, (grid.columns - 4) / 3)
        var lines: [(String, CellStyle)] = []
        for index in ListCursor.shownRows(selected: selected, count: list.count, visible: rows) {
            let entry = list[index]
            let name = TextWidth.truncate(entry.issueName, to: nameRoom, ambiguousWide: ambiguous, ellipsis: "...")
            lines.append((entry.day + "  " + name + " | " + entry.title, index == selected ? .selection : .overlay))
        }
        if list.isEmpty { lines = [("no bookmarks yet (* bookmarks an article)", .overlay)] }
        let widest = lines.map { TextWidth.of($0.0, ambiguousWide: ambiguous) }.max() ?? 0
        drawBox(
            into: &grid, header: "Bookmarks (\(list.count))", lines: lines,
            footer: KeyMap.hints(in: .bookmarks, table: bindings), width: min(grid.columns - 2, widest + 4))
    }
}
