/// What the user asked for. `ReaderState.apply(_:)` carries it out; what an action
/// means can depend on the view (Up moves the list selection or scrolls the article).
public enum Action: Hashable, Sendable {
    case lineUp, lineDown, pageUp, pageDown, top, bottom
    /// Open the selected article (list).
    case open
    case nextArticle, previousArticle
    /// Back to the list from an article; in the list, clear the search filter.
    case back
    case quit
    /// `q` in the article list: back to the issue list in an archive, otherwise quit.
    case leave
    /// Show the table of contents (article view).
    case tableOfContents
    case previousSection, nextSection
    /// A digit key: open article N (list), jump to section N (article, contents).
    case number(Int)
    /// Open the search prompt.
    case search
    case nextMatch, previousMatch
    case toggleRepair
    /// Show the text converted to the other script, or as in the source (`c`).
    case toggleConversion
    /// Mark the selected (list) or open (article) article read or unread.
    case toggleRead
    /// Fetch the feeds again (`R`): the terminal app does it when `ReaderState.canReload`.
    case reload
    case help
    /// Close an overlay (help, contents).
    case close
    /// Enter in a prompt or the table of contents.
    case accept
    /// Esc in the prompt: cancel and restore the position.
    case cancel
    /// Backspace in the prompt.
    case deleteBackward
    /// A character typed into the prompt.
    case insert(Character)
    /// The terminal changed size.
    case resize(ScreenSize)
    /// The search indexes a waiting list-wide search needs are built (`ReaderState.isSearchReady`).
    case searchReady
    /// Mouse wheel: lines to scroll (negative is up).
    case scroll(Int)
    /// Mouse click at a screen position.
    case click(row: Int, column: Int)
}

/// A terminal size in cells.
public struct ScreenSize: Hashable, Sendable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// The smallest size the reader draws in (ARCHITECTURE.md, "How to add …").
    public static let minimum = ScreenSize(rows: 5, columns: 20)

    public var isTooSmall: Bool { rows < ScreenSize.minimum.rows || columns < ScreenSize.minimum.columns }
}
