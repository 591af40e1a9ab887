import ReaderCore

/// Loads and saves the reading state of the open document (`StateStore`) for the
/// terminal app: once at start, then whenever the article or the read marks change,
/// and at quit. A failed save is remembered and reported once, after the screen closes.
final class ReadingStateSaver {
    private let store: StateStore
    private let path: String
    /// FNV-1a of the document's bytes.
    let contentHash: UInt64
    private var lastSaved: ReadingState?
    /// The first save failure, as a one-line warning.
    private(set) var failure: String?

    init(store: StateStore, path: String, source: [UInt8]) {
        self.store = store
        self.path = path
        self.contentHash = FNV1a.hash(source)
    }

    /// The saved state, or nil; a warning (corrupt or unreadable file) goes to `warn`.
    func load(warn: (String) -> Void) -> ReadingState? {
        switch store.load(path: path, contentHash: contentHash) {
        case .state(let state):
            lastSaved = state
            return state
        case .none:
            return nil
        case .ignored(let warning):
            warn(warning)
            return nil
        }
    }

    /// Saves when the article, the screen or the read marks differ from the last save
    /// (`force`: also when only the position in the article moved, as at quit).
    func save(_ reading: ReadingState, force: Bool = false) {
        if let lastSaved {
            if lastSaved == reading { return }
            if !force, lastSaved.article == reading.article, lastSaved.screen == reading.screen,
               lastSaved.read == reading.read {
                return
            }
        }
        do {
            try store.save(reading, path: path)
            lastSaved = reading
        } catch {
            if failure == nil { failure = "cannot save the reading state: \(error.description)" }
        }
    }
}
