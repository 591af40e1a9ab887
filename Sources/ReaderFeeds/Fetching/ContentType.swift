/// An HTTP `Content-Type` value (`application/rss+xml; charset="GB2312"`) split into its
/// media type and its `charset` parameter (RFC 9110, 8.3).
struct ContentType: Equatable {
    /// The media type, lowercased (`application/rss+xml`).
    let mediaType: String
    /// The `charset` parameter unquoted, as written (nil: none).
    let charset: String?

    init(mediaType: String, charset: String?) {
        self.mediaType = mediaType
        self.charset = charset
    }

    init(_ value: String) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        mediaType = parts.first.map { $0.trimmingWhiteSpace().lowercased() } ?? ""
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingWhiteSpace().lowercased() == "charset" else { continue }
            var label = pair[1].trimmingWhiteSpace()
            if label.hasPrefix("\""), label.hasSuffix("\""), label.count >= 2 { label = String(label.dropFirst().dropLast()) }
            if !label.isEmpty { charset = label }
            break
        }
        self.charset = charset
    }
}

extension Substring {
    /// The text without the spaces and tabs around it.
    func trimmingWhiteSpace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
