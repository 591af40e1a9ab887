import Foundation
@testable import ReaderFeeds
import ReaderSources
import Testing

/// Fetching into the store from the test server: new items counted, 304s on the second
/// update, failures one line each, the GB18030 feed stored as UTF-8 issue text.
@Suite struct FeedUpdaterTests {
    let server = FeedServer.shared

    @Test func updatesFetchThenUseNotModified() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let updater = FeedUpdater(store: try FeedStore.open(directory: directory.path).store)
        let urls = [server.url("/news.rss"), server.url("/fail.rss"), server.url("/dated.rss"), server.url("/feed/page.html")]
        #expect(updater.update(urls, now: 1) == [
            .updated(newItems: 2), .failed("HTTP 500 Internal Server Error"), .updated(newItems: 2),
            .failed("not a feed (an HTML page)"),
        ])
        #expect(updater.update(urls, now: 2) == [
            .notModified, .failed("HTTP 500 Internal Server Error"), .notModified, .failed("not a feed (an HTML page)"),
        ])
        // Stored as each came (any order): items per feed.
        let counts = Dictionary(uniqueKeysWithValues: try updater.store.feeds().map { ($0.url, $0.itemCount) })
        #expect(counts == [urls[0]: 2, urls[1]: 0, urls[2]: 2, urls[3]: 0])
    }

    @Test func theGB18030FeedIsStoredAsItsText() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let updater = FeedUpdater(store: try FeedStore.open(directory: directory.path).store)
        let url = server.url("/gb18030.rss")
        #expect(updater.update([url], now: 1) == [.updated(newItems: 1)])
        #expect(try updater.store.feed(url)?.title == "人民日报 GB 频道")
        #expect(try updater.store.items(url).map(\.key) == ["gb-1"])
        #expect(String(decoding: try updater.store.issueText(url), as: UTF8.self) == """
            ## 𠮷野家与“中国”

            新华社北京12月6日电。记者从国家统计局获悉，全国粮食总产量再创新高。


            """)
    }
}
