/// The bookmarks overlay (`B`), a component of its own: the selected row (its state) and
/// its keys (`update`, moving with a `ListCursor`), drawn by `Renderer.drawBookmarks`.
/// The rows are `ReaderState.bookmarkList` (every issue's bookmarks, newest first), which
/// the state hands to `update`; it owns the overlay as `Overlay.bookmarks` and carries
/// out what it answers: opening a bookmark switches issues or asks the app to open a
/// file (ReaderState+Bookmarks.swift).
public struct BookmarksOverlay: Sendable, Equatable {
    /// The selected row (an index into the bookmark list).
    public internal(set) var selected: Int

    public init(selected: Int) {
        self.selected = selected
    }

    /// What a key in the bookmarks overlay asks of the state.
    enum Outcome: Equatable {
        /// The selection moved: keep the overlay, as it is now.
        case moved
        /// Enter: open this bookmark's article.
        case open(BookmarkEntry)
        /// `*`: remove this bookmark of an open issue; the overlay, as it is now (its
        /// selection kept on the list one row shorter), stays.
        case remove(BookmarkEntry)
        /// Keep the overlay and show this in the status bar.
        case message(String)
        case close
        case quit
        /// Not a key of the bookmarks overlay (or Enter on an empty list).
        case ignored
    }

    /// Applies `action` to the overlay over `list`, `rows` of which fit in the box.
    mutating func update(_ action: Action, list: [BookmarkEntry], rows: Int) -> Outcome {
        var cursor = ListCursor(selected: selected)
        if cursor.move(action, count: list.count, visible: rows) {
            selected = cursor.selected
            return .moved
        }
        switch action {
        case .accept:
            return list.indices.contains(selected) ? .open(list[selected]) : .ignored
        case .toggleBookmark:
            guard list.indices.contains(selected), list[selected].issue != nil else {
                return .message("only bookmarks of the open issues can be removed here")
            }
            let entry = list[selected]
            selected = max(0, min(selected, list.count - 2))
            return .remove(entry)
        case .close: return .close
        case .quit: return .quit
        default: return .ignored
        }
    }
}
