import ReaderCore

/// Where a feed's read marks and bookmarks are kept beside the state file (`reader-store`'s
/// `FeedReadMarks`, in the feed store by item: a fetch renumbers the articles, and the
/// store keeps bookmarked items for ever).
package protocol FeedMarkKeeper: AnyObject {
    /// The numbers of the articles marked read.
    func load() -> Set<Int>
    /// Writes `read`, and the bookmarks `starred` and `unstarred` since the last save
    /// (article numbers); a failure is returned in one line.
    func save(read: Set<Int>, starred: Set<Int>, unstarred: Set<Int>) -> String?
}

/// Loads and saves the reading state of the open document (`StateStore`) for the
/// terminal app: once at start, then whenever the article or the read marks change,
/// and at quit. A failed save is remembered and reported once, after the screen closes.
package final class ReadingStateSaver {
    let store: StateStore
    /// The issue file's absolute path.
    let path: String
    /// Above this size the content hash is worked out only when first needed, after the
    /// first screen is drawn (`FNV1a.wordHash`: about 0.2 ms per MB).
    static let deferredHashBytes = 4 << 20
    private let hash: ContentHash
    /// The state last saved or loaded — or, with none saved, the one the issue opened
    /// in: a save that would write the same again is skipped (quitting an archive of
    /// 20,000 issues used to write and fsync a file for every one of them, 11.5 s).
    private var lastSaved: ReadingState?
    /// The first save failure, as a one-line warning.
    private(set) var failure: String?

    /// A feed's read marks and bookmarks, kept in the feed store.
    private let feedMarks: (any FeedMarkKeeper)?

    package init(store: StateStore, path: String, source: SourceBytes, feedMarks: (any FeedMarkKeeper)? = nil) {
        self.store = store
        self.path = path
        self.feedMarks = feedMarks
        self.hash = ContentHash(source, deferred: source.count > ReadingStateSaver.deferredHashBytes)
    }

    /// The content hash of the document's bytes (works it out if it is not yet).
    var contentHash: UInt64 { hash.value }

    /// Whether `contentHash` is ready without waiting.
    var isHashReady: Bool { hash.isReady }

    /// The saved state, or nil; a warning (corrupt or unreadable file) goes to `warn`.
    func load(warn: (String) -> Void) -> ReadingState? {
        var loaded: ReadingState?
        switch store.load(path: path, contentHash: contentHash) {
        case .state(let state):
            loaded = state
        case .none:
            loaded = nil
        case .ignored(let warning):
            warn(warning)
            loaded = nil
        }
        // A feed: the store's read marks, also when a fetch changed the text (and so
        // the content hash the state file was saved under).
        if let feedMarks {
            let read = feedMarks.load()
            if loaded == nil, read.isEmpty { return nil }
            loaded = loaded ?? ReadingState(contentHash: contentHash, screen: .list, article: 0, offset: 0, read: [])
            loaded?.read = read
        }
        lastSaved = loaded
        return loaded
    }

    /// The state the issue opened in, when no saved one was loaded (see `lastSaved`).
    func noteOpeningState(_ reading: ReadingState) {
        if lastSaved == nil { lastSaved = reading }
    }

    /// Removes the temporary files that killed writers left in the state directory.
    func removeStaleTemporaryFiles() {
        store.removeStaleTemporaryFiles()
    }

    /// Saves when the article, the screen or the read marks differ from the last save
    /// (`force`: also when only the position in the article moved, as at quit).
    func save(_ reading: ReadingState, force: Bool = false) {
        if let lastSaved {
            if lastSaved == reading { return }
            if !force, lastSaved.article == reading.article, lastSaved.screen == reading.screen,
               lastSaved.read == reading.read, lastSaved.marks == reading.marks,
               lastSaved.bookmarks == reading.bookmarks {
                return
            }
        }
        if let feedMarks, lastSaved?.read != reading.read || lastSaved?.bookmarks != reading.bookmarks {
            let before = Set(lastSaved.map { Array($0.bookmarks.keys) } ?? [])
            let now = Set(reading.bookmarks.keys)
            let problem = feedMarks.save(
                read: reading.read, starred: now.subtracting(before), unstarred: before.subtracting(now))
            if let problem, failure == nil { failure = problem }
        }
        do {
            try store.save(reading, path: path)
            lastSaved = reading
        } catch {
            if failure == nil { failure = "cannot save the reading state: \(error.description)" }
        }
    }
}

/// The content hash of a document's bytes (`FNV1a.wordHash`): worked out at once for a
/// small document, on first use for a large one (after the first screen is drawn, so
/// that it does not wait for it).
private final class ContentHash {
    /// The bytes until they are hashed (then let go: an archive's saver outlives the
    /// text it keeps the state of, ARCHITECTURE.md "Data flow", Input).
    private var source: SourceBytes?
    private var result: UInt64?

    init(_ source: SourceBytes, deferred: Bool) {
        if deferred {
            self.source = source
        } else {
            result = FNV1a.contentHash(source)
        }
    }

    var isReady: Bool { result != nil }

    var value: UInt64 {
        if let result { return result }
        let value = source.map(FNV1a.contentHash) ?? 0
        result = value
        source = nil
        return value
    }
}

extension FNV1a {
    /// The content hash of `source`'s bytes.
    static func contentHash(_ source: SourceBytes) -> UInt64 {
        source.withUnsafeBufferPointer { wordHash($0) }
    }
}
