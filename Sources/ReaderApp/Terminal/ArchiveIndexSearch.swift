import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `/` in an archive's issue list (`Effect.searchArchive`), run off the main thread: the
/// persistent index (`ArchiveIndexLookup`: `IndexArchiveLookup` over the `IndexStore`,
/// ARCHITECTURE.md "Search index") rules out the issues
/// whose files cannot hold the query, the others are counted as the plain search counts
/// (`SearchIndex.articleHits`), and the hits go back issue by issue in list order as
/// they are found. An issue is ruled out only when the index knows its file as it was
/// read (same path, size, modification time and repair); anything else is searched.
package struct ArchiveIndexSearch: Sendable {
    /// An issue's file as the reader read it: the index's key (its absolute path's
    /// bytes), its size and its modification time (nanoseconds).
    package struct File: Sendable {
        package var key: [UInt8]
        package var size: Int
        package var modified: Int64
    }

    /// The persistent index (nil: every issue is searched).
    let index: (any ArchiveIndexLookup)?
    /// Issue i's file as the index would know it (nil: not a file the index can know).
    let file: @Sendable (Int) -> File?
    /// Reads issue i's file, for an issue whose text the state does not hold (nil: it
    /// cannot be read); the document as an archive's file is first read.
    let read: @Sendable (Int) -> Document?

    package init(
        index: (any ArchiveIndexLookup)?, file: @escaping @Sendable (Int) -> File?,
        read: @escaping @Sendable (Int) -> Document?
    ) {
        self.index = index
        self.file = file
        self.read = read
    }

    /// Hits found are sent at the latest this long after the last were (milliseconds),
    /// so that the first hits show at once and the rest in few redraws.
    static let sendInterval: Int64 = 50

    /// Searches every issue of `request`; `send` gets the hits as they come (the last
    /// call with `isLast`), and the search stops early once `isCurrent` is false (a newer
    /// query was typed).
    func run(_ request: ArchiveSearchRequest, isCurrent: () -> Bool, send: (ArchiveHits) -> Void) {
        let needle = SearchFolding.fold(request.query)
        let ruledOut = index?.ruledOut(grams: SearchGrams.grams(of: needle))
        var found: [ArchiveFilter.Hit] = []
        var lastSent: Int64? = nil
        for issue in 0..<request.count {
            guard isCurrent() else { return }
            if let ruledOut, let file = file(issue), ruledOut(file, request.isRepaired(issue)) {
                continue
            }
            found += request.issue(issue).hits(of: needle, issue: issue) { read(issue) }
            let now = ArchiveIndexSearch.milliseconds()
            if !found.isEmpty, lastSent.map({ now - $0 >= ArchiveIndexSearch.sendInterval }) ?? true {
                send(ArchiveHits(generation: request.generation, hits: found, isLast: false))
                found = []
                lastSent = now
            }
        }
        send(ArchiveHits(generation: request.generation, hits: found, isLast: true))
    }

    /// A monotonic clock in milliseconds (when to send the hits found).
    private static func milliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}

/// What the persistent index tells `/` in an archive's issue list (`ArchiveIndexSearch`):
/// `IndexArchiveLookup` (tests give their own).
package protocol ArchiveIndexLookup: Sendable {
    /// For a query of these grams (`SearchGrams`): whether a file, as it was read (with
    /// page-break repair or not), is known to the index exactly so and cannot hold the
    /// query; nil when the index cannot answer (then every issue is searched).
    func ruledOut(grams: [Int64]) -> ((ArchiveIndexSearch.File, Bool) -> Bool)?
}
