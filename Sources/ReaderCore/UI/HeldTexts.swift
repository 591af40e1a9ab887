/// Which issues of an archive read in the background keep their text in memory, and how
/// many bytes those texts take (ARCHITECTURE.md, "Data flow", Input): an issue read is
/// kept while the texts kept stay within `budget`; beyond it only its counts stay (its
/// row), and opening it reads it again. The issues kept are in the order they were
/// kept, so that an issue opened can let the oldest go.
struct HeldTexts: Sendable {
    /// The default budget: 256 MiB of issue text, about a sixth of ten years of a daily
    /// (73,000 files, 1.16 GB), and a single issue larger than it is held only while open.
    static let defaultBudget = 256 << 20

    /// The bytes of text the kept issues may take.
    var budget = HeldTexts.defaultBudget
    /// The bytes the kept issues take.
    private(set) var bytes = 0
    /// The kept issues and their sizes, oldest first from `start` (a queue without moves).
    private var kept: [(issue: Int, bytes: Int)] = []
    private var start = 0

    /// Whether `size` more bytes fit in the budget.
    func fits(_ size: Int) -> Bool { bytes + size <= budget }

    /// Counts issue `issue`'s text of `size` bytes as kept.
    mutating func keep(_ issue: Int, bytes size: Int) {
        kept.append((issue, size))
        bytes += size
    }

    /// The oldest kept issue, no longer counted (nil: none is kept).
    mutating func takeOldest() -> (issue: Int, bytes: Int)? {
        guard start < kept.count else { return nil }
        let oldest = kept[start]
        start += 1
        bytes -= oldest.bytes
        // The taken entries are dropped once they are half of the queue.
        if start > 64, start * 2 > kept.count {
            kept.removeFirst(start)
            start = 0
        }
        return oldest
    }

    /// How many issues are kept.
    var count: Int { kept.count - start }
}
