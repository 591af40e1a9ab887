import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The files of an archive (`reader DIR`, several FILEs), read after the issue list is on
/// screen (ARCHITECTURE.md, "Data flow", Input): one batch at a time on another thread
/// (`BackgroundWork`; the event loop gets each batch as `.archiveFiles`), in list order,
/// the issue opened and the rows on screen first. A batch stops after
/// `batchMilliseconds` or `batchBytes`, so that the list redraws a few dozen times a
/// second while 73,000 files are read, and a key waits for at most one batch.
final class ArchiveReader {
    /// What reading a file gave: the issue as shown, its reading-state saver (its content
    /// hash worked out) and saved state, and the warnings of loading that state.
    struct Loaded: @unchecked Sendable {
        var document: Document
        var saver: ReadingStateSaver?
        var saved: ReadingState?
        var warnings: [String] = []
    }

    /// One file read.
    struct Read: @unchecked Sendable {
        var issue: Int
        var result: Result<Loaded, IssueInput.Failure>
    }

    /// Reads issue `issue`'s file (on the reading thread).
    typealias FileLoader = @Sendable (_ issue: Int) -> Result<Loaded, IssueInput.Failure>

    /// The longest a batch reads before it is handed over (milliseconds).
    static let batchMilliseconds: Int64 = 20
    /// The most bytes a batch reads before it is handed over.
    static let batchBytes = 64 << 20
    /// The most files a batch is given.
    static let batchFiles = 512

    private let load: FileLoader
    /// Whether each issue's file was read once (its counts or its failure are known).
    private var isRead: [Bool]
    /// Every issue before it was read once.
    private var cursor = 0
    /// An issue to read before any other (opened; read again when its text was let go).
    private var wanted: Int?
    /// The issues of the batch being read (none: no batch is).
    private var reading: [Int] = []
    private var isReading: Bool { !reading.isEmpty }
    /// Whether the files left are not to be read (the state was replaced: `B`).
    private var isStopped = false
    /// Whether the batch being read is for a state replaced since (`B`): it is dropped.
    private var dropsReading = false

    init(count: Int, load: @escaping FileLoader) {
        self.load = load
        isRead = [Bool](repeating: false, count: count)
    }

    /// Whether every file was read once.
    var isDone: Bool { isStopped || (cursor >= isRead.count && wanted == nil) }

    /// Makes `issue` the next one read (the user opened it, and its text is not in memory),
    /// unless the batch being read has it.
    func want(_ issue: Int) {
        if !reading.contains(issue) { wanted = issue }
    }

    /// Starts reading the next batch on `work`: the wanted issue, then the issues of
    /// `onScreen` not read yet, then the others in list order. False when nothing is left
    /// to read; true while a batch is being read (its `finish` starts the next).
    func startNext(on work: BackgroundWork, onScreen: Range<Int>) -> Bool {
        if isReading { return true }
        if isStopped { return false }
        var batch: [Int] = []
        if let wanted {
            batch.append(wanted)
            self.wanted = nil
        }
        for issue in onScreen where isRead.indices.contains(issue) && !isRead[issue] && !batch.contains(issue) {
            batch.append(issue)
        }
        while cursor < isRead.count, isRead[cursor] { cursor += 1 }
        var next = cursor
        while batch.count < ArchiveReader.batchFiles, next < isRead.count {
            if !isRead[next], !onScreen.contains(next), next != batch.first { batch.append(next) }
            next += 1
        }
        guard !batch.isEmpty else { return false }
        reading = batch
        let load = self.load
        let files = batch
        work.start {
            .archiveFiles(ArchiveReader.read(files, with: load))
        }
        return true
    }

    /// Reads the files of `batch` in order until the batch's time or bytes are spent.
    private static func read(_ batch: [Int], with load: FileLoader) -> [Read] {
        let start = milliseconds()
        var reads: [Read] = []
        var bytes = 0
        for issue in batch {
            let result = load(issue)
            if case .success(let loaded) = result { bytes += loaded.document.source.count }
            reads.append(Read(issue: issue, result: result))
            if bytes >= batchBytes || milliseconds() - start >= batchMilliseconds { break }
        }
        return reads
    }

    /// The batch being read is read: whether it is for the current state (then its
    /// issues count as read).
    func finish(_ reads: [Read]) -> Bool {
        reading = []
        defer { dropsReading = false }
        guard !dropsReading else { return false }
        for read in reads { isRead[read.issue] = true }
        return true
    }

    /// Forgets the files not read yet (their state was replaced: `B`).
    func removeAll() {
        isStopped = true
        wanted = nil
        if isReading { dropsReading = true }
    }

    /// A monotonic clock in milliseconds (when a batch is to be handed over).
    private static func milliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
