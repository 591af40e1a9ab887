import Dispatch
import ReaderCore

/// The whole of a large issue, read on another thread while the reader shows its preview
/// and takes keys. `result` is nil until the read is done; the reading thread then wakes
/// the event loop (`TerminalScreen.wake`), which is waiting for a key or a signal.
final class BackgroundLoad: @unchecked Sendable {
    typealias Loaded = Result<(Document, ReadingStateSaver?), IssueInput.Failure>

    // Written once by the reading thread before `done` is signalled, read only after
    // `done` was waited for: the semaphore orders the two.
    private var loaded: Loaded?
    private let done = DispatchSemaphore(value: 0)
    private var isDone = false

    init(_ load: @escaping TerminalApp.WholeIssueLoader) {
        nonisolated(unsafe) let load = load
        DispatchQueue.global().async { [self] in
            loaded = load()
            done.signal()
            TerminalScreen.wake()
        }
    }

    /// The read issue (or its failure) once it is read; nil while it is being read.
    var result: Loaded? {
        if !isDone, done.wait(timeout: .now()) == .success { isDone = true }
        return isDone ? loaded : nil
    }
}
