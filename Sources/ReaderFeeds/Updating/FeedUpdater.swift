import Foundation
import ReaderSources

/// Fetches feeds and keeps what they gave in the store: each body converted to issue
/// text by `ReaderSources` (the HTTP charset honoured), its items added or updated, a 304
/// or a failure noted. One feed's failure is its own line of the report.
public struct FeedUpdater: Sendable {
    public let fetcher: FeedFetcher
    public let store: FeedStore

    public init(fetcher: FeedFetcher = FeedFetcher(), store: FeedStore) {
        self.fetcher = fetcher
        self.store = store
    }

    /// What updating one feed did.
    public enum Result: Sendable, Equatable {
        /// Fetched and stored; `newItems` were not in the store before.
        case updated(newItems: Int)
        case notModified
        case failed(String)
    }

    /// Updates the feeds at `urls` (conditionally on what the store has of each), at
    /// `now`; the results are in the order of `urls`.
    public func update(_ urls: [String], now: Double, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result] {
        let stored = (try? store.feeds()) ?? []
        let byURL = Dictionary(stored.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let requests = urls.map { byURL[$0]?.request ?? FetchRequest(url: $0) }
        let outcomes = fetcher.fetch(requests, progress: progress)
        return zip(urls, outcomes).map { url, outcome in
            let before = byURL[url]?.itemCount ?? 0
            let recorded = Self.recorded(outcome, url: url)
            do throws(FeedStore.Failure) {
                try store.record(url, outcome: recorded, now: now)
            } catch {
                return .failed(error.message)
            }
            switch recorded {
            case .failed(let message): return .failed(message)
            case .notModified: return .notModified
            case .converted:
                let after = (try? store.feed(url))?.itemCount ?? before
                return .updated(newItems: max(0, after - before))
            }
        }
    }

    /// A fetch's outcome as the store records it: a body converted to a feed's issue text.
    static func recorded(_ outcome: FetchOutcome, url: String) -> FeedStore.RecordedOutcome {
        switch outcome {
        case .notModified: return .notModified
        case .failed(let message): return .failed(message)
        case .fetched(let body):
            do {
                return .converted(try Self.convert(body, url: url), etag: body.etag, lastModified: body.lastModified)
            } catch {
                return .failed(error.message)
            }
        }
    }

    /// A fetched body as a feed's issue text. A body that is not a feed (an HTML page,
    /// plain text) is a failure.
    public static func convert(_ body: FetchedBody, url: String) throws(SourceConverter.Failure) -> ConvertedSource {
        let name = URL(string: url)?.lastPathComponent ?? ""
        let format = SourceFormat.detect(name: name, start: body.bytes.prefix(1024))
        guard format == .xmlFeed || format == .jsonFeed else {
            throw SourceConverter.Failure(message: format == .html ? "not a feed (an HTML page)" : "not a feed")
        }
        return try SourceConverter.convert(body.bytes, format: format, charset: body.charset)
    }
}
