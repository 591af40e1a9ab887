import Dispatch
/// A document's `SearchIndex`, built once: in the background as soon as someone asks
/// for it to be prepared (the interactive reader does, right after loading), otherwise
/// at the first list-wide search. Shared by the copies of a `Document`.
final class SearchIndexCache: Sendable {
    private let index = Locked<SearchIndex?>(nil)
    private let started = Locked(false)
    private let building = DispatchGroup()

    /// Starts building the index of `document` on another thread, unless it was started;
    /// with `gate`, the build begins only when the gate's group is left (for tests that
    /// need a build in progress).
    func prepare(_ document: Document, gate: DispatchGroup? = nil) {
        guard claim() else { return }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            gate?.wait()
            build(document)
        }
    }

    /// Starts building the indexes of `documents` (those not started yet) in the
    /// background, spread over the cores: an archive's hundreds of issues, without a
    /// thread for each.
    static func prepare(_ documents: [Document]) {
        let claimed = documents.filter { $0.searchIndexCache.claim() }
        guard !claimed.isEmpty else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            DispatchQueue.concurrentPerform(iterations: claimed.count) { index in
                claimed[index].searchIndexCache.build(claimed[index])
            }
        }
    }

    /// Marks the build as started (and waited for) unless it was; true when the caller
    /// must now call `build`.
    private func claim() -> Bool {
        let start = started.withLock { started in
            defer { started = true }
            return !started
        }
        if start { building.enter() }
        return start
    }

    /// Builds the index (after `claim`) and lets anyone waiting for it go on.
    private func build(_ document: Document) {
        let built = SearchIndex(document: document)
        index.withLock { $0 = built }
        building.leave()
    }

    /// Whether the index is being built in the background: asking for it now would wait.
    var isBuilding: Bool {
        started.withLock { $0 } && index.withLock { $0 == nil }
    }

    /// The index of `document`, waiting for it to be built if need be.
    func index(of document: Document) -> SearchIndex {
        if let built = index.withLock({ $0 }) { return built }
        prepare(document)
        building.wait()
        return index.withLock { $0 } ?? SearchIndex(document: document)
    }
}
