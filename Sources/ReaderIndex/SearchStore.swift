import Foundation
import GRDB
import ReaderCore

/// The persistent search index (ARCHITECTURE.md, "Search index"): for every file searched
/// once, its size, modification time, content hash and the grams of its search texts
/// (`SearchGrams`), so that a later search reads only the files that may hold the query
/// (and those that changed). One SQLite database, written through GRDB.
///
/// - Files table: one row per file (by its absolute path's bytes), with a fresh id each
///   time the file is (re)indexed.
/// - Postings table: for each gram and segment (the files recorded by one `record` call),
///   the ids of the segment's files that hold the gram (`PostingList`). A changed or
///   removed file only loses its files row: its old postings name an id no file has any
///   more, and are never read as a candidate. When such dead files outnumber the live
///   ones, the index is emptied and fills again as files are searched.
///
/// Safe with several readers at once: WAL journal, every write one IMMEDIATE transaction
/// (the others wait for it), and a lookup reads one snapshot. A database that is not one,
/// is corrupt or has another schema is deleted and made again, silently. Every failure
/// means "no index" to the caller: the plain search runs instead.
public final class SearchStore {
    /// What the index knows of a file.
    public struct FileRecord: Sendable, Equatable {
        public var id: Int64
        public var size: Int
        public var modified: Int64
        public var contentHash: Int64
        public var repair: Bool
    }

    /// A file to record, with the grams of its search texts.
    public struct Entry: Sendable {
        public var path: [UInt8]
        public var size: Int
        public var modified: Int64
        public var contentHash: Int64
        public var repair: Bool
        public var grams: [Int64]

        public init(path: [UInt8], size: Int, modified: Int64, contentHash: Int64, repair: Bool, grams: [Int64]) {
            self.path = path
            self.size = size
            self.modified = modified
            self.contentHash = contentHash
            self.repair = repair
            self.grams = grams
        }
    }

    /// The database's file name in the cache directory.
    public static let fileName = CacheDirectory.searchIndexFileName
    /// `PRAGMA user_version` of this schema; any other version is dropped and made again.
    static let schemaVersion = 1
    /// Dead files (changed or removed since they were indexed) tolerated before the
    /// index is emptied: at least this many, and more than the live ones.
    static let deadFilesAllowed = 1000

    /// `$XDG_CACHE_HOME/reader`, or `$HOME/.cache/reader`; nil without either (`CacheDirectory`).
    public static func directory(xdgCacheHome: String?, home: String?) -> String? {
        CacheDirectory.path(xdgCacheHome: xdgCacheHome, home: home)
    }

    let path: String
    private var queue: DatabaseQueue

