import Synchronization

/// The size and modification time of each file of an archive, as the search index compares
/// them (`ArchiveFiles.indexFile`): the walk does not look them up (the issue list needs
/// names only), so each is looked up by the first `/` that needs it, once: the next
/// queries (each key typed is one) take it from here (ARCHITECTURE.md, "Data flow", Input).
final class ArchiveFileStatuses: Sendable {
    /// What the index compares of a file.
    struct Status: Sendable {
        var size: Int
        /// Nanoseconds since 1970.
        var modified: Int64
    }

    private let count: Int
    /// Each file's status once looked up (empty until the first is).
    private let known = Mutex<[Status?]>([])

    /// For `count` files, none looked up.
    init(count: Int) {
        self.count = count
    }

    /// File `index`'s status: as looked up before, or by `lookUp` now (nil: it cannot be
    /// looked up; asked again next time).
    func status(_ index: Int, lookUp: () -> Status?) -> Status? {
        if let status = known.withLock({ $0.isEmpty ? nil : $0[index] }) { return status }
        guard let status = lookUp() else { return nil }
        known.withLock { known in
            if known.isEmpty { known = [Status?](repeating: nil, count: count) }
            known[index] = status
        }
        return status
    }
}
