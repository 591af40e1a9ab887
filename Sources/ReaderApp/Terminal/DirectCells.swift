import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The cells curses cannot be trusted to draw, and how they are drawn instead.
///
/// curses places characters by the C library's `wcwidth`, which knows nothing of the
/// terminal's East Asian Ambiguous width, and draws a cell as one spacing character plus
/// combining ones. A cell is *direct* when its grapheme cluster is not one scalar whose
/// `wcwidth` is the cells the grid gives it, or is an ambiguous-width scalar (whose width
/// the terminal may disagree on). curses gets spaces there (in the cell's style, so bars
/// keep their colors), and after its refresh the cluster is written at an explicit cursor
/// position, followed by the rest of the row from an explicit position: whatever width the
/// terminal draws the cluster with, every other cell lands where the grid put it.
enum DirectCells {
    /// The columns the cell at `column` covers (itself and its continuation cells).
    static func span(_ grid: ScreenGrid, row: Int, column: Int) -> Int {
        var end = column + 1
        while end < grid.columns, grid[row, end].isContinuation { end += 1 }
        return end - column
    }

    /// Whether the cell at (`row`, `column`) must be written directly.
    static func isDirect(_ grid: ScreenGrid, row: Int, column: Int) -> Bool {
        let cell = grid[row, column]
        guard !cell.isContinuation else { return false }
        var scalars = cell.text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next() else { return false }
        if scalars.next() != nil { return true }
        if scalar.value < 0x80 { return false }
        if DisplayWidth.of(scalar, ambiguousWide: true) != DisplayWidth.of(scalar, ambiguousWide: false) { return true }
        return Int(wcwidth(wchar_t(bitPattern: scalar.value))) != span(grid, row: row, column: column)
    }

    /// Whether row `row` of `grid` has a direct cell.
    static func rowHasDirect(_ grid: ScreenGrid, row: Int) -> Bool {
        (0..<grid.columns).contains { isDirect(grid, row: row, column: $0) }
    }

    /// Writes the direct cells of `rows` (and the cells after each), then puts the
    /// attributes and the cursor back where curses believes them to be.
    static func write(_ grid: ScreenGrid, rows: [Int], styles: TerminalStyles) {
        guard !rows.isEmpty else { return }
        for row in rows {
            var column = 0
            var rewriting = false
            var moved = false
            while column < grid.columns {
                let cell = grid[row, column]
                let span = span(grid, row: row, column: column)
                // The bottom-right corner is left to curses (writing it may scroll).
                let isCorner = row == grid.rows - 1 && column + span >= grid.columns
                if cell.isContinuation || isCorner {
                    column += span
                    moved = false
                    continue
                }
                if isDirect(grid, row: row, column: column) {
                    reader_direct_move(Int32(row), Int32(column))
                    put(cell, styles: styles)
                    rewriting = true
                    moved = false
                } else if rewriting {
                    if !moved { reader_direct_move(Int32(row), Int32(column)) }
                    moved = true
                    put(cell, styles: styles)
                }
                column += span
            }
        }
        reader_direct_attributes(reader_a_normal(), 0)
        reader_direct_move(reader_cursor_row(), reader_cursor_column())
        reader_direct_flush()
    }

    /// Writes `cell` with its attributes where the cursor is.
    static func put(_ cell: ScreenCell, styles: TerminalStyles) {
        let look = styles.attributes(for: cell.style)
        reader_direct_attributes(look.attributes, look.pair)
        var text = cell.text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { reader_direct_text($0.baseAddress, $0.count) }
        }
    }
}
