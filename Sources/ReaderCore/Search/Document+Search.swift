extension Document {
    /// The list-wide search index of these articles (built on demand), kept in the
    /// document's attachment so that its copies share it.
    var searchIndexCache: SearchIndexCache {
        attachment.value { SearchIndexCache() }
    }

    /// The list-wide search index, built now if it is not built yet.
    var searchIndex: SearchIndex {
        searchIndexCache.index(of: self)
    }
}
