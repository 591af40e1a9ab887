extension Renderer {
    // MARK: Links

    /// The link overlay (the view of `LinkList`, in a box of `rows` lines): the links
    /// numbered (the ones on screen first), the selected one highlighted, as many as fit
    /// around it.
    static func drawLinks(_ list: LinkList, rows: Int, bindings: [KeyBinding], into grid: inout ScreenGrid) {
        drawNumberedList(
            header: "Links", items: list.links.map(\.written), selected: list.selected, rows: rows,
            footer: KeyMap.hints(in: .links, table: bindings), minimumWidth: 30, into: &grid)
    }

    /// Records the OSC 8 hyperlinks of the links on layout line `index`, drawn at screen
    /// `row` from column `start` (`ScreenGrid.hyperlinks`): only links Reader may open, and
    /// each part of a link wrapped over several lines with the same URL and id (the
    /// article and the link's source offset).
    static func addHyperlinks(
        _ layout: ArticleLayout, links: [ArticleLink], article: Int, line index: Int, row: Int, start: Int,
        into grid: inout ScreenGrid
    ) {
        let line = layout.lines[index]
        guard line.text >= 0 else { return }
        let scalars = layout.texts[line.text].scalars
        for link in links where link.text == line.text && link.isOpenable {
            let lower = max(link.scalars.lowerBound, line.range.lowerBound)
            let upper = min(link.scalars.upperBound, line.range.upperBound)
            guard lower < upper else { continue }
            let from = start + TextWidth.of(scalars[line.range.lowerBound..<lower], ambiguousWide: grid.ambiguousWide)
            let to = min(grid.columns, from + TextWidth.of(scalars[lower..<upper], ambiguousWide: grid.ambiguousWide))
            guard from < to else { continue }
            grid.hyperlinks.append(
                ScreenHyperlink(row: row, columns: from..<to, url: link.url, id: "reader-\(article)-\(link.offset)"))
        }
    }
}

extension Renderer {
    // MARK: Save and pipe prompts

    /// The save, pipe or overwrite prompt on the status bar: its label and the end of
    /// what is typed, the cursor after it, and the prompt's keys when there is room.
    static func drawTextPrompt(_ state: ReaderState, _ prompt: TextPrompt, into grid: inout ScreenGrid) {
        let row = grid.rows - 1
        grid.fill(row: row, style: .prompt)
        var room = grid.columns - 1
        if case .overwrite = prompt.kind {} else {
            let hints = fittingHints(.prompt, in: grid.columns / 3, table: state.bindings)
            if !hints.isEmpty {
                let width = TextWidth.of(hints)
                grid.put(hints, row: row, column: grid.columns - 1 - width, style: .prompt)
                room = grid.columns - width - 3
            }
        }
        // The end of a long path or command shows: that is where the typing happens.
        var typed = prompt.text
        let label = TextWidth.truncate(prompt.label, to: max(0, room - 4), ambiguousWide: grid.ambiguousWide)
        let labelWidth = TextWidth.of(label, ambiguousWide: grid.ambiguousWide)
        while !typed.isEmpty, labelWidth + TextWidth.of(SafeText.sanitize(typed), ambiguousWide: grid.ambiguousWide) > room - 1 {
            typed.removeFirst()
        }
        let end = grid.put(label + typed, row: row, column: 0, style: .prompt, limit: room)
        grid.cursor = (row, min(end, grid.columns - 1))
    }
}
