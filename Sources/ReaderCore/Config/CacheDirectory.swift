/// Where Reader keeps what it can build again (the search index): the one rule for both
/// executables — `reader` checks whether an index is there without linking the index
/// (ARCHITECTURE.md, "Start-up"), `reader-store` opens it.
public enum CacheDirectory {
    /// `$XDG_CACHE_HOME/reader` (an absolute `XDG_CACHE_HOME` only), or
    /// `$HOME/.cache/reader`; nil without either.
    public static func path(xdgCacheHome: String?, home: String?) -> String? {
        if let xdgCacheHome, xdgCacheHome.hasPrefix("/") { return xdgCacheHome + "/reader" }
        guard let home, !home.isEmpty else { return nil }
        return home + "/.cache/reader"
    }

    /// The search index's file name in that directory.
    public static let searchIndexFileName = "search-index.sqlite"
}
