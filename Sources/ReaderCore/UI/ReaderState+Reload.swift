/// `R` (fetch the feeds again) and the one-shot messages the app sends the status bar.
extension ReaderState {
    /// `R`: asks the terminal app to fetch the feeds again (`Effect.reloadFeeds`), or says
    /// that there is nothing to fetch.
    mutating func requestReload() {
        if canReload {
            emit(.reloadFeeds)
            message = "fetching the feeds…"
        } else {
            message = "R fetches feeds again; this is not a feed"
        }
    }

    /// Shows `text` in the status bar until the next key (e.g. a warning from start-up).
    public mutating func notify(_ text: String) {
        message = text
    }
}
