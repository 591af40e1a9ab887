/// Where Reader keeps what it can build again (the search index): the one rule for both
/// (ARCHITECTURE.md, "Search index").
public enum CacheDirectory {
    /// `$XDG_CACHE_HOME/reader` (an absolute `XDG_CACHE_HOME` only), or
    /// `$HOME/.cache/reader`; nil without either.
    public static func path(xdgCacheHome: String?, home: String?) -> String? {
        if let xdgCacheHome, xdgCacheHome.hasPrefix("/") { return xdgCacheHome + "/reader" }
        guard let home, !home.isEmpty else { return nil }
        return home + "/.cache/reader"
    }

    /// The file of the SQLite search index that `IndexStore` replaced: removed when the
    /// index is written.
    public static let formerSearchIndexFileName = "search-index.sqlite"

    /// The search index's directory name in that directory (`IndexStore`).
    public static let searchIndexName = "search-index"
}
