import Dispatch
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
    /// `now`; the results are in the order of `urls`. Each feed is converted and stored
    /// as soon as it has come (on a queue of its own), while the others are still fetched.
    public func update(_ urls: [String], now: Double, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Result] {
        let stored = (try? store.feeds()) ?? []
        let byURL = Dictionary(stored.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        let requests = urls.map { byURL[$0]?.request ?? FetchRequest(url: $0) }
        let results = ResultList(count: urls.count)
        let storing = DispatchQueue(label: "reader.feeds.store")
        let group = DispatchGroup()
        _ = fetcher.fetch(requests, progress: progress) { index, outcome in
            group.enter()
            storing.async {
                results.set(index, record(outcome, url: urls[index], now: now))
                group.leave()
            }
        }
        group.wait()
        return results.all
    }

    /// Converts and stores one feed's outcome.
    private func record(_ outcome: FetchOutcome, url: String, now: Double) -> Result {
        let recorded = Self.recorded(outcome, url: url)
        let newItems: Int
        do throws(FeedStore.Failure) {
            newItems = try store.record(url, outcome: recorded, now: now)
        } catch {
            return .failed(error.message)
        }
        switch recorded {
        case .failed(let message): return .failed(message)
        case .notModified: return .notModified
        case .converted: return .updated(newItems: newItems)
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

/// The results of `FeedUpdater.update`, filled in from the storing queue.
private final class ResultList: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [FeedUpdater.Result?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: FeedUpdater.Result) {
        lock.withLock { results[index] = result }
    }

    var all: [FeedUpdater.Result] {
        lock.withLock { results.map { $0 ?? .failed("not fetched") } }
    }
}
