import ReaderCore

/// A small issue with links of every kind, for the link, save and pipe tests.
enum LinkFixtures {
    static let text = """
        ## 标题 Title

        请访问 https://example.com/a?b=1&c=2 或者发邮件到 news@example.org。也见 www.example.net/path。

        ### 一节

        ftp://files.example.com/x 与 https://example.com/very/long/path/that/wraps/over/two/lines/of/the/screen/index.html 结束。

        ## Second

        No links here.

        """

    static func state(rows: Int = 24, columns: Int = 80) -> ReaderState {
        ReaderState(document: Document(text: text, name: "links.txt"), size: ScreenSize(rows: rows, columns: columns))
    }

    /// The state with the first article open.
    static func articleState(rows: Int = 24, columns: Int = 80) -> ReaderState {
        var state = state(rows: rows, columns: columns)
        state.press(.enter)
        return state
    }
}
