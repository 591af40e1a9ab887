extension Renderer {
    // MARK: Search prompt (the view of the `/` prompt)

    /// The `/` prompt on the bottom row: the query, then how the search stands (matches,
    /// hits, "searching...", "not found") and the prompt's keys.
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
