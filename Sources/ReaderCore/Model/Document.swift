/// A newspaper issue: the source bytes and the articles parsed from them.
///
/// Positions everywhere (scroll position, search hits) are byte offsets into `source`,
/// so they survive re-layout at another width and toggling page-break repair.
public struct Document: Sendable {
    /// Placeholder title for an article whose heading has no text.
    public static let untitled = "(untitled)"
    /// Placeholder title for a section whose heading has no text.
    public static let untitledSection = "(untitled section)"
    /// Title given to text that stands before the first `## ` heading.
    public static let frontMatter = "(front matter)"

    /// The display name of the issue (usually the file name), safe for display.
    public let name: String
    /// The raw bytes of the issue, exactly as read (or mapped).
    public let source: SourceBytes
    /// The articles, parsed lazily (see `ArticleList`); indexing works as for an array.
    public let articles: ArticleList
    /// How many bytes at the start of an issue decide `allowsRepair`: a preview of a large
    /// file must read at least these, to decide as the whole issue does.
    public static let repairSampleBytes = PageBreakRepair.sampleBytes

    /// Whether page-break repair was asked for (the reader's `r` toggles it).
    public let isRepaired: Bool
    /// Whether this issue reads as prose that page-break repair may join: decided once, from
    /// its first `PageBreakRepair.sampleBytes` (`PageBreakRepair.isAllowed(sample:)`), and
    /// kept by `withRepair`. Off for verse, lists and manuals, whatever `isRepaired` says.
    public let allowsRepair: Bool
    /// Whether paragraphs cut by page breaks are joined: asked for, and allowed.
    public var joinsCutParagraphs: Bool { isRepaired && allowsRepair }
    /// False for a preview (`Document.preview`): the first articles of a large file,
    /// shown while the rest of it is read.
    public let isComplete: Bool
    /// The conversion the text is shown in (`--convert`, the `c` key), or nil for the
    /// source's own script. Only what is shown changes: the source, the offsets and
    /// search (which folds the scripts together) stay the same.
    public let conversion: ScriptConversion?
    /// The article and unread counts of an issue not read yet (`Document.unread`), which
    /// the issue list shows in its row until the whole issue replaces it; nil otherwise.
    public let knownCounts: KnownCounts?
    /// What the search layer keeps with this issue (its `SearchIndexCache`): shared by the
    /// copies and by `withConversion` (search reads the source), not by `withRepair`.
    let attachment: DocumentAttachment

    /// Parses `source`. With `repair`, paragraphs cut by page breaks are joined where the
    /// issue allows it (`allowsRepair`; ARCHITECTURE.md, "Page-break repair").
    public init(source: [UInt8], name: String, repair: Bool = true) {
        self.init(bytes: SourceBytes(source), name: name, repair: repair)
    }

    /// Parses `bytes` (e.g. a mapped file) as `init(source:name:repair:)` does.
    public init(bytes source: SourceBytes, name: String, repair: Bool = true) {
        let allowed = source.withUnsafeBufferPointer { PageBreakRepair.isAllowed(source: $0) }
        self.init(bytes: source, name: name, repair: repair, allowsRepair: allowed)
    }

    /// Parses `bytes` as `init(bytes:name:repair:)` does, with repair allowed or not as
    /// decided for the whole issue that `bytes` is a piece of (`StreamingDump`).
    init(bytes source: SourceBytes, name: String, repair: Bool, allowsRepair: Bool) {
        self.init(
            source: source, name: SafeText.sanitize(name),
            articles: ArticleList(
                source: source, boundaries: ArticleBoundaries(source: source), repaired: repair && allowsRepair),
            repair: repair, allowsRepair: allowsRepair, isComplete: true)
    }

    private init(
        source: SourceBytes, name: String, articles: ArticleList, repair: Bool, allowsRepair: Bool, isComplete: Bool,
        conversion: ScriptConversion? = nil, attachment: DocumentAttachment = DocumentAttachment(),
        knownCounts: KnownCounts? = nil
    ) {
        self.knownCounts = knownCounts
        self.source = source
        self.name = name
        self.articles = articles
        self.isRepaired = repair
        self.allowsRepair = allowsRepair
        self.isComplete = isComplete
        self.conversion = conversion
        self.attachment = attachment
    }

