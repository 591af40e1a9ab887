import ReaderCore

/// The subscriptions file, `$XDG_CONFIG_HOME/reader/feeds`, in newsboat's `urls` format
/// (so that newsboat's file is read as it is; ARCHITECTURE.md, "Feeds"): one URL a line,
/// then optional quoted words — `"~Name"` names the feed, any other word is a tag;
/// `#` starts a comment line; blank lines are skipped. Newsboat's query feeds
/// (`query:…`) and lines that are not a URL are reported and skipped.
public enum SubscriptionList {
    /// The file for these environment values, or nil when neither XDG_CONFIG_HOME
    /// (absolute) nor HOME is set.
    /// (`FeedArguments.subscriptionsPath`, which `reader` reads without linking the feeds).
    public static func path(xdgConfigHome: String?, home: String?) -> String? {
        FeedArguments.subscriptionsPath(xdgConfigHome: xdgConfigHome, home: home)
    }

    /// The subscriptions of `text`, and one warning per line skipped ("line N: why").
    public static func parse(_ text: String) -> (subscriptions: [Subscription], warnings: [String]) {
        var subscriptions: [Subscription] = []
        var warnings: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = self.words(line)
            guard let url = words.first, !url.hasPrefix("#") else { continue }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                warnings.append("line \(index + 1): not an http or https URL; skipped")
                continue
            }
            var subscription = Subscription(url: url)
            for word in words.dropFirst() {
                if word.hasPrefix("~") {
                    subscription.name = String(word.dropFirst())
                } else if !word.hasPrefix("!") && !word.isEmpty {
                    subscription.tags.append(word)
                }
            }
            subscriptions.append(subscription)
        }
        return (subscriptions, warnings)
    }

    /// The file's text for `subscriptions` (what `parse` reads back).
    public static func render(_ subscriptions: [Subscription]) -> String {
        subscriptions.map { subscription in
            ([subscription.url] + (subscription.name.map { [quoted("~" + $0)] } ?? []) + subscription.tags.map(quoted))
                .joined(separator: " ")
        }.joined(separator: "\n") + (subscriptions.isEmpty ? "" : "\n")
    }

    /// A line's words: split at spaces and tabs, a `"…"` word kept whole (`\"` and `\\`
    /// inside it are a quote and a backslash).
    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var inQuotes = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes {
                if character == "\\" { escaped = true } else if character == "\"" { inQuotes = false } else { current.append(character) }
            } else if character == "\"" {
                inQuotes = true
                inWord = true
            } else if character == " " || character == "\t" || character == "\r" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    private static func quoted(_ word: String) -> String {
        var result = "\""
        for character in word {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result + "\""
    }
}
