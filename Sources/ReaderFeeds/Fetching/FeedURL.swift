import Foundation
import ReaderCore

/// Which addresses are fetched: `http` and `https` with a host, nothing else (no
/// `file://`, no `ftp:`) — also when a redirect leads there.
public enum FeedURL {
    /// Whether a command-line argument is a feed's address rather than a file name.
    /// (`FeedArguments.isURL`, which `reader` reads without linking the feeds).
    public static func isURLArgument(_ text: String) -> Bool {
        FeedArguments.isURL(text)
    }

    /// `text` as a URL to fetch, or nil when it is not an `http` or `https` URL with a host.
    static func fetchable(_ text: String) -> URL? {
        guard let url = URL(string: text), isFetchable(url) else { return nil }
        return url
    }

    static func isFetchable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    /// The one-line reason `text` is not fetched.
    static func refusal(_ text: String) -> String {
        guard let url = URL(string: text), let scheme = url.scheme else { return "not a URL" }
        let lowered = scheme.lowercased()
        if lowered != "http" && lowered != "https" { return "only http and https URLs are fetched, not \(lowered):" }
        return "no host in the URL"
    }
}
