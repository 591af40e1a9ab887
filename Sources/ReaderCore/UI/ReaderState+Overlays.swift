/// The overlays drawn over a screen, and the routing of their keys to their components:
/// the key help (`HelpOverlay`) and the table of contents (`ContentsOverlay`) here, the
/// bookmarks (`BookmarksOverlay`) and the links (`LinkList`) in their own files.
extension ReaderState {
    /// Modal layers drawn over a screen.
    public enum Overlay: Sendable, Equatable {
        /// The key help (`HelpOverlay`: how far it is scrolled).
        case help(HelpOverlay)
        /// The table of contents (`ContentsOverlay`: the selected section).
        case contents(ContentsOverlay)
        /// The bookmarks of every issue (`BookmarksOverlay`: the selected row of `bookmarkList`).
        case bookmarks(BookmarksOverlay)
        /// The open article's links (`o`).
        case links(LinkList)

        /// The help scrolled to line `scroll`.
        public static func help(scroll: Int) -> Overlay { .help(HelpOverlay(scroll: scroll)) }

        /// The table of contents with section `selected` selected.
        public static func contents(selected: Int) -> Overlay { .contents(ContentsOverlay(selected: selected)) }

        /// The bookmarks with row `selected` selected.
        public static func bookmarks(selected: Int) -> Overlay { .bookmarks(BookmarksOverlay(selected: selected)) }

        /// The context the overlay's keys are read in.
        var keyContext: KeyContext {
            switch self {
            case .help: .help
            case .contents: .contents
            case .bookmarks: .bookmarks
            case .links: .links
            }
        }
    }

    /// Routes `action` to the overlay that is up.
    mutating func applyInOverlay(_ action: Action, _ overlay: Overlay) {
        switch overlay {
        case .help(let help): applyInHelp(action, help: help)
        case .contents(let contents): applyInContents(action, contents: contents)
        case .bookmarks(let bookmarks): applyInBookmarks(action, bookmarks: bookmarks)
        case .links(let list): applyInLinks(action, list: list)
        }
    }

    /// The help overlay's lines for the screen under it (`KeyMap.helpLines`).
    var helpLines: [String] { KeyMap.helpLines(for: screenContext, table: bindings) }

    /// Routes `action` to the help overlay (`HelpOverlay.update`) and does what it answers.
    mutating func applyInHelp(_ action: Action, help: HelpOverlay) {
        var help = help
        switch help.update(action, lineCount: helpLines.count) {
        case .scrolled: overlay = .help(help)
        case .close: overlay = nil
        case .quit: isFinished = true
        case .ignored: break
        }
    }

    /// The rows an overlay box has for its lines: `Renderer.drawBox` leaves a row above and
    /// below the box and takes three for its header, blank row and footer.
    var boxRows: Int { max(1, size.rows - 5) }

    /// Routes `action` to the table of contents (`ContentsOverlay.update`) and does what it answers.
    mutating func applyInContents(_ action: Action, contents: ContentsOverlay) {
        var contents = contents
        switch contents.update(action, sectionCount: document.articles[current].sections.count, rows: boxRows) {
        case .moved: overlay = .contents(contents)
        case .jump(let section):
            overlay = nil
            jump(toSection: section)
        case .message(let text): message = text
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        case .ignored: break
        }
    }
}
