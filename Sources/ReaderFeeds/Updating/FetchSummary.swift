/// The one line that says what a fetch of several feeds did (`reader --fetch`, `R`).
public enum FetchSummary {
    /// "3 feeds: 1 updated (2 new articles), 1 not modified, 1 failed".
    public static func line(_ results: [FeedUpdater.Result]) -> String {
        var updated = 0, newItems = 0, notModified = 0, failed = 0
        for result in results {
            switch result {
            case .updated(let count):
                updated += 1
                newItems += count
            case .notModified: notModified += 1
            case .failed: failed += 1
            }
        }
        let feeds = results.count
        return "\(feeds) \(feeds == 1 ? "feed" : "feeds"): \(updated) updated (\(newItems) new \(newItems == 1 ? "article" : "articles")), "
            + "\(notModified) not modified, \(failed) failed"
    }
}
