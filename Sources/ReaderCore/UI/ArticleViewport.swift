/// The article view's scrolling, as `ListCursor` is the lists': the line that goes on top
/// for a movement key, from the top line, the article's line count and the body height.
/// `ReaderState.applyInArticle` routes the movement keys here and stores the answer as
/// the top line's source offset (positions are offsets, ARCHITECTURE.md, "Invariants").
struct ArticleViewport: Equatable {
    /// The line on top of the view.
    var top: Int
    /// The article's lines at the current width.
    var lineCount: Int
    /// Rows between the title bar and the status bar.
    var bodyRows: Int

    /// The last line that may be on top: the one that fills the view with the article's end.
    var lastTop: Int { max(0, lineCount - bodyRows) }

    /// Lines a page moves: the body height less one line kept for context.
    var pageStep: Int { max(1, bodyRows - 1) }

    /// Whether the article's end is on screen (a page down then opens the next unread).
    var isAtEnd: Bool { top >= lastTop }

    /// The top line after `action`, or nil when `action` is not a movement of the view.
    /// A view scrolled past `lastTop` (e.g. a jump to a late section) moves no further down.
    func top(after action: Action) -> Int? {
        switch action {
        case .lineUp: max(0, top - 1)
        case .lineDown: min(top + 1, max(lastTop, top))
        case .scroll(let lines): max(0, min(top + lines, max(lastTop, top)))
        case .pageUp: max(0, top - pageStep)
        case .pageDown: min(top + pageStep, lastTop)
        case .top: 0
        case .bottom: lastTop
        default: nil
        }
    }

    /// The top line that shows layout line `line`: unchanged (nil) when it is on screen
    /// already, unless `alwaysToTop`; else `line` on top, or the last top when the
    /// article ends before a screenful below it.
    func top(revealing line: Int, alwaysToTop: Bool) -> Int? {
        if !alwaysToTop, line >= top, line < top + bodyRows { return nil }
        return min(line, lastTop)
    }
}
