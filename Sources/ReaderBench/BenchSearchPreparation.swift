import Dispatch
import ReaderCore

/// The app's side of `Effect.prepareSearch` for the benchmarks: `.prepareSearch`, the
/// indexes built on another thread, `.searchPrepared` applied once they are (as the
/// terminal app's `BackgroundWork` does, without a terminal to wake).
final class BenchSearchPreparation: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written by the building thread before `done` is left; read after it was waited for.
    private var built: [PreparedSearchIndex] = []
    private var isDelivered = false

    /// Applies `.prepareSearch` to `state` and starts building what it asks for.
    init(_ state: inout ReaderState) {
        state.apply(.prepareSearch)
        let requests = state.takeEffects().flatMap { effect -> [SearchIndexRequest] in
            if case .prepareSearch(let requests) = effect { return requests }
            return []
        }
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            built = requests.map(PreparedSearchIndex.init(building:))
            done.leave()
        }
    }

    /// Applies `.searchPrepared` once the indexes are built: waiting for them when `wait`,
    /// otherwise only when they already are.
    func deliver(to state: inout ReaderState, wait: Bool) {
        guard !isDelivered else { return }
        if wait { done.wait() } else if done.wait(timeout: .now()) != .success { return }
        isDelivered = true
        state.apply(.searchPrepared(built))
    }
}
