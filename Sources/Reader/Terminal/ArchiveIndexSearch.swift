import ReaderCore
import ReaderIndex

#if canImport(Glibc)
import Glibc
#endif

/// `/` in an archive's issue list (`Effect.searchArchive`), run off the main thread: the
/// persistent index (`SearchStore`, ARCHITECTURE.md "Search index") rules out the issues
/// whose files cannot hold the query, the others are counted as the plain search counts
/// (`SearchIndex.articleHits`), and the hits go back issue by issue in list order as
/// they are found. An issue is ruled out only when the index knows its file as it was
/// read (same path, size, modification time and repair); anything else is searched.
struct ArchiveIndexSearch: Sendable {
    /// An issue's file as the reader read it: the index's key (its absolute path's
    /// bytes), its size and its modification time (nanoseconds).
    struct File: Sendable {
        var key: [UInt8]
        var size: Int
        var modified: Int64
    }

    /// The index's directory (nil: every issue is searched).
    let directory: String?
    /// Each issue's file (nil: not a file the index can know, such as standard input).
    let files: [File?]

    /// Hits found are sent at the latest this long after the last were (milliseconds),
    /// so that the first hits show at once and the rest in few redraws.
    static let sendInterval: Int64 = 50

    /// The issue's file as it is now (after reading it), for `files`.
    static func file(atAbsolutePath path: String?) -> File? {
        guard let path else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return File(key: Array(path.utf8), size: Int(info.st_size), modified: IssueTree.modifiedTime(info))
    }

    /// Searches every issue of `request`; `send` gets the hits as they come (the last
    /// call with `isLast`), and the search stops early once `isCurrent` is false (a newer
    /// query was typed).
    func run(_ request: ArchiveSearchRequest, isCurrent: () -> Bool, send: (ArchiveHits) -> Void) {
        let needle = SearchFolding.fold(request.query)
        let store = directory.flatMap { SearchStore(directory: $0) }
        let lookup = store?.lookup(grams: SearchGrams.grams(of: needle))
        var found: [ArchiveFilter.Hit] = []
        var lastSent: Int64? = nil
        for (issue, searched) in request.issues.enumerated() {
            guard isCurrent() else { return }
            if let lookup, isRuledOut(issue, document: searched.document, lookup: lookup) { continue }
            let index = searched.index ?? SearchIndex(document: searched.document)
            for hit in index.articleHits(of: needle) {
                found.append(ArchiveFilter.Hit(issue: issue, article: hit.article, count: hit.count))
            }
            let now = ArchiveIndexSearch.milliseconds()
            if !found.isEmpty, lastSent.map({ now - $0 >= ArchiveIndexSearch.sendInterval }) ?? true {
                send(ArchiveHits(generation: request.generation, hits: found, isLast: false))
                found = []
                lastSent = now
            }
        }
        send(ArchiveHits(generation: request.generation, hits: found, isLast: true))
    }

    /// Whether the index says issue `issue` cannot hold the query: its file is known as
    /// it was read, and is not among the candidates.
    private func isRuledOut(
        _ issue: Int, document: Document, lookup: (files: [[UInt8]: SearchStore.FileRecord], candidates: Set<Int64>?)
    ) -> Bool {
        guard let candidates = lookup.candidates, files.indices.contains(issue), let file = files[issue],
              let record = lookup.files[file.key], record.size == file.size, record.modified == file.modified,
              record.repair == document.isRepaired
        else { return false }
        return !candidates.contains(record.id)
    }

    /// A monotonic clock in milliseconds (when to send the hits found).
    private static func milliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