    /// Opens (or makes) the index in `directory`; nil when it cannot be made at all.
    public init?(directory: String) {
        path = directory + "/" + SearchStore.fileName
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if let opened = try? SearchStore.open(path) {
                queue = opened
            } else {
                SearchStore.delete(path)
                queue = try SearchStore.open(path)
            }
        } catch {
            return nil
        }
    }

    /// Opens the database at `path` with its schema (made when missing, made again when
    /// another version's), checking that it reads.
    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 32 MiB of pages: a segment's inserts touch leaves all over the postings tree.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        // The usual case, the schema there already, takes no write lock.
        let isCurrent = try queue.read { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version") == schemaVersion
                && Int.fetchOne(db, sql: "SELECT count(*) FROM meta") != nil
        }
        if isCurrent { return queue }
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version != schemaVersion {
                    try db.execute(sql: """
                        DROP TABLE IF EXISTS files;
                        DROP TABLE IF EXISTS postings;
                        DROP TABLE IF EXISTS meta;
                        CREATE TABLE files (
                            id INTEGER PRIMARY KEY AUTOINCREMENT, path BLOB NOT NULL UNIQUE,
                            size INTEGER NOT NULL, modified INTEGER NOT NULL, hash INTEGER NOT NULL,
                            repair INTEGER NOT NULL);
                        CREATE TABLE postings (
                            gram INTEGER NOT NULL, segment INTEGER NOT NULL, ids BLOB NOT NULL,
                            PRIMARY KEY (gram, segment)) WITHOUT ROWID;
                        CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                        INSERT INTO meta VALUES ('segment', 0), ('dead', 0);
                        PRAGMA user_version = \(schemaVersion);
                        """)
                }
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM meta")
                return .commit
            }
        }
        return queue
    }

    /// Removes the database and its WAL and shared-memory files.
    private static func delete(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Runs `body`; when the database turns out corrupt (or not a database), makes it
    /// again, empty, and gives `fallback`. Any other failure gives `fallback` too.
    private func recovering<Result>(_ fallback: Result, _ body: (DatabaseQueue) throws -> Result) -> Result {
        do {
            return try body(queue)
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            try? queue.close()
            SearchStore.delete(path)
            if let opened = try? SearchStore.open(path) { queue = opened }
            return fallback
        } catch {
            return fallback
        }
    }

    // MARK: Reading

    /// The files the index knows, and the ids of those whose texts hold every gram of
    /// `grams` (nil: no gram, every file is a candidate), read from one snapshot. Nil
    /// when the index cannot be read (it was made again: search without it).
    public func lookup(grams: [Int64]) -> (files: [[UInt8]: FileRecord], candidates: Set<Int64>?)? {
        guard let snapshot = snapshot(grams: grams) else { return nil }
        var files: [[UInt8]: FileRecord] = [:]
        for (path, record) in zip(snapshot.paths, snapshot.records) { files[path.bytes] = record }
        return (files, snapshot.candidates)
    }

    /// What `lookup` gives, kept as the index holds it (`Snapshot`): what a search of
    /// thousands of files asks, without a dictionary keyed by byte arrays (hashed byte by
    /// byte, that was most of a search with the index).
    public func snapshot(grams: [Int64]) -> Snapshot? {
        recovering(nil) { queue in
            try queue.read { db in
                var paths: [PathKey] = []
                var records: [FileRecord] = []
                let statement = try db.makeStatement(sql: "SELECT id, path, size, modified, hash, repair FROM files")
                let rows = try Row.fetchCursor(statement)
                while let row = try rows.next() {
                    let path = try row.withUnsafeData(atIndex: 1) { data in data.map { [UInt8]($0) } ?? [] }
                    paths.append(PathKey(path))
                    records.append(FileRecord(
                        id: row[0], size: row[2], modified: row[3], contentHash: row[4], repair: row[5]))
                }
                guard !grams.isEmpty else { return Snapshot(paths: paths, records: records, candidates: nil) }
                // Stale postings name dead ids too: only live files are candidates.
                let live = Set(records.map(\.id))
                return Snapshot(
                    paths: paths, records: records, candidates: try candidates(for: grams, in: db).intersection(live))
            }
        }
    }

    /// The ids of the files holding every gram of `grams`.
    private func candidates(for grams: [Int64], in db: Database) throws -> Set<Int64> {
        var bySegment: [Int64: [Int64]]? = nil
        for gram in grams {
            var found: [Int64: [Int64]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT segment, ids FROM postings WHERE gram = ?", arguments: [gram])
            while let row = try rows.next() {
                let segment: Int64 = row[0]
                if let previous = bySegment, previous[segment] == nil { continue }
                let ids = PostingList.decode(row[1])
                found[segment] = bySegment?[segment].map { PostingList.intersection($0, ids) } ?? ids
            }
            bySegment = found
            if found.isEmpty { break }
        }
        return Set((bySegment ?? [:]).values.joined())
    }

    /// The database's size in bytes (with its write-ahead log).
    public var byteSize: Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? nil
            return total + (size ?? 0)
        }
    }

    // MARK: Writing

    /// Records `entries` (files read since the lookup) as one segment, in one transaction.
    /// A file recorded meanwhile by another reader with the same size, time, hash and
    /// repair is left as it is; a file whose content is unchanged (only its time) keeps
    /// its postings.
    public func record(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        recovering(()) { queue in
            try queue.inTransaction(.immediate) { db in
                try record(entries, in: db)
                return .commit
            }
        }
    }

    private func record(_ entries: [Entry], in db: Database) throws {
        // Each gram's slot, gram after gram of each new file (`slotSequence`), counted
        // per slot; then the ids are placed slot by slot (a counting sort), ascending.
        let grams = GramTable(capacity: 1 << 16)
        var slotSequence: [Int32] = []
        var recorded: [(id: Int64, grams: Int)] = []
        var dead = 0
        for entry in entries {
            let path = Data(entry.path)
            if let row = try Row.fetchOne(
                db, sql: "SELECT id, size, modified, hash, repair FROM files WHERE path = ?", arguments: [path]) {
                let id: Int64 = row[0]
                let hash: Int64 = row[3]
                let repair: Bool = row[4]
                if hash == entry.contentHash && repair == entry.repair {
                    try db.execute(
                        sql: "UPDATE files SET size = ?, modified = ? WHERE id = ?",
                        arguments: [entry.size, entry.modified, id])
                    continue
                }
                try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [id])
                dead += 1
            }
            try db.execute(
                sql: "INSERT INTO files (path, size, modified, hash, repair) VALUES (?, ?, ?, ?, ?)",
                arguments: [path, entry.size, entry.modified, entry.contentHash, entry.repair])
            recorded.append((db.lastInsertedRowID, entry.grams.count))
            for gram in entry.grams { slotSequence.append(Int32(grams.slot(of: gram))) }
        }
        if !slotSequence.isEmpty {
            var starts = [Int](repeating: 0, count: grams.inserted.count + 1)
            for slot in slotSequence { starts[Int(slot) + 1] += 1 }
            for slot in 0..<grams.inserted.count { starts[slot + 1] += starts[slot] }
            var fill = starts
            var ids = [Int64](repeating: 0, count: slotSequence.count)
            var position = 0
            for (id, count) in recorded {
                for slot in slotSequence[position..<position + count] {
                    ids[fill[Int(slot)]] = id
                    fill[Int(slot)] += 1
                }
                position += count
            }
            let segment = (try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'segment'") ?? 0) + 1
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'segment'", arguments: [segment])
            let insert = try db.makeStatement(sql: "INSERT INTO postings (gram, segment, ids) VALUES (?, ?, ?)")
            // In key order: each insert lands next to the one before.
            for (slot, gram) in grams.inserted.enumerated().sorted(by: { $0.element < $1.element }) {
                let list = Array(ids[starts[slot]..<starts[slot + 1]])
                try insert.execute(arguments: [gram, segment, PostingList.encode(list)])
            }
        }
        try addDead(dead, in: db)
    }

    /// Forgets the files at `paths` (removed from their directories).
    public func remove(paths: [[UInt8]]) {
        guard !paths.isEmpty else { return }
        recovering(()) { queue in
            try queue.inTransaction(.immediate) { db in
                var dead = 0
                for path in paths {
                    try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [Data(path)])
                    dead += db.changesCount
                }
                try addDead(dead, in: db)
                return .commit
            }
        }
    }

    /// Counts `count` more dead files; empties the index when they outnumber the live ones.
    private func addDead(_ count: Int, in db: Database) throws {
        guard count > 0 else { return }
        try db.execute(sql: "UPDATE meta SET value = value + ? WHERE key = 'dead'", arguments: [count])
        let dead = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dead'") ?? 0
        let live = try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0
        if dead > SearchStore.deadFilesAllowed && dead > live {
            try db.execute(sql: "DELETE FROM files; DELETE FROM postings; UPDATE meta SET value = 0 WHERE key = 'dead'")
        }
    }
}
