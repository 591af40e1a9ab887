import CNcurses
import ReaderCore

/// Writes the links of a frame as OSC 8 hyperlinks (ARCHITECTURE.md, "Links"), after
/// curses' refresh: each link's cells are written again at an explicit cursor position
/// between `ESC ] 8 ; id=… ; URL ESC \` and `ESC ] 8 ; ; ESC \`, so the terminal makes
/// them one clickable link (a link wrapped over two lines shares its id). The URL is the
/// one Reader recognised, made safe by `LinkTarget.terminalSafe`; nothing of the file's
/// own escapes is passed through. A row that has or had links is redrawn whole by
/// `TerminalScreen.draw`, so no old link stays on cells that show something else.
enum TerminalHyperlinks {
    static func write(_ grid: ScreenGrid, rows: [Int], styles: TerminalStyles) {
        guard !rows.isEmpty else { return }
        for link in grid.hyperlinks where rows.contains(link.row) {
            reader_direct_move(Int32(link.row), Int32(link.columns.lowerBound))
            text(opening(link))
            for column in link.columns where !grid[link.row, column].isContinuation {
                DirectCells.put(grid[link.row, column], styles: styles)
            }
            text(closing)
        }
        reader_direct_attributes(reader_a_normal(), 0)
        reader_direct_move(reader_cursor_row(), reader_cursor_column())
        reader_direct_flush()
    }

    /// The sequence that starts `link`.
    static func opening(_ link: ScreenHyperlink) -> String {
        "\u{1B}]8;id=\(LinkTarget.terminalSafe(link.id));\(LinkTarget.terminalSafe(link.url))\u{1B}\\"
    }

    /// The sequence that ends a hyperlink.
    static let closing = "\u{1B}]8;;\u{1B}\\"

    private static func text(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { reader_direct_text($0.baseAddress, $0.count) }
        }
    }
}
