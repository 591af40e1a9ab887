import Foundation
import GRDB
import ReaderSources

/// What a fetch changes in the store, and what the reader reads from it.
extension FeedStore {
    /// The feeds, with their item and unread counts, in the order they were first stored.
    public func feeds() throws(Failure) -> [StoredFeed] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT url, title, etag, lastModified, lastFetched, lastError,
                  (SELECT count(*) FROM item WHERE feedId = feed.id) AS itemCount,
                  (SELECT count(*) FROM item WHERE feedId = feed.id AND NOT isRead) AS unreadCount
                FROM feed ORDER BY id
                """).map { row in
                StoredFeed(
                    url: row["url"], title: row["title"], etag: row["etag"], lastModified: row["lastModified"],
                    lastFetched: row["lastFetched"], lastError: row["lastError"], itemCount: row["itemCount"],
                    unreadCount: row["unreadCount"])
            }
        }
    }

    /// The feed at `url`, or nil when it has never been stored.
    public func feed(_ url: String) throws(Failure) -> StoredFeed? {
        try feeds().first { $0.url == url }
    }

    /// Stores what fetching `url` at `now` gave: a converted feed (its items added or
    /// updated, their flags kept), a 304 (only the time), or a failure (the items kept).
    /// Returns how many items are new.
    @discardableResult
    public func record(_ url: String, outcome: RecordedOutcome, now: Double) throws(Failure) -> Int {
        try writing { db in
            try db.execute(sql: "INSERT INTO feed (url) VALUES (?) ON CONFLICT (url) DO NOTHING", arguments: [url])
            guard let feedId = try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE url = ?", arguments: [url]) else { return 0 }
            let countSQL = "SELECT count(*) FROM item WHERE feedId = ?"
            let before = try Int.fetchOne(db, sql: countSQL, arguments: [feedId]) ?? 0
            switch outcome {
            case .failed(let message):
                try db.execute(
                    sql: "UPDATE feed SET lastFetched = ?, lastError = ? WHERE id = ?", arguments: [now, message, feedId])
            case .notModified:
                try db.execute(
                    sql: "UPDATE feed SET lastFetched = ?, lastError = NULL WHERE id = ?", arguments: [now, feedId])
                try db.execute(
                    sql: "UPDATE item SET lastSeen = ? WHERE feedId = ? AND lastSeen = (SELECT max(lastSeen) FROM item WHERE feedId = ?)",
                    arguments: [now, feedId, feedId])
            case .converted(let source, let etag, let lastModified):
                try db.execute(
                    sql: "UPDATE feed SET title = ?, etag = ?, lastModified = ?, lastFetched = ?, lastError = NULL WHERE id = ?",
                    arguments: [source.name, etag, lastModified, now, feedId])
                for (position, item) in source.items.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO item (feedId, key, published, text, firstSeen, lastSeen, position)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (feedId, key) DO UPDATE SET
                              published = excluded.published, text = excluded.text,
                              lastSeen = excluded.lastSeen, position = excluded.position
                            """,
                        arguments: [
                            feedId, item.key, item.published, Data(source.text[item.textRange]), now, now, position,
                        ])
                }
            }
            return max(0, (try Int.fetchOne(db, sql: countSQL, arguments: [feedId]) ?? 0) - before)
        }
    }

    /// A fetch's outcome as the store records it (a fetched body already converted).
    public enum RecordedOutcome: Sendable {
        case converted(ConvertedSource, etag: String?, lastModified: String?)
        case notModified
        case failed(String)
    }

    /// The items of the feed at `url`, in the order the reader shows them: those of the
    /// last fetch in the feed's order, then older ones, newest first.
    ///
    /// Read through a cursor, each column by its index and the text copied once: by name,
    /// GRDB compares lowercased column names on every access, and `fetchAll` with `Data`
    /// copied each text twice — most of the time a store of 100,000 articles took to open
    /// (ARCHITECTURE.md, "Feeds").
    public func items(_ url: String) throws(Failure) -> [StoredItem] {
        try reading { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT key, published, text, isRead, isBookmarked FROM item
                WHERE feedId = (SELECT id FROM feed WHERE url = ?)
                ORDER BY lastSeen DESC, position
                """, arguments: [url])
            var items: [StoredItem] = []
            while let row = try rows.next() {
                let text = try row.withUnsafeData(atIndex: 2) { data in data.map { [UInt8]($0) } ?? [] }
                items.append(StoredItem(key: row[0], published: row[1], text: text, isRead: row[3], isBookmarked: row[4]))
            }
            return items
        }
    }

    /// The issue text of the feed at `url`: its items' articles, in `items` order.
    public func issueText(_ url: String) throws(Failure) -> [UInt8] {
        try issue(url).text
    }

    /// The feed at `url` as the reader opens it: its issue text (the items' articles, in
    /// `items` order) written straight into one buffer of the right size, and each item's
    /// key and read flag in that order. One copy of the text instead of one per item and
    /// another for the issue, which `items` then concatenation cost.
    public func issue(_ url: String) throws(Failure) -> StoredIssue {
        try reading { db in
            let feed = "(SELECT id FROM feed WHERE url = ?)"
            let size = try Int.fetchOne(db, sql: "SELECT sum(length(text)) FROM item WHERE feedId = \(feed)", arguments: [url])
            var issue = StoredIssue()
            issue.text.reserveCapacity(size ?? 0)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT key, isRead, text FROM item WHERE feedId = \(feed) ORDER BY lastSeen DESC, position
                """, arguments: [url])
            while let row = try rows.next() {
                issue.keys.append(row[0])
                issue.isRead.append(row[1])
                try row.withUnsafeData(atIndex: 2) { data in if let data { issue.text.append(contentsOf: data) } }
            }
            return issue
        }
    }

    /// Marks the items `keys` of the feed at `url` read (or unread).
    public func setRead(_ url: String, keys: [String], _ isRead: Bool = true) throws(Failure) {
        try setFlag("isRead", url: url, keys: keys, isRead)
    }

    /// Sets the read flag of each item of the feed at `url` whose key is in `marks`
    /// (one transaction; only the flags that differ are written).
    public func setReadMarks(_ url: String, _ marks: [String: Bool]) throws(Failure) {
        try writing { db in
            for (key, isRead) in marks {
                try db.execute(
                    sql: """
                        UPDATE item SET isRead = ? WHERE key = ? AND isRead != ?
                          AND feedId = (SELECT id FROM feed WHERE url = ?)
                        """,
                    arguments: [isRead, key, isRead, url])
            }
        }
    }

    /// Bookmarks the items `keys` of the feed at `url` (or removes the bookmark).
    public func setBookmarked(_ url: String, keys: [String], _ isBookmarked: Bool = true) throws(Failure) {
        try setFlag("isBookmarked", url: url, keys: keys, isBookmarked)
    }

    /// Removes the items not seen in their feed for `days` days before `now`, but not
    /// bookmarked ones. Returns how many were removed.
    @discardableResult
    public func removeItems(olderThanDays days: Int, now: Double) throws(Failure) -> Int {
        try writing { db in
            try db.execute(
                sql: "DELETE FROM item WHERE NOT isBookmarked AND lastSeen < ?",
                arguments: [now - Double(days) * 86_400])
            return db.changesCount
        }
    }

    private func setFlag(_ column: String, url: String, keys: [String], _ value: Bool) throws(Failure) {
        try writing { db in
            for key in keys {
                try db.execute(
                    sql: "UPDATE item SET \(column) = ? WHERE key = ? AND feedId = (SELECT id FROM feed WHERE url = ?)",
                    arguments: [value, key, url])
            }
        }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        do {
            return try database.read(body)
        } catch {
            throw Failure(message: "\(path): \(Self.describe(error))")
        }
    }

    private func writing<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        do {
            return try database.write(body)
        } catch {
            throw Failure(message: "\(path): \(Self.describe(error))")
        }
    }
}
