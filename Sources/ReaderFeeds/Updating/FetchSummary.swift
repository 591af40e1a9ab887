/// The one line `reader --fetch` ends with.
public enum FetchSummary {
    public static func line(feeds: Int, updated: Int, newItems: Int, notModified: Int, failed: Int) -> String {
        "\(feeds) \(feeds == 1 ? "feed" : "feeds"): \(updated) updated (\(newItems) new \(newItems == 1 ? "article" : "articles")), "
            + "\(notModified) not modified, \(failed) failed"
    }
}
