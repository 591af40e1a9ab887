/// A document's `SearchIndex`, built the first time it is asked for and shared by the
/// copies of the `Document` (`reader --search` counts the hits and takes the grams from
/// one build). The interactive reader keeps its indexes in its state instead
/// (`ReaderState.searchIndexes`, built by `Effect.prepareSearch`).
final class SearchIndexCache: Sendable {
    private let index = Locked<SearchIndex?>(nil)

    /// The index of `document`, built now if it is not yet.
    func index(of document: Document) -> SearchIndex {
        if let built = index.withLock({ $0 }) { return built }
        let built = SearchIndex(document: document)
        return index.withLock { stored in
            if let existing = stored { return existing }
            stored = built
            return built
        }
    }
}
