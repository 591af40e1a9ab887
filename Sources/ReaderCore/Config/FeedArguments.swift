/// What on the command line means feeds, known without linking them: `reader` decides by
/// these whether to hand the command to `reader-store` (ARCHITECTURE.md, "Start-up"), and
/// the feeds read them too (`FeedURL.isURLArgument`, `SubscriptionList.path`).
public enum FeedArguments {
    /// Whether a command-line argument is a feed's address rather than a file name.
    public static func isURL(_ text: String) -> Bool {
        let lowered = text.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    /// The subscriptions file: `$XDG_CONFIG_HOME/reader/feeds` (an absolute
    /// `XDG_CONFIG_HOME`), else `~/.config/reader/feeds`; nil without either.
    public static func subscriptionsPath(xdgConfigHome: String?, home: String?) -> String? {
        if let xdg = xdgConfigHome, xdg.hasPrefix("/") { return trimmed(xdg) + "/reader/feeds" }
        if let home, !home.isEmpty { return trimmed(home) + "/.config/reader/feeds" }
        return nil
    }

    /// `path` without its trailing slashes (a lone "/" stays).
    private static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
