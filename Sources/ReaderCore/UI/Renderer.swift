/// Draws a `ReaderState` into a `ScreenGrid` (the pure `render(state, size)` of design.md §6).
///
/// Only the visible lines of the article layout are drawn, so rendering costs the same
/// for a short article and a long one.
public enum Renderer {
    static let tooSmall = "terminal too small"

    /// The screen for `state` at `size` (the state is resized first when they differ).
    public static func render(_ state: ReaderState, size: ScreenSize) -> ScreenGrid {
        var state = state
        if state.size != size { state.apply(.resize(size)) }
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
        case .help(let scroll): drawHelp(state, scroll: scroll, into: &grid)
        case nil: break
        }
        if let prompt = state.prompt { drawPrompt(state, prompt, into: &grid) }
        return grid
    }

    /// The current screen of `state`.
    public static func render(_ state: ReaderState) -> ScreenGrid {
        render(state, size: state.size)
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
    /// `right` is dropped when both do not fit, `left` is cut with `…`.
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
        let shown = TextWidth.truncate(left, to: max(0, leftRoom), ambiguousWide: ambiguous)
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
            into: &grid, row: 0, left: "Reader · \(document.name)",
            right: document.isComplete ? "\(count) article\(count == 1 ? "" : "s")" : "loading…", style: .status)
        let entryCount = state.listCount
        let numberWidth = String(max(1, count)).count
        // Only the rows on screen are looked at: the suffix column is as wide as the widest
        // suffix of all entries, which the largest count gives (widths grow with counts).
        func suffix(row: Int, article: Int) -> String {
            if let filter = state.listFilter {
                let hits = filter.hits[row].count
                return "\(hits) hit\(hits == 1 ? "" : "s")"
            }
            let sections = document.articles.sectionCount(of: article)
            return sections > 0 ? "\(sections)§" : ""
        }
        let widestSuffix: String
        if let filter = state.listFilter {
            let most = filter.maxCount
            widestSuffix = filter.hits.isEmpty ? "" : "\(most) hit\(most == 1 ? "" : "s")"
        } else {
            let most = document.articles.maxSectionCount
            widestSuffix = most > 0 ? "\(most)§" : ""
        }
        let suffixWidth = TextWidth.of(widestSuffix, ambiguousWide: grid.ambiguousWide)
        let rows = state.bodyRows
        let selectedRow = state.selectedRow
        for row in 0..<rows {
            let index = state.listTop + row
            guard index >= 0, index < entryCount else { break }
            let article = state.listEntry(index)
            let isSelected = index == selectedRow
            let style: CellStyle = isSelected ? .selection : .normal
            let screenRow = row + 1
            grid.fill(row: screenRow, style: style)
            var column = grid.put(isSelected ? "▸" : " ", row: screenRow, column: 0, style: style)
            let read = state.readArticles.contains(article)
            column = grid.put(read ? "✓" : " ", row: screenRow, column: column, style: isSelected ? style : .dim)
            let number = String(article + 1)
            let padded = String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            column = grid.put(padded, row: screenRow, column: column, style: style)
            let suffixRoom = suffixWidth > 0 ? suffixWidth + 2 : 0
            let titleRoom = max(0, grid.columns - 1 - column - suffixRoom)
            let title = TextWidth.truncate(
                document.articles[article].title, to: titleRoom, ambiguousWide: grid.ambiguousWide)
            let titleStyle: CellStyle = isSelected || read ? style : .unread
            grid.put(title, row: screenRow, column: column, style: titleStyle, limit: column + titleRoom)
            let suffix = suffix(row: index, article: article)
            if !suffix.isEmpty, grid.columns - 1 - suffixWidth > column {
                let width = TextWidth.of(suffix, ambiguousWide: grid.ambiguousWide)
                grid.put(suffix, row: screenRow, column: grid.columns - 1 - width, style: isSelected ? style : .dim)
            }
        }
        if entryCount == 0, let filter = state.listFilter {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let total = document.isComplete || state.listFilter != nil ? "\(entryCount)" : "\(entryCount)…"
        let position = entryCount == 0 ? "[0/0]" : "[\(selectedRow + 1)/\(total)]"
        drawListStatus(state, position: position, query: state.listFilter?.query, context: .list, into: &grid)
    }

    /// The status bar of a list (articles or issues): the position, then the query of a
    /// search that waits for its index ("searching…") or filters the list, then the
    /// hints that fit; or the message, with the position on the right.
    static func drawListStatus(
        _ state: ReaderState, position: String, query: String?, context: KeyContext, into grid: inout ScreenGrid
    ) {
        var left = position + state.conversionLabel
        if let pending = state.pendingListSearch {
            left += " /\(pending.query) searching…"
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

    // MARK: Issue list

    /// The issue list of an archive: one row per issue with its article and unread
    /// counts; after a search, one row per article with hits, labelled with its issue.
    static func drawIssues(_ state: ReaderState, into grid: inout ScreenGrid) {
        let ambiguous = grid.ambiguousWide
        let issueCount = state.issueCount
        drawBar(
            into: &grid, row: 0, left: "Reader · \(state.archiveName)",
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
        for row in 0..<state.bodyRows {
            let index = state.issueListTop + row
            guard rows.indices.contains(index) else { break }
            let entry = rows[index]
            let isSelected = index == state.issueSelected
            let style: CellStyle = isSelected ? .selection : .normal
            let screenRow = row + 1
            grid.fill(row: screenRow, style: style)
            var column = grid.put(isSelected ? "▸" : " ", row: screenRow, column: 0, style: style)
            let padded = String(repeating: " ", count: max(0, numberWidth - entry.number.count + 1)) + entry.number + " "
            column = grid.put(padded, row: screenRow, column: column, style: style)
            let suffixRoom = suffixWidth > 0 ? suffixWidth + 2 : 0
            let end = max(column, grid.columns - 1 - suffixRoom)
            if let title = entry.title {
                let label = TextWidth.truncate(entry.label, to: min(labelRoom, max(0, end - column)), ambiguousWide: ambiguous)
                column = grid.put(label, row: screenRow, column: column, style: isSelected ? style : .dim, limit: end)
                column = grid.put(" │ ", row: screenRow, column: column, style: isSelected ? style : .dim, limit: end)
                let shown = TextWidth.truncate(title, to: max(0, end - column), ambiguousWide: ambiguous)
                grid.put(shown, row: screenRow, column: column, style: style, limit: end)
            } else {
                let name = TextWidth.truncate(entry.label, to: max(0, end - column), ambiguousWide: ambiguous)
                grid.put(name, row: screenRow, column: column, style: isSelected || !entry.unread ? style : .unread, limit: end)
            }
            if grid.columns - 1 - suffixWidth > column {
                let width = TextWidth.of(entry.suffix, ambiguousWide: ambiguous)
                grid.put(entry.suffix, row: screenRow, column: grid.columns - 1 - width, style: isSelected ? style : .dim)
            }
        }
        if rows.isEmpty, let filter = state.archiveFilter {
            grid.put(
                TextWidth.truncate("no article contains “\(filter.query)”", to: grid.columns - 2),
                row: 1, column: 1, style: .dim)
        }
        let position = rows.isEmpty ? "[0/0]" : "[\(state.issueSelected + 1)/\(rows.count)]"
        drawListStatus(state, position: position, query: state.archiveFilter?.query, context: .issues, into: &grid)
    }

    // MARK: Article

    static func drawArticle(_ state: ReaderState, into grid: inout ScreenGrid) {
        let document = state.document
        let article = document.articles[state.current]
        let number = "[\(state.current + 1)/\(document.articles.count)]"
        drawBar(into: &grid, row: 0, left: "\(number) \(article.title)", right: "", style: .status)
        let layout = state.currentLayout
        let top = state.topLine
        let rows = state.bodyRows
        let search = state.search?.article == state.current ? state.search : nil
        for row in 0..<rows {
            let lineIndex = top + row
            guard layout.lines.indices.contains(lineIndex) else { break }
            drawLine(layout, lineIndex, search: search, row: row + 1, into: &grid)
        }
        var matchText = ""
        if let search, let current = search.current, !search.matches.isEmpty {
            matchText = "match \(current + 1)/\(search.matches.count)"
        } else if let search, !search.matches.isEmpty {
            matchText = "\(search.matches.count) matches"
        }
        let total = layout.lines.count
        let percent = "\(total == 0 ? 100 : min(100, (top + rows) * 100 / total))%"
        // On a narrow screen the match count is kept before the percentage, and both before
        // what page-break repair did; a one-shot message goes before the repair note.
        var choices = matchText.isEmpty ? [percent] : [matchText + "  " + percent, matchText]
        let repair = repairNote(
            article, repaired: document.isRepaired,
            key: KeyMap.keyName(for: .toggleRepair, in: .article, table: state.bindings))
        if !repair.isEmpty, state.message == nil { choices.insert(repair + "  " + choices[0], at: 0) }
        let right = choices.first { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) + 9 <= grid.columns } ?? ""
        if let message = state.message {
            drawBar(into: &grid, row: grid.rows - 1, left: message, right: right, style: .status, leftStyle: .message)
            return
        }
        var left = number + state.conversionLabel
        if let section = state.currentSection {
            left += " §\(section + 1)/\(article.sections.count) \(article.sections[section].title)"
        }
        drawBar(into: &grid, row: grid.rows - 1, left: left, right: right, style: .status)
    }

    /// What the status bar says of page-break repair in `article`: how many joins it made
    /// and the `key` that shows the text as written (`2 joins · r: raw`), or `raw` when the
    /// text is shown as written; nothing when repair joined nothing.
    static func repairNote(_ article: Article, repaired: Bool, key: String?) -> String {
        guard repaired else { return "raw" }
        let joins = article.lead.reduce(0) { $0 + $1.repairedJoins.count }
            + article.sections.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.repairedJoins.count } }
        guard joins > 0 else { return "" }
        return "\(joins) join\(joins == 1 ? "" : "s")" + (key.map { " · \($0): raw" } ?? "")
    }

    /// One layout line at screen `row`, one column in from the left edge.
    static func drawLine(
        _ layout: ArticleLayout, _ index: Int, search: PageSearch?, row: Int, into grid: inout ScreenGrid
    ) {
        let line = layout.lines[index]
        guard line.text >= 0 else { return }
        let base: CellStyle
        switch line.kind {
        case .title: base = .title
        case .heading: base = .heading
        case .body, .blank: base = .normal
        }
        let limit = grid.columns - 1
        var column = grid.put(line.prefix, row: row, column: 1, style: base, limit: limit)
        let text = layout.texts[line.text]
        let scalars = Array(text.scalars[line.range])
        let matches = search.map { visibleMatches($0.matches, text: line.text, range: line.range) } ?? []
        let currentIndex = search?.current
        let start = line.range.lowerBound
        column = grid.put(scalars, row: row, column: column, limit: limit) { offset in
            let scalarIndex = start + offset
            for (number, match) in matches where match.scalars.contains(scalarIndex) {
                return number == currentIndex ? .currentMatch : .match
            }
            return base
        }
    }

    /// The matches (with their numbers) that touch `range` of text `text`. `matches` are in
    /// reading order and do not overlap, so a binary search finds the first one: a line
    /// costs the same however many matches the article has.
    static func visibleMatches(
        _ matches: [SearchMatch], text: Int, range: Range<Int>
    ) -> [(offset: Int, element: SearchMatch)] {
        var low = 0
        var high = matches.count
        while low < high {
            let mid = (low + high) / 2
            let match = matches[mid]
            if match.text < text || (match.text == text && match.scalars.upperBound <= range.lowerBound) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        var result: [(offset: Int, element: SearchMatch)] = []
        var index = low
        while index < matches.count, matches[index].text == text, matches[index].scalars.lowerBound < range.upperBound {
            result.append((index, matches[index]))
            index += 1
        }
        return result
    }

    // MARK: Overlays

    /// A box of `lines` over the screen: a header row, the lines, a footer of hints.
    static func drawBox(
        into grid: inout ScreenGrid, header: String, lines: [(String, CellStyle)], footer: String,
        width wanted: Int
    ) {
        var width = min(grid.columns, max(wanted, 16))
        // A box that nearly fills the screen fills it: no slivers of text beside it.
        if grid.columns - width < 6 { width = grid.columns }
        let left = (grid.columns - width) / 2
        let height = min(grid.rows - 2, lines.count + 2)
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
        for (offset, line) in lines.prefix(max(0, height - 2)).enumerated() {
            row(top + 1 + offset, line.0, line.1)
        }
        row(top + height - 1, footer, .status)
    }

    static func drawContents(_ state: ReaderState, selected: Int, into grid: inout ScreenGrid) {
        let sections = state.document.articles[state.current].sections
        let numberWidth = String(sections.count).count
        let visible = max(1, min(sections.count, grid.rows - 4))
        let first = max(0, min(selected - visible + 1, sections.count - visible))
        var lines: [(String, CellStyle)] = []
        for index in first..<min(sections.count, first + visible) {
            let number = String(index + 1)
            let text = String(repeating: " ", count: numberWidth - number.count) + number + " " + sections[index].title
            lines.append((text, index == selected ? .selection : .overlay))
        }
        let widest = lines.map { TextWidth.of($0.0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        drawBox(
            into: &grid, header: "Sections", lines: lines, footer: KeyMap.hints(in: .contents, table: state.bindings),
            width: min(grid.columns - 4, widest + 4))
    }

    /// The help text of the screen under the overlay, drawn from the key map.
    static func helpLines(for state: ReaderState) -> [String] {
        let context: KeyContext
        switch state.screen {
        case .issues: context = .issues
        case .list: context = .list
        case .article: context = .article
        }
        var lines: [String] = []
        for part in [context, .contents, .prompt] where part != .contents || context == .article {
            let bindings = KeyMap.bindings(in: part, table: state.bindings)
            let keysWidth = bindings.map { TextWidth.of($0.label) }.max() ?? 0
            if !lines.isEmpty { lines.append("") }
            lines.append(part.title)
            for binding in bindings {
                lines.append("  " + TextWidth.pad(binding.label, to: keysWidth) + "  " + binding.help)
            }
        }
        return lines
    }

    static func drawHelp(_ state: ReaderState, scroll: Int, into grid: inout ScreenGrid) {
        let all = helpLines(for: state)
        let visible = max(1, grid.rows - 4)
        let first = max(0, min(scroll, all.count - visible))
        let lines = all[first..<min(all.count, first + visible)].map { line -> (String, CellStyle) in
            (line, line.hasPrefix("  ") || line.isEmpty ? .overlay : .heading)
        }
        let widest = all.map { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        let more = first + visible < all.count ? "  ↓ more" : ""
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
                status = "searching…"
            } else if let filter = state.listFilter, !prompt.text.isEmpty {
                status = filter.hits.isEmpty ? "not found" : "\(filter.hits.count) of \(state.document.articles.count) articles"
            }
        case .archive:
            if state.pendingListSearch != nil {
                status = "searching…"
            } else if let filter = state.archiveFilter, !prompt.text.isEmpty {
                let issues = filter.issueCount
                status = filter.hits.isEmpty ? "not found"
                    : "\(filter.hits.count) article\(filter.hits.count == 1 ? "" : "s") in \(issues) issue\(issues == 1 ? "" : "s")"
            }
        }
        grid.fill(row: row, style: .prompt)
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
