extension Action {
    /// The actions the `[keys]` section can rebind, by their names there (snake_case of
    /// the case names). Digits, typing into the search prompt, mouse and resize are not
    /// keys to rebind; nor are the prompt's own editing keys.
    public static let configurable: [(name: String, action: Action)] = [
        ("line_up", .lineUp), ("line_down", .lineDown), ("page_up", .pageUp), ("page_down", .pageDown),
        ("top", .top), ("bottom", .bottom), ("open", .open),
        ("next_article", .nextArticle), ("previous_article", .previousArticle),
        ("back", .back), ("quit", .quit), ("leave", .leave), ("table_of_contents", .tableOfContents), ("links", .showLinks), ("save", .saveArticle), ("pipe", .pipeArticle),
        ("previous_section", .previousSection), ("next_section", .nextSection),
        ("search", .search), ("next_match", .nextMatch), ("previous_match", .previousMatch),
        ("toggle_repair", .toggleRepair), ("toggle_conversion", .toggleConversion), ("toggle_read", .toggleRead),
        ("reload", .reload),
        ("help", .help), ("close", .close), ("accept", .accept),
    ] + readingWorkflow

    /// The copy, mark, bookmark keys (`ReaderState+Copy.swift`, `ReaderState+Marks.swift`).
    static let readingWorkflow: [(name: String, action: Action)] = [
        ("copy_paragraph", .copyParagraph), ("copy_article", .copyArticle),
        ("set_mark", .setMark), ("jump_to_mark", .jumpToMark),
        ("toggle_bookmark", .toggleBookmark), ("bookmarks", .bookmarks),
    ]

    /// The configurable action called `name` in the file (exact, snake_case).
    public init?(configurationName name: String) {
        guard let entry = Action.configurable.first(where: { $0.name == name }) else { return nil }
        self = entry.action
    }
}
