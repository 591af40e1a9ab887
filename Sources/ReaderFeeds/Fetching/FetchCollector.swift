import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The `URLSession` delegate of one `FeedFetcher.fetch`: collects each task's body (and
/// stops it at the size cap), follows redirects within the bound and to `http(s)` only,
/// and turns each task's end into its `FetchOutcome`. Its state is behind a lock: the
/// session calls it on its own queue while `fetch` waits.
final class FetchCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let group = DispatchGroup()
    private let limits: FeedFetcher.Limits
    private let progress: (@Sendable (Int, Int) -> Void)?
    private let each: (@Sendable (Int, FetchOutcome) -> Void)?
    private var outcomes: [FetchOutcome?]
    private var running: [Int: Running] = [:]
    private var finishedCount = 0

    /// A task under way: which request it is, what has come so far, what ends it early.
    private struct Running {
        let index: Int
        let onEnd: @Sendable () -> Void
        var body: [UInt8] = []
        var redirects = 0
        /// Set when the collector stops the task (too large, too many redirects).
        var failure: String?
    }

    init(
        count: Int, limits: FeedFetcher.Limits, progress: (@Sendable (Int, Int) -> Void)?,
        each: (@Sendable (Int, FetchOutcome) -> Void)?
    ) {
        self.limits = limits
        self.progress = progress
        self.each = each
        self.outcomes = Array(repeating: nil, count: count)
    }

    /// Starts `task` for request `index`; `onEnd` runs when it has ended.
    func start(_ index: Int, task: URLSessionDataTask, onEnd: @escaping @Sendable () -> Void) {
        group.enter()
        lock.withLock { running[task.taskIdentifier] = Running(index: index, onEnd: onEnd) }
        task.resume()
    }

    /// Records request `index`'s outcome without a task (a URL that is not fetched).
    func finish(_ index: Int, _ outcome: FetchOutcome) {
        let done = lock.withLock {
            outcomes[index] = outcome
            finishedCount += 1
            return finishedCount
        }
        each?(index, outcome)
        progress?(done, outcomes.count)
    }

    /// Every outcome, once every task has ended.
    func waitForAll() -> [FetchOutcome] {
        group.wait()
        return lock.withLock { outcomes.map { $0 ?? .failed("not fetched") } }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if response.expectedContentLength > Int64(limits.maxBodyBytes), (response as? HTTPURLResponse)?.statusCode != 304 {
            stop(dataTask, because: tooLarge)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let isTooLarge = lock.withLock {
            guard var task = running[dataTask.taskIdentifier], task.failure == nil else { return false }
            if task.body.count + data.count > limits.maxBodyBytes {
                task.failure = tooLarge
                task.body = []
                running[dataTask.taskIdentifier] = task
                return true
            }
            task.body.append(contentsOf: data)
            running[dataTask.taskIdentifier] = task
            return false
        }
        if isTooLarge { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let refusal: String? = lock.withLock {
            guard var running = running[task.taskIdentifier] else { return "not fetched" }
            running.redirects += 1
            var refusal: String?
            if running.redirects > limits.maxRedirects {
                refusal = "more than \(limits.maxRedirects) redirects"
            } else if !(request.url.map(FeedURL.isFetchable) ?? false) || !Self.isFetchableLocation(response) {
                refusal = "redirected to a URL that is not http or https"
            }
            running.failure = refusal
            self.running[task.taskIdentifier] = running
            return refusal
        }
        if refusal != nil {
            completionHandler(nil)
            task.cancel()
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let ended = lock.withLock({ running.removeValue(forKey: task.taskIdentifier) }) else { return }
        let outcome: FetchOutcome
        if let failure = ended.failure {
            outcome = .failed(failure)
        } else if let error {
            outcome = .failed(Self.describe(error, limits: limits))
        } else if let response = task.response as? HTTPURLResponse {
            outcome = Self.outcome(response, body: ended.body)
        } else {
            outcome = .failed("no HTTP answer")
        }
        finish(ended.index, outcome)
        ended.onEnd()
        group.leave()
    }

    /// Whether the redirect's `Location` is relative or `http(s)`: Foundation makes a
    /// `file:` location a path on the same server, which must not be followed either.
    static func isFetchableLocation(_ response: HTTPURLResponse) -> Bool {
        guard let location = response.value(forHTTPHeaderField: "Location"),
              let url = URL(string: location.trimmingCharacters(in: .whitespaces)), url.scheme != nil
        else { return true }
        return FeedURL.isFetchable(url)
    }

    private var tooLarge: String { "the feed is larger than \(limits.maxBodyBytes >> 20) MiB" }

    private func stop(_ task: URLSessionTask, because failure: String) {
        lock.withLock { running[task.taskIdentifier]?.failure = failure }
    }

    /// The outcome of an HTTP answer that came whole.
    static func outcome(_ response: HTTPURLResponse, body: [UInt8]) -> FetchOutcome {
        switch response.statusCode {
        case 304:
            return .notModified
        case 200..<300:
            let contentType = (response.value(forHTTPHeaderField: "Content-Type")).map(ContentType.init)
            return .fetched(FetchedBody(
                bytes: body, charset: contentType?.charset,
                mediaType: contentType.map(\.mediaType).flatMap { $0.isEmpty ? nil : $0 },
                etag: response.value(forHTTPHeaderField: "ETag"),
                lastModified: response.value(forHTTPHeaderField: "Last-Modified")))
        default:
            return .failed("HTTP \(response.statusCode) \(HTTPURLResponse.localizedString(forStatusCode: response.statusCode))")
        }
    }

    /// A transport error in one line.
    static func describe(_ error: Error, limits: FeedFetcher.Limits) -> String {
        guard let urlError = error as? URLError else { return "network error" }
        switch urlError.code {
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .cannotConnectToHost: return "cannot connect to the server"
        case .networkConnectionLost: return "the connection was lost"
        case .notConnectedToInternet: return "not connected to the network"
        case .httpTooManyRedirects: return "more than \(limits.maxRedirects) redirects"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "TLS failed (certificate or handshake)"
        case .badServerResponse: return "bad answer from the server"
        case .unsupportedURL: return "only http and https URLs are fetched"
        default: return "network error (\(urlError.code.rawValue))"
        }
    }
}
