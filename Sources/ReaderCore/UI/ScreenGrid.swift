/// A screen's worth of cells, rows × columns, as `render` produces it. Text is
/// written only through `put`, which shows every scalar through `SafeText`.
///
/// A wide character occupies two cells: the first holds the text with width 2, the
/// second is a continuation (`""`, width 0). A wide character that does not fit before
/// the right edge (or a limit) is replaced by a space: it is never split.
public struct ScreenGrid: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public private(set) var cells: [ScreenCell]
    /// Whether East Asian Ambiguous characters take two columns.
    public let ambiguousWide: Bool
    /// Where the terminal cursor should be shown (the search prompt), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    /// The links on screen, for the terminal's OSC 8 hyperlinks (the article view, with no
    /// overlay over it).
    public var hyperlinks: [ScreenHyperlink] = []
    private var cursorColumn = 0

    public init(rows: Int, columns: Int, ambiguousWide: Bool = false) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.ambiguousWide = ambiguousWide
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> ScreenCell {
        cells[row * columns + column]
    }

    public static func == (lhs: ScreenGrid, rhs: ScreenGrid) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.cells == rhs.cells
            && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn && lhs.hyperlinks == rhs.hyperlinks
    }

    /// Fills `row` from `from` up to (not including) `to` with spaces in `style`.
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: CellStyle) {
        guard row >= 0, row < rows else { return }
        let end = min(columns, to ?? columns)
        var column = max(0, from)
        while column < end {
            cells[row * columns + column] = ScreenCell(text: " ", width: 1, style: style)
            column += 1
        }
        repairEdges(row: row)
    }

    /// Writes `text` at (`row`, `column`) in `style`, stopping at `limit` (default: the
    /// right edge). Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle, limit: Int? = nil) -> Int {
        put(Array(text.unicodeScalars), row: row, column: column, limit: limit) { _ in style }
    }

    /// Writes `scalars` cluster by cluster; `style` gives the style of the cluster that
    /// starts at a scalar index (so matches can be highlighted per scalar).
    @discardableResult
    public mutating func put(
        _ scalars: [Unicode.Scalar], row: Int, column start: Int, limit: Int? = nil,
        style: (Int) -> CellStyle
    ) -> Int {
        guard row >= 0, row < rows else { return start }
        let end = min(columns, limit ?? columns)
        var column = max(0, start)
        let boundaries = GraphemeBreaker.boundaries(scalars)
        var index = 0
        while index < scalars.count, column < end {
            var next = index + 1
            while next < scalars.count, !boundaries[next] { next += 1 }
            if scalars[index].value < 0x20 || scalars[index].value == 0x7F {
                // An ASCII control is a cluster of its own (CR LF aside): in caret
                // notation, two cells of one column (a cell holds one spacing character).
                for scalar in scalars[index..<next] {
                    SafeText.visible(scalar) { safe in
                        guard column < end else { return }
                        cells[row * columns + column] = ScreenCell(text: String(Character(safe)), width: 1, style: style(index))
                        column += 1
                    }
                }
                index = next
                continue
            }
            // Every scalar goes through SafeText here, whoever wrote it (a search typed
            // with a bidi override, a warning quoting a state file): nothing reaches the
            // terminal raw. Laid-out article text is safe already and passes unchanged.
            var shown = String.UnicodeScalarView()
            var width = 0
            for scalar in scalars[index..<next] {
                SafeText.visible(scalar) { safe in
                    shown.append(safe)
                    width += max(0, DisplayWidth.of(safe, ambiguousWide: ambiguousWide))
                }
            }
            if width == 0, scalars[index..<next].allSatisfy(Self.isInvisible) {
                // Zero-width format characters on their own (U+200B, U+2060, U+FEFF…):
                // nothing to draw, no column taken.
                index = next
                continue
            }
            var text = String(shown)
            if width == 0 {
                // A lone combining mark: give it a base so it takes a cell of its own.
                text = " " + text
                width = 1
            }
            let cellStyle = style(index)
            if column + width > end {
                // Never split a wide character: pad the rest with spaces.
                fill(row: row, from: column, to: end, style: cellStyle)
                return end
            }
            cells[row * columns + column] = ScreenCell(text: text, width: width, style: cellStyle)
            for covered in 1..<max(1, width) where column + covered < columns {
                cells[row * columns + column + covered] = ScreenCell(text: "", width: 0, style: cellStyle)
            }
            column += width
            index = next
        }
        repairEdges(row: row)
        return column
    }

    /// Default-ignorable format characters that show nothing and take no column: zero
    /// width space and joiners, word joiner and invisible operators, BOM, bidi marks,
    /// variation selectors, Mongolian free variation selectors, tags. (Bidi embeddings and
    /// overrides never get here: `SafeText` shows them as U+FFFD.)
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x034F, 0x061C, 0x180B...0x180F, 0x200B...0x200F, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF,
             0xE0000...0xE0FFF:
            true
        default:
            false
        }
    }

    /// After a partial overwrite, a wide character may have lost its right half (or a
    /// continuation its left half): turn such orphans into spaces.
    private mutating func repairEdges(row: Int) {
        let base = row * columns
        var column = 0
        while column < columns {
            let cell = cells[base + column]
            if cell.isContinuation {
                cells[base + column] = ScreenCell(text: " ", width: 1, style: cell.style)
                column += 1
            } else if cell.width >= 2 {
                // A cluster may cover more than two cells (👍🏽 takes four): it is intact
                // when all `width - 1` cells after it are its continuations.
                var end = column + 1
                while end < column + cell.width, end < columns, cells[base + end].isContinuation { end += 1 }
                if end - column < cell.width {
                    cells[base + column] = ScreenCell(text: " ", width: 1, style: cell.style)
                    column += 1
                } else {
                    column = end
                }
            } else {
                column += 1
            }
        }
    }

    /// The rows as strings: continuation cells omitted, trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let cell = self[row, column]
                if !cell.isContinuation { line += cell.text }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The rows as style letters (one per cell), for tests of highlighting:
    /// see `CellStyle.letter`.
    public func styleLines() -> [String] {
        (0..<rows).map { row in
            String((0..<columns).map { self[row, $0].style.letter })
        }
    }
}

extension CellStyle {
    /// One letter per style for `ScreenGrid.styleLines()`.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .title: "T"
        case .heading: "H"
        case .selection: "S"
        case .selectedUnread: "B"
        case .match: "m"
        case .currentMatch: "M"
        case .status: "="
        case .dim: "d"
        case .unread: "U"
        case .overlay: "o"
        case .overlayHeading: "O"
        case .prompt: "p"
        case .message: "!"
        }
    }
}
