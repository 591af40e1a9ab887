/// The link overlay (`o`): the open article's links, the ones on screen first, and the
/// one selected (ARCHITECTURE.md, "Links").
public struct LinkList: Sendable, Equatable {
    /// The links in the order the overlay numbers them.
    public var links: [ArticleLink]
    /// How many of `links` (the first ones) were on screen when the list opened.
    public var onScreen: Int
    /// Index into `links` of the selected one.
    public var selected = 0

    /// `links` (in reading order) with those whose first character is in `visible` (source
    /// offsets of the lines on screen) moved first, each part keeping reading order.
    public init(links: [ArticleLink], visible: Range<Int>) {
        let shown = links.filter { visible.contains($0.offset) }
        self.links = shown + links.filter { !visible.contains($0.offset) }
        onScreen = shown.count
    }
}

extension LinkList {
    /// What a key in the link overlay asks of the state.
    enum Outcome: Equatable {
        /// The selection moved: keep the overlay, as it is now.
        case moved
        /// Close the overlay and open `link` (`ReaderState` checks that it may).
        case open(ArticleLink)
        /// Keep the overlay and show this in the status bar.
        case message(String)
        case close
        /// Open the help over the article view.
        case help
        case quit
        /// Not a key of the link overlay.
        case ignored
    }

    /// Applies `action` to the overlay, `rows` of whose links fit in the box; the link
    /// overlay's keys, as `ContentsOverlay.update` is the table of contents'.
    mutating func update(_ action: Action, rows: Int) -> Outcome {
        var cursor = ListCursor(selected: selected)
        if cursor.move(action, count: links.count, visible: rows) {
            selected = cursor.selected
            return .moved
        }
        switch action {
        case .accept: return links.indices.contains(selected) ? .open(links[selected]) : .ignored
        case .number(let number):
            return links.indices.contains(number - 1) ? .open(links[number - 1]) : .message("no link \(number)")
        case .close: return .close
        case .help: return .help
        case .quit: return .quit
        default: return .ignored
        }
    }
}
