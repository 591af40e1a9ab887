import Foundation
import GRDB

/// The store of fetched feeds: SQLite through GRDB, in `$XDG_DATA_HOME/reader/feeds.sqlite`
/// (ARCHITECTURE.md, "Feeds"). WAL, so that a `reader --fetch` from cron and an open reader
/// share it; its schema is built by `FeedStore.migrator` from version 1 on. A damaged file
/// is moved aside (renamed) and reported, never emptied.
public final class FeedStore: Sendable {
    let database: DatabasePool
    /// The database file.
    public let path: String

    /// Why the store could not be opened, in one line.
    public struct Failure: Error, Equatable {
        public let message: String
    }

    /// The store's directory for these environment values, or nil when neither
    /// XDG_DATA_HOME (absolute, as the XDG spec requires) nor HOME is set.
    public static func directory(xdgDataHome: String?, home: String?) -> String? {
        if let xdg = xdgDataHome, xdg.hasPrefix("/") { return trimmingSlashes(xdg) + "/reader" }
        if let home, !home.isEmpty { return trimmingSlashes(home) + "/.local/share/reader" }
        return nil
    }

    /// The database file's name in the directory.
    public static let fileName = "feeds.sqlite"

    /// Opens (creating, migrating) the store in `directory`. A damaged database is moved
    /// aside to `feeds.sqlite.damaged` (`.damaged-2`, … when taken) and a new one is
    /// started: `warning` says so. Other failures (no permission, a full disk) throw.
    public static func open(directory: String) throws(Failure) -> (store: FeedStore, warning: String?) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "\(directory): cannot create the directory")
        }
        let path = directory + "/" + fileName
        do {
            return (try FeedStore(path: path), nil)
        } catch let error as DatabaseError where isDamage(error) {
            let aside = try moveAside(path)
            do {
                let store = try FeedStore(path: path)
                let warning = "\(path): the feed store is damaged (\(describe(error))); "
                    + "moved aside to \((aside as NSString).lastPathComponent), a new one started"
                return (store, warning)
            } catch {
                throw Failure(message: "\(path): \(describe(error))")
            }
        } catch {
            throw Failure(message: "\(path): \(describe(error))")
        }
    }

    private init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process writing (a `reader --fetch`): wait for it rather than fail.
        configuration.busyMode = .timeout(5)
        // WAL with synchronous NORMAL: a commit does not wait for the disk (a power cut may
        // lose the last fetches, never damage the file); FULL made `--fetch` of 200 feeds
        // wait for 200 fsyncs.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        database = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Self.migrator.migrate(database)
        // Reads a page of every table: a damaged file fails here, not later in the reader.
        _ = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM feed") }
    }

    /// The schema, version by version. A version once released is never changed: a
    /// change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "feed") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("url", .text).notNull().unique()
                table.column("title", .text)
                table.column("etag", .text)
                table.column("lastModified", .text)
                table.column("lastFetched", .double)
                table.column("lastError", .text)
            }
            try db.create(table: "item") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("feedId", .integer).notNull().references("feed", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("published", .text).notNull()
                table.column("text", .blob).notNull()
                table.column("firstSeen", .double).notNull()
                table.column("lastSeen", .double).notNull()
                table.column("position", .integer).notNull()
                table.column("isRead", .boolean).notNull().defaults(to: false)
                table.column("isBookmarked", .boolean).notNull().defaults(to: false)
                table.uniqueKey(["feedId", "key"])
            }
            try db.create(index: "item_order", on: "item", columns: ["feedId", "lastSeen", "position"])
        }
        // The order (`items`, `issue`: newest fetch first, then the feed's order), so
        // that SQLite reads the texts in that order instead of sorting them, texts and all
        // (the SQL of a 100,000-article store 314 → 200 ms; ARCHITECTURE.md, "Feeds").
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "CREATE INDEX item_issue_order ON item (feedId, lastSeen DESC, position)")
        }
        // The feed list's unread counts (`feeds()`) from the index alone, not from the rows
        // with their texts (100,000 articles: 70-100 ms -> 13 ms in Python's sqlite3).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: "CREATE INDEX item_read ON item (feedId, isRead)")
        }
        return migrator
    }

    /// Whether `error` says the file is not a database or is damaged.
    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Renames the database (and its WAL and shared-memory files) to the first free
    /// `.damaged` name; returns the new path of the database.
    private static func moveAside(_ path: String) throws(Failure) -> String {
        var aside = path + ".damaged"
        var number = 2
        while FileManager.default.fileExists(atPath: aside) {
            aside = path + ".damaged-\(number)"
            number += 1
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw Failure(message: "\(path): the feed store is damaged and cannot be moved aside")
            }
        }
        return aside
    }

    /// An error in one line.
    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.resultCode.description }
        return "\(error)"
    }

    private static func trimmingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
