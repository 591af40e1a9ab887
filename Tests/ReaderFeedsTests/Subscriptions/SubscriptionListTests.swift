import ReaderFeeds
import ReaderSources
import Testing

/// The subscriptions file (newsboat's `urls` format) and OPML, read and written exactly.
@Suite struct SubscriptionListTests {
    @Test func newsboatURLsFileIsReadAsItIs() {
        let text = """
            # my feeds
            https://example.com/cq.rss "news" "~重庆日报" "china"

            http://lwn.net/headlines/rss\t"tech"
            "query:Unread:unread = \\"yes\\""
            https://example.com/hidden.rss "!" "~Hidden \\"one\\""
            file:///etc/passwd
            """
        let parsed = SubscriptionList.parse(text)
        #expect(parsed.subscriptions == [
            Subscription(url: "https://example.com/cq.rss", name: "重庆日报", tags: ["news", "china"]),
            Subscription(url: "http://lwn.net/headlines/rss", tags: ["tech"]),
            Subscription(url: "https://example.com/hidden.rss", name: "Hidden \"one\""),
        ])
        #expect(parsed.warnings == [
            "line 5: not an http or https URL; skipped", "line 7: not an http or https URL; skipped",
        ])
    }

    @Test func renderedListReadsBack() {
        let subscriptions = [
            Subscription(url: "https://example.com/cq.rss", name: "重庆 \"日报\"", tags: ["news"]),
            Subscription(url: "http://lwn.net/headlines/rss"),
        ]
        let text = SubscriptionList.render(subscriptions)
        #expect(text == """
            https://example.com/cq.rss "~重庆 \\"日报\\"" "news"
            http://lwn.net/headlines/rss

            """)
        #expect(SubscriptionList.parse(text).subscriptions == subscriptions)
    }

    @Test func opmlOutlinesWithTheirFolderAsTag() throws {
        #expect(try OPMLReader.outlines(FeedFixture.bytes("subscriptions.opml")) == [
            OPMLReader.Outline(url: "https://example.com/cq.rss", title: "重庆日报", tags: []),
            OPMLReader.Outline(url: "https://lwn.net/headlines/rss", title: "LWN & co", tags: ["Tech"]),
        ])
    }

    @Test func notOPMLIsOneLine() {
        #expect(throws: SourceConverter.Failure(message: "not OPML (no opml and body elements)")) {
            try OPMLReader.outlines(Array("<rss/>".utf8))
        }
    }

    @Test func exportedOPMLReadsBack() throws {
        let subscriptions = [
            Subscription(url: "https://example.com/a?x=1&y=2", name: "A <&> \"B\"", tags: ["news"]),
            Subscription(url: "https://example.com/b.rss"),
        ]
        let opml = OPMLWriter.opml(subscriptions)
        #expect(opml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Reader subscriptions</title></head>
              <body>
                <outline text="news">
                  <outline type="rss" text="A &lt;&amp;&gt; &quot;B&quot;" title="A &lt;&amp;&gt; &quot;B&quot;" xmlUrl="https://example.com/a?x=1&amp;y=2"/>
                </outline>
                <outline type="rss" text="https://example.com/b.rss" title="https://example.com/b.rss" xmlUrl="https://example.com/b.rss"/>
              </body>
            </opml>

            """)
        #expect(try OPMLReader.outlines(Array(opml.utf8)) == [
            OPMLReader.Outline(url: "https://example.com/a?x=1&y=2", title: "A <&> \"B\"", tags: ["news"]),
            OPMLReader.Outline(url: "https://example.com/b.rss", title: "https://example.com/b.rss", tags: []),
        ])
    }
}
