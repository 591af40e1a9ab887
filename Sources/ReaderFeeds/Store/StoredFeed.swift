/// A feed as the store has it: what the last fetch said, and how many of its items are unread.
public struct StoredFeed: Sendable, Equatable {
    public var url: String
    /// The feed's own title (nil before its first successful fetch).
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    /// When it was last fetched (seconds since 1970), successfully or not.
    public var lastFetched: Double?
    /// The last fetch's failure in one line, nil when it succeeded.
    public var lastError: String?
    public var itemCount: Int
    public var unreadCount: Int

    public init(
        url: String, title: String? = nil, etag: String? = nil, lastModified: String? = nil, lastFetched: Double? = nil,
        lastError: String? = nil, itemCount: Int = 0, unreadCount: Int = 0
    ) {
        self.url = url
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.lastError = lastError
        self.itemCount = itemCount
        self.unreadCount = unreadCount
    }

    /// The request that fetches it again, conditional on what it last had.
    public var request: FetchRequest { FetchRequest(url: url, etag: etag, lastModified: lastModified) }
}

/// One stored item: its identity, its article text and its flags.
/// A feed's issue as the reader opens it (`FeedStore.issue`): the text of its items'
/// articles, and each item's key and read flag, in the issue's order.
public struct StoredIssue: Sendable, Equatable {
    public var text: [UInt8] = []
    public var keys: [String] = []
    public var isRead: [Bool] = []

    public init() {}
}

public struct StoredItem: Sendable, Equatable {
    public var key: String
    public var published: String
    /// Its article in the issue text (`## title`, paragraphs), UTF-8.
    public var text: [UInt8]
    public var isRead: Bool
    public var isBookmarked: Bool

    public init(key: String, published: String, text: [UInt8], isRead: Bool = false, isBookmarked: Bool = false) {
        self.key = key
        self.published = published
        self.text = text
        self.isRead = isRead
        self.isBookmarked = isBookmarked
    }
}
