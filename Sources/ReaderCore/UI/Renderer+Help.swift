extension Renderer {
    // MARK: Help (the view of the help overlay)

    /// The key help over the screen: `help`'s part of `lines` (the key map's,
    /// `KeyMap.helpLines`) in a box of `rows` lines, with a "j more" while more follow.
    static func drawHelp(
        _ help: HelpOverlay, lines all: [String], rows visible: Int, bindings: [KeyBinding], into grid: inout ScreenGrid
    ) {
        let shown = help.shownLines(of: all, rows: visible)
        let lines = shown.map { line -> (String, CellStyle) in
            (line, line.hasPrefix("  ") || line.isEmpty ? .overlay : .overlayHeading)
        }
        let widest = all.map { TextWidth.of($0, ambiguousWide: grid.ambiguousWide) }.max() ?? 0
        let more = shown.endIndex < all.count ? "  j more" : ""
        drawBox(
            into: &grid, header: "Keys", lines: lines, footer: KeyMap.hints(in: .help, table: bindings) + more,
            width: min(grid.columns - 2, widest + 4))
    }
}
