extension Document {
    /// The list-wide search index of these articles (built on demand), kept in the
    /// document's attachment so that its copies share it.
    var searchIndexCache: SearchIndexCache {
        attachment.value { SearchIndexCache() }
    }

    /// Starts building the list-wide search index on another thread, so that the first
    /// search need not wait for it.
    public func prepareSearch() {
        searchIndexCache.prepare(self)
    }

    /// Starts building the search indexes of `documents` (an archive's issues) in the
    /// background.
    public static func prepareSearch(_ documents: [Document]) {
        SearchIndexCache.prepare(documents)
    }

    /// Whether the search index is being built in the background (after `prepareSearch`):
    /// a list-wide search now would wait for it, so the reader lets it wait instead.
    public var isPreparingSearch: Bool {
        searchIndexCache.isBuilding
    }

    /// The list-wide search index, built now if it is not (being) built yet.
    var searchIndex: SearchIndex {
        searchIndexCache.index(of: self)
    }
}
