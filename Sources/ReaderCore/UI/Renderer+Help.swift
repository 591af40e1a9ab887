extension Renderer {
    // MARK: Help (the view of the help overlay)

    /// The key help over the screen, from the key map (`KeyMap.helpLines`), scrolled.
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
}
