import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches feeds over `http` and `https` with Foundation's `URLSession` (libcurl on Linux;
/// ARCHITECTURE.md, "Feeds", says why): a bounded number at once, each with timeouts,
/// a bounded number of redirects, gzip, a conditional GET and a cap on the body. One
/// feed's failure is its outcome, never the others'.
public struct FeedFetcher: Sendable {
    /// The bounds every fetch keeps.
    public struct Limits: Sendable, Equatable {
        /// Feeds fetched at once.
        public var concurrency = 8
        /// Seconds a request may wait for the server to answer or send more.
        public var idleTimeoutSeconds = 20.0
        /// Seconds one feed's fetch may take in all.
        public var totalTimeoutSeconds = 60.0
        /// Redirects followed per feed; one more is a failure (a loop ends so too).
        public var maxRedirects = 5
        /// Bytes of a body (decompressed) accepted; a larger one is a failure.
        public var maxBodyBytes = 16 << 20

        public init() {}
    }

    public let limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The outcome of every request, in their order, at most `limits.concurrency` fetched
    /// at once. `progress(done, total)` and `each(index, outcome)` are called as each one
    /// ends (on any thread; `each` before `fetch` returns).
    public func fetch(
        _ requests: [FetchRequest], progress: (@Sendable (Int, Int) -> Void)? = nil,
        each: (@Sendable (Int, FetchOutcome) -> Void)? = nil
    ) -> [FetchOutcome] {
        let collector = FetchCollector(count: requests.count, limits: limits, progress: progress, each: each)
        let session = URLSession(configuration: sessionConfiguration(), delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let slots = DispatchSemaphore(value: max(1, limits.concurrency))
        for (index, request) in requests.enumerated() {
            guard let url = FeedURL.fetchable(request.url) else {
                collector.finish(index, .failed(FeedURL.refusal(request.url)))
                continue
            }
            slots.wait()
            collector.start(index, task: session.dataTask(with: urlRequest(url, request))) { slots.signal() }
        }
        return collector.waitForAll()
    }

    /// The outcome of one request.
    public func fetch(_ request: FetchRequest) -> FetchOutcome {
        fetch([request])[0]
    }

    private func sessionConfiguration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        // No cache of Foundation's: a 304 must reach us, and the store keeps the bodies.
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = limits.idleTimeoutSeconds
        configuration.timeoutIntervalForResource = limits.totalTimeoutSeconds
        configuration.httpMaximumConnectionsPerHost = max(1, limits.concurrency)
        return configuration
    }

    private func urlRequest(_ url: URL, _ request: FetchRequest) -> URLRequest {
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.idleTimeoutSeconds)
        urlRequest.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        urlRequest.setValue(Self.accept, forHTTPHeaderField: "Accept")
        if let etag = request.etag { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = request.lastModified {
            urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
        }
        return urlRequest
    }

    static let userAgent = "reader (terminal news reader)"
    static let accept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
}
