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
    /// List the open article's links to open one (`o`).
    case showLinks
    /// Open the prompt that saves the open article to a file (`s`).
    case saveArticle
    /// Open the prompt that pipes the open article to a command (`|`).
    case pipeArticle
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
    /// Sent by the app once the first frame is up (and after the whole of a large issue
    /// is read): asks for the search indexes of the issues to be built in the background
    /// (`Effect.prepareSearch`), so that the first list-wide `/` need not wait for them.
    case prepareSearch
    /// The app's answer to `Effect.prepareSearch`: the indexes it built. A list-wide
    /// search that waited for them runs now.
    case searchPrepared([PreparedSearchIndex])
    /// The app's answer to `Effect.searchArchive`: the next hits (issue by issue, in list
    /// order), and whether the search is done.
    case archiveHits(ArchiveHits)
    /// Mouse wheel: lines to scroll (negative is up).
    case scroll(Int)
    /// Mouse click at a screen position.
    case click(row: Int, column: Int)
    /// `y`: copy the paragraph at the top of the article view (or the current match's).
    case copyParagraph
    /// `Y`: copy the whole article, title and text as shown, without the wrapping.
    case copyArticle
    /// `m`: the next key (a letter) names a mark to set at the top of the screen.
    case setMark
    /// `'`: the next key (a letter) names a mark to jump to; `''` jumps back.
    case jumpToMark
    /// A mark's letter after `m`: set mark `letter` at the top of the screen.
    case setMarkNamed(Character)
    /// A mark's letter after `'`: jump to mark `letter`.
    case jumpToMarkNamed(Character)
    /// `''`: back to where the last jump started.
    case jumpBack
    /// `*`: bookmark the article (or take its bookmark away).
    case toggleBookmark
    /// `B`: the bookmarks of every issue.
    case bookmarks
    /// The app's answer to an `Effect`: what came of it, shown in the status bar.
    case effectFinished(String)
    /// The runner's answer to a save whose file exists: ask whether to overwrite it with `text`.
    case confirmOverwrite(path: String, text: String)
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
