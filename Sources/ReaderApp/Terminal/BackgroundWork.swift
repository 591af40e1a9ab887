import Dispatch
import ReaderCore

/// Work the event loop hands to other threads (ARCHITECTURE.md, "Effects"): each piece
/// runs on a global queue, leaves what it came to in a mailbox and wakes the event loop
/// (`TerminalScreen.wake`), which is waiting for a key or a signal and takes it
/// (`takeFinished`) before it waits again. Nothing polls.
final class BackgroundWork: @unchecked Sendable {
    /// What finished work hands to the event loop.
    enum Finished {
        /// An action for the state (the answer to an effect).
        case action(Action)
        /// The whole of a large issue, read (`TerminalApp.WholeIssueLoader`).
        case wholeIssue(BackgroundLoad.Loaded)
        /// A feed of the feed list, read whole (`issue`: its place in the list).
        case archiveIssue(issue: Int, BackgroundLoad.Loaded)
        /// A batch of an archive's files, read (`ArchiveReader`).
        case archiveFiles([ArchiveReader.Read])
    }

    // Only touched on `mailboxQueue`.
    private var mailbox: [Finished] = []
    /// The generation of the last archive search started (`searchArchive`).
    private var archiveSearchGeneration = 0
    private let mailboxQueue = DispatchQueue(label: "reader.background-work")

    /// Runs `work` on another thread; what it returns reaches the event loop.
    func start(_ work: @escaping @Sendable () -> Finished) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            post(work())
        }
    }

    /// Leaves `finished` for the event loop and wakes it (from any thread).
    private func post(_ finished: Finished) {
        mailboxQueue.sync { mailbox.append(finished) }
        TerminalScreen.wake()
    }

    /// Runs an archive search (`Effect.searchArchive`) with `search`, answering with
    /// `.archiveHits` as the hits come; a search started before it stops.
    func searchArchive(_ request: ArchiveSearchRequest, with search: ArchiveIndexSearch) {
        mailboxQueue.sync { archiveSearchGeneration = request.generation }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            search.run(request) {
                mailboxQueue.sync { archiveSearchGeneration == request.generation }
            } send: { hits in
                post(.action(.archiveHits(hits)))
            }
        }
    }

    /// What has finished since the last call, in the order it finished.
    func takeFinished() -> [Finished] {
        mailboxQueue.sync {
            defer { mailbox = [] }
            return mailbox
        }
    }

    /// Builds the search indexes of `requests` (`Effect.prepareSearch`), spread over the
    /// cores (an archive's hundreds of issues without a thread for each), and answers
    /// with `.searchPrepared`.
    func prepareSearch(_ requests: [SearchIndexRequest]) {
        start {
            var built = [PreparedSearchIndex?](repeating: nil, count: requests.count)
            built.withUnsafeMutableBufferPointer { built in
                nonisolated(unsafe) let built = built
                DispatchQueue.concurrentPerform(iterations: requests.count) { number in
                    built[number] = PreparedSearchIndex(building: requests[number])
                }
            }
            return .action(.searchPrepared(built.compactMap { $0 }))
        }
    }
}
