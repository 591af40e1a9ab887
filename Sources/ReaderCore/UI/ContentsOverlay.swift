/// The table of contents overlay (`t`), a component of its own: the selected section (its
/// state), its keys (`update`, moving with a `ListCursor` as every list does), drawn by
/// `Renderer.drawContents`. `ReaderState` owns it as `Overlay.contents`, routes the
/// contents context's actions to `update` and carries out what it answers.
public struct ContentsOverlay: Sendable, Equatable {
    /// The selected section (an index into the open article's sections).
    public internal(set) var selected: Int

    public init(selected: Int) {
        self.selected = selected
    }

    /// What a key in the table of contents asks of the state.
    enum Outcome: Equatable {
        /// The selection moved: keep the overlay, as it is now.
        case moved
        /// Close the overlay and put section `index`'s heading on the top line.
        case jump(toSection: Int)
        /// Keep the overlay and show this in the status bar.
        case message(String)
        case close
        /// Open the help over the article view.
        case help
        case quit
        /// Not a key of the table of contents.
        case ignored
    }

    /// Applies `action` to the table of an article of `sectionCount` sections, `rows` of
    /// which fit in the box.
    mutating func update(_ action: Action, sectionCount count: Int, rows: Int) -> Outcome {
        var cursor = ListCursor(selected: selected)
        if cursor.move(action, count: count, visible: rows) {
            selected = cursor.selected
            return .moved
        }
        switch action {
        case .accept: return .jump(toSection: selected)
        case .number(let number):
            return number >= 1 && number <= count ? .jump(toSection: number - 1) : .message("no section \(number)")
        case .close: return .close
        case .help: return .help
        case .quit: return .quit
        default: return .ignored
        }
    }
}
