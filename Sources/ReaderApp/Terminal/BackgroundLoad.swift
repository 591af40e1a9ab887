import ReaderCore

/// The whole of a large issue, read on another thread while the reader shows its preview
/// and takes keys (`BackgroundWork`; the event loop gets it as `.wholeIssue`).
///
/// Not an effect of the state: the read starts before there is a state (the preview is
/// its first screen), and what comes of it is the app's — the reading-state saver, and
/// on failure the end of the program; the state gets the issue by `completeLoading`.
enum BackgroundLoad {
    typealias Loaded = Result<(Document, ReadingStateSaver?), IssueInput.Failure>

    /// Starts reading the whole issue with `load` on `work`.
    static func start(_ load: @escaping TerminalApp.WholeIssueLoader, on work: BackgroundWork) {
        nonisolated(unsafe) let load = load
        work.start { .wholeIssue(load()) }
    }

    /// Starts reading the whole of the feed list's issue `issue` with `load` on `work`.
    static func start(_ load: @escaping TerminalApp.WholeIssueLoader, issue: Int, on work: BackgroundWork) {
        nonisolated(unsafe) let load = load
        work.start { .archiveIssue(issue: issue, load()) }
    }

    /// The feed list's feeds, read one at a time (not all at once: each is read whole
    /// into memory).
    final class Queue {
        private var pending: ArraySlice<(issue: Int, load: TerminalApp.WholeIssueLoader)>
        /// Whether an issue is being read.
        private var isReading = false
        /// Whether the issue being read belongs to a state replaced since (`R`, `B`): what
        /// comes of it is dropped.
        private var dropsReading = false

        init(_ loads: [(issue: Int, load: TerminalApp.WholeIssueLoader)]) {
            pending = loads[...]
        }

        /// Starts reading the next issue on `work`; false when none is left. While an issue
        /// is being read, none is started (true: its `finish` starts the next).
        func startNext(on work: BackgroundWork) -> Bool {
            if isReading { return true }
            guard let next = pending.popFirst() else { return false }
            isReading = true
            BackgroundLoad.start(next.load, issue: next.issue, on: work)
            return true
        }

        /// The issue being read is read: whether what came of it is for the current state.
        func finish() -> Bool {
            isReading = false
            defer { dropsReading = false }
            return !dropsReading
        }

        /// The issues of a new state (`R`), in place of those not read yet.
        func replace(with loads: [(issue: Int, load: TerminalApp.WholeIssueLoader)]) {
            pending = loads[...]
            if isReading { dropsReading = true }
        }

        /// Makes `issue` the next one read, when it is still to be read (the user opened it).
        func prefer(_ issue: Int) {
            guard let index = pending.firstIndex(where: { $0.issue == issue }), index != pending.startIndex else { return }
            let preferred = pending.remove(at: index)
            pending.insert(preferred, at: pending.startIndex)
        }

        /// Forgets the issues not read yet (their state was replaced: `B`).
        func removeAll() {
            replace(with: [])
        }
    }
}