    /// The whole articles at the start of an issue, from its first `prefix` bytes: what
    /// the reader shows while it reads the rest of a large file. The preview's articles
    /// are exactly the first articles of the whole issue (same text, sections, offsets),
    /// so a selection made in it stays right when the whole issue replaces it.
    ///
    /// The prefix is cut before its last `## ` heading, where `ArticlePieces` cuts the
    /// pieces of `--dump` (the article that heading starts may go on past the prefix).
    /// Nil when that leaves no article.
    ///
    /// Whether repair is allowed is decided on the whole prefix (before the cut): the
    /// reader reads `PageBreakRepair.sampleBytes` for a preview, the sample of the whole issue.
    public static func preview(prefix: [UInt8], name: String, repair: Bool = true) -> Document? {
        guard let cut = ArticlePieces.lastArticleStart(in: prefix, newFrom: 0) else { return nil }
        let allowed = prefix.withUnsafeBufferPointer { PageBreakRepair.isAllowed(source: $0) }
        let source = SourceBytes(Array(prefix[..<cut]))
        let articles = ArticleList(
            source: source, boundaries: ArticleBoundaries(source: source), repaired: repair && allowed)
        guard !articles.isEmpty else { return nil }
        return Document(
            source: source, name: SafeText.sanitize(name), articles: articles, repair: repair, allowsRepair: allowed,
            isComplete: false)
    }

    /// An issue whose text is not read yet (a feed in the feed list: ARCHITECTURE.md,
    /// "Feeds"; a file of an archive, "Input"): no articles, not complete, and the counts
    /// known of it (a feed's from its store, a file's once it was read and its text let go;
    /// nil: not known yet), which the issue list shows until `ReaderState.completeLoading`
    /// puts the whole issue in. `repair`: whether the whole issue is to be shown repaired.
    public static func unread(name: String, counts: KnownCounts?, repair: Bool = false) -> Document {
        Document(
            source: emptySource, name: SafeText.sanitize(name), articles: noArticles, repair: repair,
            allowsRepair: false, isComplete: false, attachment: unreadAttachment, knownCounts: counts)
    }

    /// The same issue under the name `name` (made safe): an archive's placeholder named
    /// for its issue when the issue is looked at (`IssueSessions`).
    func named(_ name: String) -> Document {
        Document(
            source: source, name: SafeText.sanitize(name), articles: articles, repair: isRepaired,
            allowsRepair: allowsRepair, isComplete: isComplete, conversion: conversion, attachment: attachment,
            knownCounts: knownCounts)
    }

    /// The source, articles and attachment every `unread` issue shares (an archive of
    /// 73,000 files makes one for each before its first screen): their texts are all the
    /// same, none, and so is what the search layer works out from it.
    private static let emptySource = SourceBytes([])
    private static let noArticles = ArticleList(
        source: emptySource, boundaries: ArticleBoundaries(source: emptySource), repaired: false)
    private static let unreadAttachment = DocumentAttachment()

    /// The article and unread counts of an issue known before its text is read.
    public struct KnownCounts: Sendable, Equatable {
        public var articles: Int
        public var unread: Int

        public init(articles: Int, unread: Int) {
            self.articles = articles
            self.unread = unread
        }
    }

    /// Convenience for text already in memory.
    public init(text: String, name: String = "-", repair: Bool = true) {
        self.init(source: Array(text.utf8), name: name, repair: repair)
    }

    /// The same issue parsed with or without page-break repair.
    public func withRepair(_ repair: Bool) -> Document {
        repair == isRepaired
            ? self
            : Document(
                source: source, name: name, articles: articles.withRepair(repair && allowsRepair), repair: repair,
                allowsRepair: allowsRepair, isComplete: isComplete, conversion: conversion, knownCounts: knownCounts)
    }

    /// The same issue shown converted by `conversion` (nil: in its own script). The
    /// search index is shared: search reads the source, whatever is shown.
    public func withConversion(_ conversion: ScriptConversion?) -> Document {
        Document(
            source: source, name: name, articles: articles.withConversion(conversion), repair: isRepaired,
            allowsRepair: allowsRepair, isComplete: isComplete, conversion: conversion,
            attachment: attachment, knownCounts: knownCounts)
    }

    /// The paragraph's text ready for layout: lines joined (no space between CJK, one
    /// between Latin words), control characters made visible, each scalar with its source
    /// offset. In the source's script (what search reads): `ArticleLayout` converts it.
    public func text(of paragraph: Paragraph) -> DisplayText {
        DisplayText.joining(lines: paragraph.lines, of: source)
    }
}
