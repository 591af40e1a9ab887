import Foundation
import GRDB
@testable import ReaderFeeds
import ReaderSources
import Testing

/// The store on a temporary directory: feeds and items recorded, flags kept across
/// fetches, retention, migrations, and a damaged file moved aside.
@Suite struct FeedStoreTests {
    let url = "http://127.0.0.1:1/news.rss"

    func newsSource() throws -> ConvertedSource {
        try SourceConverter.convert(FeedFixture.bytes("news.rss"), format: .xmlFeed)
    }

    @Test func aFetchedFeedIsStoredItemByItem() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FeedStore.open(directory: directory.path).store
        try store.record(url, outcome: .converted(try newsSource(), etag: "\"v1\"", lastModified: nil), now: 1000)
        #expect(try store.feeds() == [StoredFeed(
            url: url, title: "重庆日报 & Friends", etag: "\"v1\"", lastFetched: 1000, itemCount: 2, unreadCount: 2)])
        let items = try store.items(url)
        #expect(items.map(\.key) == [
            "https://example.com/a/1\n重庆计划3年内建成试点城市", "https://example.com/a/2\nSecond item",
        ])
        #expect(items.map(\.published) == ["Sun, 06 Dec 2026 08:00:00 +0800", ""])
        let source = try newsSource()
        #expect(try store.issueText(url) == source.text)
    }

    @Test func flagsSurviveTheNextFetchAndFailures() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FeedStore.open(directory: directory.path).store
        try store.record(url, outcome: .converted(try newsSource(), etag: nil, lastModified: nil), now: 1000)
        try store.setRead(url, keys: ["https://example.com/a/2\nSecond item"])
        try store.setBookmarked(url, keys: ["https://example.com/a/1\n重庆计划3年内建成试点城市"])
        try store.record(url, outcome: .converted(try newsSource(), etag: nil, lastModified: nil), now: 2000)
        try store.record(url, outcome: .failed("HTTP 500 Internal Server Error"), now: 3000)
        #expect(try store.feeds() == [StoredFeed(
            url: url, title: "重庆日报 & Friends", lastFetched: 3000, lastError: "HTTP 500 Internal Server Error",
            itemCount: 2, unreadCount: 1)])
        #expect(try store.items(url).map { [$0.isRead, $0.isBookmarked] } == [[false, true], [true, false]])
        try store.record(url, outcome: .notModified, now: 4000)
        #expect(try store.feed(url)?.lastError == nil)
        #expect(try store.feed(url)?.lastFetched == 4000)
    }

    @Test func oldItemsGoButBookmarkedOnesStay() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FeedStore.open(directory: directory.path).store
        try store.record(url, outcome: .converted(try newsSource(), etag: nil, lastModified: nil), now: 0)
        try store.setBookmarked(url, keys: ["https://example.com/a/2\nSecond item"])
        #expect(try store.removeItems(olderThanDays: 30, now: 29 * 86_400) == 0)
        #expect(try store.removeItems(olderThanDays: 30, now: 31 * 86_400) == 1)
        #expect(try store.items(url).map(\.key) == ["https://example.com/a/2\nSecond item"])
    }

    @Test func reopeningKeepsTheDataAndTheSchemaVersion() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try FeedStore.open(directory: directory.path).store
            try store.record(url, outcome: .converted(try newsSource(), etag: nil, lastModified: nil), now: 1)
        }
        let reopened = try FeedStore.open(directory: directory.path)
        #expect(reopened.warning == nil)
        #expect(try reopened.store.items(url).count == 2)
        let applied = try reopened.store.database.read { try FeedStore.migrator.appliedIdentifiers($0) }
        #expect(applied == ["v1", "v2", "v3"])
        // A feed's items are read in the issue's order by the index, not sorted.
        let plan = try reopened.store.database.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT key, isRead, text FROM item
                WHERE feedId = (SELECT id FROM feed WHERE url = ?) ORDER BY lastSeen DESC, position
                """, arguments: [url]).map { $0["detail"] as String }
        }
        #expect(plan.contains("SEARCH item USING INDEX item_issue_order (feedId=?)"))
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        // The feed list's unread count is read from the index, not from the items' rows.
        let unreadPlan = try reopened.store.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM item WHERE feedId = 1 AND NOT isRead")
                .map { $0["detail"] as String }
        }
        #expect(unreadPlan == ["SEARCH item USING COVERING INDEX item_read (feedId=?)"])
        let journal = try reopened.store.database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func aDamagedStoreIsMovedAsideNotEmptied() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let garbage = Array(repeating: UInt8(ascii: "x"), count: 8192)
        let path = directory.path + "/feeds.sqlite"
        FileManager.default.createFile(atPath: path, contents: Data(garbage))
        let opened = try FeedStore.open(directory: directory.path)
        #expect(opened.warning == "\(path): the feed store is damaged (file is not a database); moved aside to feeds.sqlite.damaged, a new one started")
        #expect(FileManager.default.contents(atPath: path + ".damaged") == Data(garbage))
        #expect(try opened.store.feeds() == [])
    }

    @Test func theDirectoryFollowsXDG() {
        #expect(FeedStore.directory(xdgDataHome: "/data/", home: "/home/u") == "/data/reader")
        #expect(FeedStore.directory(xdgDataHome: "relative", home: "/home/u") == "/home/u/.local/share/reader")
        #expect(FeedStore.directory(xdgDataHome: nil, home: nil) == nil)
    }
}
