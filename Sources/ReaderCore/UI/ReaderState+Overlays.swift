/// The overlays drawn over a screen: the key help and the table of contents.
extension ReaderState {
    /// The help overlay's lines for the screen under it (`KeyMap.helpLines`).
    var helpLines: [String] { KeyMap.helpLines(for: screenContext, table: bindings) }

    mutating func applyInHelp(_ action: Action, scroll: Int) {
        switch action {
        case .lineUp: overlay = .help(scroll: max(0, scroll - 1))
        case .lineDown: overlay = .help(scroll: min(scroll + 1, max(0, helpLines.count - 1)))
        case .scroll(let lines):
            overlay = .help(scroll: max(0, min(scroll + lines, helpLines.count - 1)))
        case .close: overlay = nil
        case .quit: isFinished = true
        default: break
        }
    }

    /// The rows an overlay box has for its lines: `Renderer.drawBox` leaves a row above and
    /// below the box and takes three for its header, blank row and footer.
    var boxRows: Int { max(1, size.rows - 5) }

    mutating func applyInContents(_ action: Action, selected section: Int) {
        let count = document.articles[current].sections.count
        var cursor = ListCursor(selected: section)
        if cursor.move(action, count: count, visible: boxRows) {
            overlay = .contents(selected: cursor.selected)
            return
        }
        switch action {
        case .accept:
            overlay = nil
            jump(toSection: section)
        case .number(let number):
            if number >= 1, number <= count {
                overlay = nil
                jump(toSection: number - 1)
            } else {
                message = "no section \(number)"
            }
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
        }
    }
}
