extension Renderer {
    // MARK: Links

    /// The link overlay: the links numbered (the ones on screen first), the selected one
    /// highlighted, as many as fit around it.
    static func drawLinks(_ state: ReaderState, _ list: LinkList, into grid: inout ScreenGrid) {
        let links = list.links
        let numberWidth = String(links.count).count
        let visible = max(1, min(links.count, grid.rows - 5))
        let first = max(0, min(list.selected - visible + 1, links.count - visible))
        var lines: [(String, CellStyle)] = []
        for index in first..<min(links.count, first + visible) {
            let number = String(index + 1)
            let text = String(repeating: " ", count: numberWidth - number.count) + number + " " + links[index].written
            lines.append((text, index == list.selected ? .selection : .overlay))
        }
        let widest = lines.map { TextWidth.of($0.0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        drawBox(
            into: &grid, header: "Links", lines: lines, footer: KeyMap.hints(in: .links, table: state.bindings),
            width: min(grid.columns - 4, max(widest, 30) + 4))
    }

    /// Records the OSC 8 hyperlinks of the links on layout line `index`, drawn at screen
    /// `row` from column `start` (`ScreenGrid.hyperlinks`): only links Reader may open, and
    /// each part of a link wrapped over several lines with the same URL and id.
    static func addHyperlinks(
        _ layout: ArticleLayout, links: [ArticleLink], article: Int, line index: Int, row: Int, start: Int,
        into grid: inout ScreenGrid
    ) {
        let line = layout.lines[index]
        guard line.text >= 0 else { return }
        let scalars = layout.texts[line.text].scalars
        for (number, link) in links.enumerated() where link.text == line.text && link.isOpenable {
            let lower = max(link.scalars.lowerBound, line.range.lowerBound)
            let upper = min(link.scalars.upperBound, line.range.upperBound)
            guard lower < upper else { continue }
            let from = start + TextWidth.of(scalars[line.range.lowerBound..<lower], ambiguousWide: grid.ambiguousWide)
            let to = min(grid.columns, from + TextWidth.of(scalars[lower..<upper], ambiguousWide: grid.ambiguousWide))
            guard from < to else { continue }
            grid.hyperlinks.append(
                ScreenHyperlink(row: row, columns: from..<to, url: link.url, id: "reader-\(article)-\(number)"))
        }
    }
}
