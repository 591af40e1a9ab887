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

    static func drawContents(_ state: ReaderState, selected: Int, into grid: inout ScreenGrid) {
        drawNumberedList(
            header: "Sections", items: state.document.articles[state.current].sections.map(\.title), selected: selected,
            rows: state.boxRows, footer: KeyMap.hints(in: .contents, table: state.bindings), into: &grid)
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

    static func drawHelp(_ state: ReaderState, scroll: Int, into grid: inout ScreenGrid) {
        let all = state.helpLines
        let visible = state.boxRows
        let first = max(0, min(scroll, all.count - visible))
        let lines = all[first..<min(all.count, first + visible)].map { line -> (String, CellStyle) in
            (line, line.hasPrefix("  ") || line.isEmpty ? .overlay : .overlayHeading)
        }
        let widest = all.map { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        let more = first + visible < all.count ? "  j more" : ""
        drawBox(
            into: &grid, header: "Keys", lines: lines, footer: KeyMap.hints(in: .help, table: state.bindings) + more,
            width: min(grid.columns - 2, widest + 4))
    }

    static func drawPrompt(_ state: ReaderState, _ prompt: SearchPrompt, into grid: inout ScreenGrid) {
        let row = grid.rows - 1
        var status = ""
        switch prompt.scope {
        case .article:
            if let search = state.search, !prompt.text.isEmpty {
                if let current = search.current, !search.matches.isEmpty {
                    status = "match \(current + 1)/\(search.matches.count)"
                } else {
                    status = "not found"
                }
            }
        case .list:
            if state.pendingListSearch != nil {
                status = "searching..."
            } else if let filter = state.listFilter, !prompt.text.isEmpty {
                status = filter.hits.isEmpty ? "not found" : "\(filter.hits.count) of \(state.document.articles.count) articles"
            }
        case .archive:
            if state.pendingListSearch != nil {
                status = "searching..."
            } else if let filter = state.archiveFilter, !prompt.text.isEmpty {
                let issues = filter.issueCount
                if filter.hits.isEmpty {
                    status = filter.isComplete ? "not found" : "searching..."
                } else {
                    // Hits still coming (`Effect.searchArchive`): the counts so far, then "...".
                    status = "\(filter.hits.count) article\(filter.hits.count == 1 ? "" : "s") in \(issues) issue\(issues == 1 ? "" : "s")"
                        + (filter.isComplete ? "" : "...")
                }
            }
        }
        grid.fill(row: row, style: .prompt)
        // The prompt's keys (Enter, Esc) after the status, when there is room for both.
        let hints = fittingHints(.prompt, in: grid.columns / 2 - TextWidth.of(status) - 2, table: state.bindings)
        if !hints.isEmpty { status = status.isEmpty ? hints : status + "  " + hints }
        let statusWidth = TextWidth.of(status, ambiguousWide: grid.ambiguousWide)
        var room = grid.columns - 2
        if !status.isEmpty, statusWidth + 12 <= grid.columns {
            grid.put(status, row: row, column: grid.columns - 1 - statusWidth, style: .prompt)
            room = grid.columns - statusWidth - 3
        }
        // Show the end of a long query: that is where the typing happens.
        var text = "/" + prompt.text
        while TextWidth.of(text, ambiguousWide: grid.ambiguousWide) > room - 1, !text.isEmpty {
            text.removeFirst()
        }
        let end = grid.put(text, row: row, column: 0, style: .prompt, limit: room)
        grid.cursor = (row, min(end, grid.columns - 1))
    }
}
