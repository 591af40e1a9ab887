/// What a cell shows, semantically; the terminal adapter turns it into colors or attributes.
public enum CellStyle: Sendable, Equatable, Hashable, CaseIterable {
    case normal
    /// The article title in the article view.
    case title
    /// A section heading.
    case heading
    /// The selected row of the list or the table of contents.
    case selection
    /// The selected row of the list when its article is unread (selected, and bold).
    case selectedUnread
    /// A search match.
    case match
    /// The current search match.
    case currentMatch
    /// Title bar and status bar.
    case status
    /// The title of an unread article in the list.
    case unread
    /// Less important text: read articles' marks, hints, section counts.
    case dim
    /// The body of an overlay (help, table of contents).
    case overlay
    /// A group title inside an overlay (the help's "Article view").
    case overlayHeading
    /// The search prompt line.
    case prompt
    /// A message to the user (wrap-around, not found).
    case message
}
