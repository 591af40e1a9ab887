import ReaderFeeds
import Testing

/// How a feed is named in the issue list, and the `--fetch` summary line.
@Suite struct FeedIssueTests {
    let subscription = Subscription(url: "https://example.com/cq.rss")

    @Test func neverFetched() {
        #expect(FeedIssue.name(subscription, stored: nil, utcOffsetSeconds: 0) == "https://example.com/cq.rss · not fetched yet")
    }

    @Test func fetchedWithTheFeedsTitleAndLocalTime() {
        let stored = StoredFeed(url: subscription.url, title: "重庆日报", lastFetched: 1_796_515_200, itemCount: 3, unreadCount: 2)
        #expect(FeedIssue.name(subscription, stored: stored, utcOffsetSeconds: 8 * 3600) == "重庆日报 · fetched 2026-12-06 08:00")
        #expect(FeedIssue.name(subscription, stored: stored, utcOffsetSeconds: 0) == "重庆日报 · fetched 2026-12-06 00:00")
    }

    @Test func theSubscriptionsNameAndTheLastError() {
        let named = Subscription(url: subscription.url, name: "CQ")
        let stored = StoredFeed(url: subscription.url, title: "重庆日报", lastFetched: 1_796_515_200, lastError: "timed out")
        #expect(FeedIssue.name(named, stored: stored, utcOffsetSeconds: 0) == "CQ · fetched 2026-12-06 00:00 · failed: timed out")
    }

    @Test func summaryLine() {
        #expect(FetchSummary.line([.updated(newItems: 1), .notModified, .failed("timed out")])
            == "3 feeds: 1 updated (1 new article), 1 not modified, 1 failed")
        #expect(FetchSummary.line([.updated(newItems: 12)]) == "1 feed: 1 updated (12 new articles), 0 not modified, 0 failed")
        #expect(FetchSummary.line([]) == "0 feeds: 0 updated (0 new articles), 0 not modified, 0 failed")
    }

    @Test func opmlAddsOnlyNewFeeds() throws {
        let existing = [Subscription(url: "https://example.com/cq.rss", name: "Mine")]
        let merged = try SubscriptionFile.adding(opml: FeedFixture.bytes("subscriptions.opml"), to: existing)
        #expect(merged.added == 1)
        #expect(merged.subscriptions == existing + [
            Subscription(url: "https://lwn.net/headlines/rss", name: "LWN & co", tags: ["Tech"]),
        ])
    }
}
