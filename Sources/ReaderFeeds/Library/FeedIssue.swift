#if canImport(Glibc)
import Glibc
#endif

/// How a subscribed feed appears in the issue list (ARCHITECTURE.md, "Feeds"): its name
/// (the subscription's, else the feed's title, else its URL), when it was last fetched,
/// and the last fetch's error. (The list itself shows the article and unread counts.)
public enum FeedIssue {
    /// The issue name of `subscription`, whose store record is `stored` (nil: never
    /// fetched), with times shown at `utcOffsetSeconds` from UTC.
    public static func name(_ subscription: Subscription, stored: StoredFeed?, utcOffsetSeconds: Int) -> String {
        var parts = [subscription.name ?? stored?.title ?? subscription.url]
        guard let stored, let lastFetched = stored.lastFetched else { return (parts + ["not fetched yet"]).joined(separator: " · ") }
        parts.append("fetched " + time(lastFetched, utcOffsetSeconds: utcOffsetSeconds))
        if let error = stored.lastError { parts.append("failed: " + error) }
        return parts.joined(separator: " · ")
    }

    /// `seconds` since 1970 as `YYYY-MM-DD HH:MM` at `utcOffsetSeconds` from UTC.
    public static func time(_ seconds: Double, utcOffsetSeconds: Int) -> String {
        var shifted = time_t(seconds.rounded(.down)) + time_t(utcOffsetSeconds)
        var parts = tm()
        gmtime_r(&shifted, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// The local time zone's offset from UTC now, in seconds.
    public static func localUTCOffset() -> Int {
        var now = Glibc.time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Int(parts.tm_gmtoff)
    }

    /// The name of the state the reader keeps for the feed at `url` (in place of a file path).
    public static func statePath(_ url: String) -> String { "feed:" + url }
}
