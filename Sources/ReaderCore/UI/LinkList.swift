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
