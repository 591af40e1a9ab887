extension Renderer {
    // MARK: Article

    /// The article view: the issue and the article's number in the title bar, the text
    /// in a column at most `page.maxWidth` wide and centred (the title centred in it), and
    /// the section, the position and the key hints in the status bar. Each is shown once.
    static func drawArticle(_ state: ReaderState, into grid: inout ScreenGrid) {
        let document = state.document
        let article = document.articles[state.current]
        drawBar(
            into: &grid, row: 0, left: "Reader | \(document.name)",
            right: "article \(state.current + 1)/\(document.articles.count)", style: .status)
        let layout = state.currentLayout
        let top = state.topLine
        let rows = state.bodyRows
        let search = state.articleScreen.search.flatMap { $0.article == state.current ? $0 : nil }
        let column = TextColumn(left: state.textLeft, width: state.layoutWidth)
        // Links become hyperlinks only where nothing is drawn over the text.
        let links = state.overlay == nil ? layout.links(onLines: top..<(top + rows)) : []
        for row in 0..<rows {
            let lineIndex = top + row
            guard layout.lines.indices.contains(lineIndex) else { break }
            let start = drawLine(layout, lineIndex, search: search, row: row + 1, column: column, into: &grid)
            if !links.isEmpty {
                addHyperlinks(
                    layout, links: links, article: state.current, line: lineIndex, row: row + 1, start: start, into: &grid)
            }
        }
        var matchText = ""
        // With a huge paragraph laid out in part, the matches counted are those laid out.
        let nearby = layout.isWindowed ? " nearby" : ""
        if let search, let current = search.current, !search.matches.isEmpty {
            matchText = "match \(current + 1)/\(search.matches.count)\(nearby)"
        } else if let search, !search.matches.isEmpty {
            matchText = "\(search.matches.count) matches\(nearby)"
        }
        let percent = "\(layout.percentShown(top: top, rows: rows, of: article.range))%"
        // On a narrow screen the match count is kept before the percentage, and both before
        // what page-break repair did; a one-shot message goes before the repair note. The
        // conversion shown (`(s2t)`) stays with the position.
        var choices = matchText.isEmpty ? [percent] : [matchText + "  " + percent, matchText]
        let conversion = String(state.conversionLabel.drop { $0 == " " })
        if !conversion.isEmpty { choices = choices.map { conversion + "  " + $0 } + [conversion] }
        let repair = repairNote(
            article, repaired: document.isRepaired,
            key: KeyMap.keyName(for: .toggleRepair, in: .article, table: state.bindings))
        if !repair.isEmpty, state.message == nil { choices.insert(repair + "  " + choices[0], at: 0) }
        // The reading time left (from the top of the screen) is the first thing dropped.
        let minutes = state.minutesLeft
        if minutes > 0 { choices.insert(choices[0] + "  \(minutes) min left", at: 0) }
        let right = choices.first { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) + 9 <= grid.columns } ?? ""
        if let message = state.message {
            // The message comes first: the right part shrinks (to the percentage) to leave it room.
            let room = grid.columns - 4 - TextWidth.of(message, ambiguousWide: grid.ambiguousWide)
            let shown = (choices + [percent]).first { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) <= room } ?? ""
            drawBar(into: &grid, row: grid.rows - 1, left: message, right: shown, style: .status, leftStyle: .message)
            return
        }
        var left = ""
        if let section = state.currentSection {
            left = "\(section + 1)/\(article.sections.count) \(article.sections[section].title)"
        }
        // The hints take what the section title (up to half the bar) leaves.
        let leftWidth = min(grid.columns / 2, TextWidth.of(left, ambiguousWide: grid.ambiguousWide))
        let room = grid.columns - 4 - leftWidth - TextWidth.of(right) - 2
        let hints = fittingHints(.article, in: room, table: state.bindings)
        drawBar(
            into: &grid, row: grid.rows - 1, left: left, right: hints.isEmpty ? right : right + "  " + hints,
            style: .status)
    }

    /// What the status bar says of page-break repair in `article`: how many joins it made
    /// and the `key` that shows the text as written (`2 joins | r: raw`; `|`, not an East
    /// Asian Ambiguous `·`, so the bar's width does not depend on the terminal), or `raw`
    /// when the text is shown as written; nothing when repair joined nothing.
    static func repairNote(_ article: Article, repaired: Bool, key: String?) -> String {
        guard repaired else { return "raw" }
        let joins = article.lead.reduce(0) { $0 + $1.repairedJoins.count }
            + article.sections.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.repairedJoins.count } }
        guard joins > 0 else { return "" }
        return "\(joins) join\(joins == 1 ? "" : "s")" + (key.map { " | \($0): raw" } ?? "")
    }

    /// Where the article text goes: `width` columns from screen column `left`.
    struct TextColumn {
        var left: Int
        var width: Int
    }

    /// One layout line at screen `row`, in the text column; a title line is centred.
    /// Returns the column its text (after the prefix) starts at.
    @discardableResult
    static func drawLine(
        _ layout: ArticleLayout, _ index: Int, search: PageSearch?, row: Int, column textColumn: TextColumn,
        into grid: inout ScreenGrid
    ) -> Int {
        let line = layout.lines[index]
        guard line.text >= 0 else { return textColumn.left }
        let base: CellStyle
        switch line.kind {
        case .title: base = .title
        case .heading: base = .heading
        case .body, .blank: base = .normal
        }
        let text = layout.texts[line.text]
        let scalars = Array(text.scalars[line.range])
        var left = textColumn.left
        if line.kind == .title {
            // The title's lines move right together, by what the widest of them leaves.
            var widest = 0
            for other in layout.lines.prefix(while: { $0.kind == .title }) where other.text >= 0 {
                let shown = layout.texts[other.text].scalars[other.range]
                widest = max(widest, TextWidth.of(other.prefix, ambiguousWide: grid.ambiguousWide)
                    + TextWidth.of(shown, ambiguousWide: grid.ambiguousWide))
            }
            left += max(0, (textColumn.width - widest) / 2)
        }
        let limit = min(grid.columns - 1, textColumn.left + textColumn.width)
        let textStart = grid.put(line.prefix, row: row, column: left, style: base, limit: limit)
        let matches = search.map { visibleMatches($0.matches, text: line.text, range: line.range) } ?? []
        let currentIndex = search?.current
        let start = line.range.lowerBound
        grid.put(scalars, row: row, column: textStart, limit: limit) { offset in
            let scalarIndex = start + offset
            for (number, match) in matches where match.scalars.contains(scalarIndex) {
                return number == currentIndex ? .currentMatch : .match
            }
            return base
        }
        return textStart
    }

    /// The matches (with their numbers) that touch `range` of text `text`. `matches` are in
    /// reading order and do not overlap, so a binary search finds the first one: a line
    /// costs the same however many matches the article has.
    static func visibleMatches(
        _ matches: [SearchMatch], text: Int, range: Range<Int>
    ) -> [(offset: Int, element: SearchMatch)] {
        var result: [(offset: Int, element: SearchMatch)] = []
        var index = matches.partitioningIndex { match in
            match.text > text || (match.text == text && match.scalars.upperBound > range.lowerBound)
        }
        while index < matches.count, matches[index].text == text, matches[index].scalars.lowerBound < range.upperBound {
            result.append((index, matches[index]))
            index += 1
        }
        return result
    }
}
