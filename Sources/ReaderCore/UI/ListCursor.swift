/// The selection in a list of rows shown a screenful at a time: the selected row, the
/// first row shown, and how the movement keys and a click change them. The one rule of
/// list movement (ARCHITECTURE.md, "Where each rule lives"), used by the issue list, the
/// article list and the overlays (table of contents, links, bookmarks).
///
/// Rows are 0-based indices into the list; the caller says how many rows the list has
/// (`count`) and how many fit on screen (`visible`), which may change between keys.
struct ListCursor: Sendable, Equatable {
    /// The selected row.
    var selected = 0
    /// The first row shown.
    var top = 0

    /// The row a movement key selects (before clamping), or nil when `action` is not a
    /// movement: one row, the wheel's rows, a screenful of `visible` rows, the first or the last.
    func target(of action: Action, count: Int, visible: Int) -> Int? {
        switch action {
        case .lineUp: selected - 1
        case .lineDown: selected + 1
        case .scroll(let rows): selected + rows
        case .pageUp: selected - visible
        case .pageDown: selected + visible
        case .top: 0
        case .bottom: count - 1
        default: nil
        }
    }

    /// The row drawn at `screenRow` of a list whose rows start on screen row 1 (below the
    /// title bar), or nil when no row is drawn there.
    func row(clickedAt screenRow: Int, count: Int, visible: Int) -> Int? {
        let row = top + screenRow - 1
        guard screenRow >= 1, screenRow <= visible, row >= 0, row < count else { return nil }
        return row
    }

    /// The row a movement key or a click on a row selects (before clamping), or nil for
    /// any other action: what a list screen's keys do first.
    func row(after action: Action, count: Int, visible: Int) -> Int? {
        if case .click(let screenRow, _) = action { return row(clickedAt: screenRow, count: count, visible: visible) }
        return target(of: action, count: count, visible: visible)
    }

    /// `n` / `N` in a list of `count` rows that are all hits of a search: the row after
    /// (or before) the selected one, wrapping around the ends with a message that says so.
    func hitRow(forward: Bool, count: Int) -> (row: Int, message: String?) {
        let target = selected + (forward ? 1 : -1)
        if target >= count { return (0, "search wrapped to the first article") }
        if target < 0 { return (count - 1, "search wrapped to the last article") }
        return (target, nil)
    }

    /// Selects `row` (clamped to the list) and scrolls to keep it shown; an empty list
    /// keeps its selection.
    mutating func select(_ row: Int, count: Int, visible: Int) {
        guard count > 0 else { return }
        selected = max(0, min(count - 1, row))
        keepSelectionVisible(count: count, visible: visible)
    }

    /// Moves the selection for a movement key; false (and no change) for any other action.
    mutating func move(_ action: Action, count: Int, visible: Int) -> Bool {
        guard let row = target(of: action, count: count, visible: visible) else { return false }
        select(row, count: count, visible: visible)
        return true
    }

    /// Scrolls as little as needed to show the selected row, and never past the end
    /// (the last screenful is full when the list is longer than the screen).
    mutating func keepSelectionVisible(count: Int, visible: Int) {
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }

    /// The rows an overlay box shows with `selected` selected: it keeps no top of its own,
    /// so the box starts at the first row and scrolls only as far as the selection needs.
    static func shownRows(selected: Int, count: Int, visible: Int) -> Range<Int> {
        var cursor = ListCursor(selected: selected)
        cursor.keepSelectionVisible(count: count, visible: visible)
        return cursor.top..<min(count, cursor.top + visible)
    }
}
