import ReaderCore
@testable import ReaderFeeds
import ReaderSources
import Testing

/// Fetching from the test server on 127.0.0.1: conditional GET, redirects, gzip, timeouts,
/// failures, the size cap and the charset of the Content-Type, each outcome exactly.
@Suite struct FeedFetcherTests {
    let server = FeedServer.shared
    let fetcher = FeedFetcher()

    /// `fetched`'s body as text, or the outcome itself when it is not a body.
    func body(_ outcome: FetchOutcome) -> String {
        guard case .fetched(let body) = outcome else { return "\(outcome)" }
        return String(decoding: body.bytes, as: UTF8.self)
    }

    @Test func etagGivesNotModifiedTheSecondTime() throws {
        let first = fetcher.fetch(FetchRequest(url: server.url("/news.rss")))
        guard case .fetched(let body) = first else { Issue.record("\(first)"); return }
        #expect(body.etag == "\"v1\"")
        #expect(body.mediaType == "application/rss+xml")
        #expect(body.bytes == FeedFixture.bytes("news.rss"))
        let second = fetcher.fetch(FetchRequest(url: server.url("/news.rss"), etag: body.etag))
        #expect(second == .notModified)
    }

    @Test func lastModifiedGivesNotModified() {
        let first = fetcher.fetch(FetchRequest(url: server.url("/dated.rss")))
        guard case .fetched(let body) = first else { Issue.record("\(first)"); return }
        #expect(body.lastModified == "Sun, 06 Dec 2026 08:00:00 GMT")
        #expect(body.etag == nil)
        #expect(fetcher.fetch(FetchRequest(url: server.url("/dated.rss"), lastModified: body.lastModified)) == .notModified)
    }

    @Test func redirectsAreFollowedUpToTheBound() {
        #expect(body(fetcher.fetch(FetchRequest(url: server.url("/redirect/4")))) == FeedFixture.text("news.rss"))
        #expect(fetcher.fetch(FetchRequest(url: server.url("/redirect/5"))) == .failed("more than 5 redirects"))
        #expect(fetcher.fetch(FetchRequest(url: server.url("/loop"))) == .failed("more than 5 redirects"))
    }

    @Test func onlyHTTPAndHTTPSAreFetched() {
        #expect(fetcher.fetch(FetchRequest(url: "file:///etc/passwd")) == .failed("only http and https URLs are fetched, not file:"))
        #expect(fetcher.fetch(FetchRequest(url: "ftp://127.0.0.1/feed")) == .failed("only http and https URLs are fetched, not ftp:"))
        #expect(fetcher.fetch(FetchRequest(url: "news")) == .failed("not a URL"))
        #expect(fetcher.fetch(FetchRequest(url: server.url("/to-file")))
            == .failed("redirected to a URL that is not http or https"))
    }

    @Test func gzipIsAskedForAndDecompressed() {
        #expect(body(fetcher.fetch(FetchRequest(url: server.url("/gzip.rss")))) == FeedFixture.text("news.rss"))
    }

    @Test func serverErrorsAndMissingFeedsFail() {
        #expect(fetcher.fetch(FetchRequest(url: server.url("/fail.rss"))) == .failed("HTTP 500 Internal Server Error"))
        #expect(fetcher.fetch(FetchRequest(url: server.url("/missing.rss"))) == .failed("HTTP 404 Not Found"))
    }

    @Test func aSlowServerTimesOut() {
        var limits = FeedFetcher.Limits()
        limits.idleTimeoutSeconds = 0.5
        limits.totalTimeoutSeconds = 1
        #expect(FeedFetcher(limits: limits).fetch(FetchRequest(url: server.url("/slow.rss"))) == .failed("timed out"))
    }

    @Test func aBodyOverTheCapFails() {
        var limits = FeedFetcher.Limits()
        limits.maxBodyBytes = 1 << 20
        let capped = FeedFetcher(limits: limits)
        #expect(capped.fetch(FetchRequest(url: server.url("/big.rss"))) == .failed("the feed is larger than 1 MiB"))
        #expect(capped.fetch(FetchRequest(url: server.url("/big-stream.rss"))) == .failed("the feed is larger than 1 MiB"))
    }

    @Test func theContentTypeCharsetDecodesTheFeed() throws {
        let outcome = fetcher.fetch(FetchRequest(url: server.url("/gb18030.rss")))
        guard case .fetched(let body) = outcome else { Issue.record("\(outcome)"); return }
        #expect(body.charset == "GB18030")
        let converted = try SourceConverter.convert(body.bytes, format: .xmlFeed, charset: body.charset)
        #expect(converted.name == "人民日报 GB 频道")
        #expect(String(decoding: converted.text, as: UTF8.self) == """
            ## 𠮷野家与“中国”

            新华社北京12月6日电。记者从国家统计局获悉，全国粮食总产量再创新高。


            """)
    }

    @Test func oneFailureLeavesTheOthersAndTheOrder() {
        let outcomes = fetcher.fetch([
            FetchRequest(url: server.url("/fail.rss")),
            FetchRequest(url: server.url("/news.rss"), etag: "\"v1\""),
            FetchRequest(url: "file:///etc/passwd"),
            FetchRequest(url: server.url("/dated.rss"), lastModified: "Sun, 06 Dec 2026 08:00:00 GMT"),
        ])
        #expect(outcomes == [
            .failed("HTTP 500 Internal Server Error"), .notModified,
            .failed("only http and https URLs are fetched, not file:"), .notModified,
        ])
    }

    @Test func contentTypeParameters() {
        #expect(ContentType("application/rss+xml; charset=\"GB2312\"") == ContentType(mediaType: "application/rss+xml", charset: "GB2312"))
        #expect(ContentType("Text/XML;Charset=big5 ") == ContentType(mediaType: "text/xml", charset: "big5"))
        #expect(ContentType("text/html") == ContentType(mediaType: "text/html", charset: nil))
    }
}
