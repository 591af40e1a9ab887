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
}
