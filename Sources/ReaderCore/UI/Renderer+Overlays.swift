extension Renderer {
    // MARK: Overlays

    /// A box of `lines` over the screen: a header row, a blank row (so that a selected
    /// first line never merges with the header, colors or not), the lines, a footer of hints.
    static func drawBox(
        into grid: inout ScreenGrid, header: String, lines: [(String, CellStyle)], footer: String,
        width wanted: Int
    ) {
        var width = min(grid.columns, max(wanted, 16))
        // A box that nearly fills the screen fills it: no slivers of text beside it.
        if grid.columns - width < 6 { width = grid.columns }
        let left = (grid.columns - width) / 2
        let height = min(grid.rows - 2, lines.count + 3)
        let top = max(1, (grid.rows - height) / 2)
        let inner = width - 2
        func row(_ y: Int, _ text: String, _ style: CellStyle) {
            grid.fill(row: y, from: left, to: left + width, style: style)
            // Reverse-video edges frame the box, with or without colors.
            grid.fill(row: y, from: left, to: left + 1, style: .status)
            grid.fill(row: y, from: left + width - 1, to: left + width, style: .status)
            let shown = TextWidth.truncate(text, to: inner, ambiguousWide: grid.ambiguousWide)
            grid.put(shown, row: y, column: left + 1, style: style, limit: left + 1 + inner)
        }
        row(top, header, .status)
        if height > 2 { row(top + 1, "", .overlay) }
        for (offset, line) in lines.prefix(max(0, height - 3)).enumerated() {
            row(top + 2 + offset, line.0, line.1)
        }
        row(top + height - 1, footer, .status)
    }

    /// The table of contents (the view of `ContentsOverlay`): the open article's
    /// `sections` numbered, the selected one highlighted, in a box of `rows` lines.
    static func drawContents(
        _ contents: ContentsOverlay, sections: [Section], rows: Int, bindings: [KeyBinding], into grid: inout ScreenGrid
    ) {
        drawNumberedList(
            header: "Sections", items: sections.map(\.title), selected: contents.selected,
            rows: rows, footer: KeyMap.hints(in: .contents, table: bindings), into: &grid)
    }

    /// A box of `items` numbered from 1, the `selected` one highlighted, as many as fit
    /// around it (the table of contents, the links).
    static func drawNumberedList(
        header: String, items: [String], selected: Int, rows: Int, footer: String, minimumWidth: Int = 0,
        into grid: inout ScreenGrid
    ) {
        let numberWidth = String(items.count).count
        var lines: [(String, CellStyle)] = []
        for index in ListCursor.shownRows(selected: selected, count: items.count, visible: rows) {
            let number = String(index + 1)
            let text = String(repeating: " ", count: numberWidth - number.count) + number + " " + items[index]
            lines.append((text, index == selected ? .selection : .overlay))
        }
        let widest = lines.map { TextWidth.of($0.0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        drawBox(into: &grid, header: header, lines: lines, footer: footer,
                width: min(grid.columns - 4, max(widest, minimumWidth) + 4))
    }
}
