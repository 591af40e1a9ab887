#if canImport(Glibc)
import Glibc
#endif

/// Where reading states live and how one is found for a document:
/// `$XDG_STATE_HOME/reader/` (default `~/.local/state/reader/`), one file per document,
/// named `<FNV-1a of the absolute path><FNV-1a of the content>.state`.
///
/// Loading never fails loudly: a missing file is a fresh start, an unreadable or corrupt
/// one is ignored with a one-line warning. Nothing here touches the newspaper file.
public struct StateStore: Sendable {
    /// Larger state files are not read: a state is a few lines plus about 7 bytes per
    /// read article (a 10,000-article issue takes 50 KB, and 16 MiB holds the read marks of
    /// over two million articles, as many as the largest issue the reader opens in bounded
    /// memory); a 39 MB file kept the screen blank for 4 s. At 1 MiB, a state with 200,000
    /// read articles, which the reader writes itself, was refused when read back.
    public static let sizeLimit = 16 << 20

    /// The directory holding the state files.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The state directory for these environment values, or nil when neither
    /// XDG_STATE_HOME (absolute, as the XDG spec requires) nor HOME is set.
    public static func directory(xdgStateHome: String?, home: String?) -> String? {
        if let xdg = xdgStateHome, xdg.hasPrefix("/") { return trimmed(xdg) + "/reader" }
        if let home, !home.isEmpty { return trimmed(home) + "/.local/state/reader" }
        return nil
    }

    /// The file for the document at absolute `path` with content hash `contentHash`.
    public func file(forPath path: String, contentHash: UInt64) -> String {
        "\(directory)/\(FNV1a.hex(FNV1a.hash(path)))\(FNV1a.hex(contentHash)).state"
    }

    /// The outcome of a load: a state, nothing saved yet, or a warning to print.
    public enum Loaded: Equatable, Sendable {
        case state(ReadingState)
        case none
        case ignored(warning: String)
    }

    /// The saved state of the document at `path` with content hash `contentHash`.
    public func load(path: String, contentHash: UInt64) -> Loaded {
        let file = file(forPath: path, contentHash: contentHash)
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(file, limit: StateStore.sizeLimit)
        } catch {
            if error.code == ENOENT { return .none }
            return .ignored(warning: "cannot read the reading state \(error.description); starting afresh")
        }
        do {
            let state = try ReadingState.decode(bytes)
            guard state.contentHash == contentHash else {
                return .ignored(warning: "reading state \(file) belongs to other content; starting afresh")
            }
            return .state(state)
        } catch {
            return .ignored(warning: "reading state \(file) is corrupt (\(error.description)); starting afresh")
        }
    }

    /// Saves `state` for the document at `path` (atomically).
    public func save(_ state: ReadingState, path: String) throws(AtomicFile.Failure) {
        try AtomicFile.write(Array(state.encoded().utf8), to: file(forPath: path, contentHash: state.contentHash))
    }

    /// Temporary files of state writes killed half-way (`kill -9` while quitting) are
    /// removed once they are this old (seconds).
    public static let staleTemporaryAge = 10 * 60

    /// Removes the temporary state files that killed writers left behind (older than
    /// `staleTemporaryAge`); returns how many.
    @discardableResult
    public func removeStaleTemporaryFiles() -> Int {
        AtomicFile.removeStaleTemporaryFiles(in: directory, targetSuffix: ".state", age: StateStore.staleTemporaryAge)
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path == "/" ? "" : path
    }
}
