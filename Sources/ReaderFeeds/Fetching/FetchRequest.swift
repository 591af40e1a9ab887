/// One feed to fetch: its URL and what the last fetch of it said, so that an unchanged
/// feed costs a 304 (ARCHITECTURE.md, "Feeds").
public struct FetchRequest: Sendable, Equatable {
    /// The feed's address as the user gave it (`http` or `https`).
    public var url: String
    /// The `ETag` of the last fetch, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last fetch, sent back as `If-Modified-Since`.
    public var lastModified: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What fetching one feed gave.
public enum FetchOutcome: Sendable, Equatable {
    /// 304: the feed has not changed since the `ETag` or `Last-Modified` sent.
    case notModified
    /// A 2xx answer and its body (decompressed).
    case fetched(FetchedBody)
    /// Why the feed could not be fetched, in one line (the URL not included).
    case failed(String)
}

/// A fetched body and the headers kept for the next conditional fetch.
public struct FetchedBody: Sendable, Equatable {
    public var bytes: [UInt8]
    /// The `charset` of the answer's `Content-Type`, as it was written (nil: none).
    public var charset: String?
    /// The answer's `Content-Type` without its parameters, lowercased (nil: none).
    public var mediaType: String?
    public var etag: String?
    public var lastModified: String?

    public init(bytes: [UInt8], charset: String? = nil, mediaType: String? = nil, etag: String? = nil, lastModified: String? = nil) {
        self.bytes = bytes
        self.charset = charset
        self.mediaType = mediaType
        self.etag = etag
        self.lastModified = lastModified
    }
}
