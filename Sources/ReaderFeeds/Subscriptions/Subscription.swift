/// One subscribed feed: its URL, the name the user gave it (nil: the feed's own title),
/// and its tags.
public struct Subscription: Sendable, Equatable {
    public var url: String
    public var name: String?
    public var tags: [String]

    public init(url: String, name: String? = nil, tags: [String] = []) {
        self.url = url
        self.name = name
        self.tags = tags
    }
}
