/// The key help overlay (`?`), a component of its own: how far it is scrolled (its state),
/// its keys (`update`), and the lines a box of a given height shows (`shownLines`), which
/// `Renderer.drawHelp` draws. Its text is the key map's for the screen under it
/// (`KeyMap.helpLines`); `ReaderState` owns it as `Overlay.help` and routes the help
/// context's actions to `update` (ARCHITECTURE.md, "How to add …").
public struct HelpOverlay: Sendable, Equatable {
    /// The first help line shown.
    public internal(set) var scroll: Int

    public init(scroll: Int = 0) {
        self.scroll = scroll
    }

    /// What a key in the help asks of the state.
    enum Outcome: Equatable {
        /// The help scrolled (or stayed at an end): keep it, as it is now.
        case scrolled
        case close
        case quit
        /// Not a key of the help.
        case ignored
    }

    /// Applies `action` to a help of `lineCount` lines: it scrolls no further than its last line.
    mutating func update(_ action: Action, lineCount: Int) -> Outcome {
        switch action {
        case .lineUp: scroll = max(0, scroll - 1)
        case .lineDown: scroll = min(scroll + 1, max(0, lineCount - 1))
        case .scroll(let lines): scroll = max(0, min(scroll + lines, lineCount - 1))
        case .close: return .close
        case .quit: return .quit
        default: return .ignored
        }
        return .scrolled
    }

    /// The part of `lines` a box of `rows` rows shows: from `scroll`, but never past the
    /// screenful that ends with the last line.
    func shownLines(of lines: [String], rows: Int) -> ArraySlice<String> {
        let first = max(0, min(scroll, lines.count - rows))
        return lines[first..<min(lines.count, first + rows)]
    }
}
