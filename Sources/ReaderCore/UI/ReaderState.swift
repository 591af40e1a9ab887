/// Everything the interactive reader shows, as a value: `apply(_:)` changes it for an
/// action without any I/O, and `Renderer.render(_:)` draws it.
///
/// Positions are source byte offsets (ARCHITECTURE.md, "Invariants"): each article's scroll position is
/// the offset of the first character on the top line, so re-layout at another width or
/// with page-break repair toggled keeps that character on the top line.
///
/// This file holds the state and `apply`; each screen, overlay and concern has its own
/// extension file, `ReaderState+<Concern>.swift` (article list, issue list, article view,
/// search, overlays, saved state, shown text, loading).
public struct ReaderState: Sendable {
    /// The screens: the issue list (archives only), the article list, an article.
    public enum Screen: Sendable, Equatable {
        case issues
        case list
        case article
    }

    /// Whether several issues (a directory or several files) are open: then the issue
    /// list comes first, and leaving an issue's article list goes back to it.
    public let isArchive: Bool
    /// The name of the archive (the directory) for the issue list's title bar.
    public let archiveName: String
    /// Every issue, each with its own position: the only home of an issue's reading
    /// position, the open one's included (`session` reads and writes it in place).
    var issues: IssueSessions
    /// The open issue (an index into the issues).
    public internal(set) var issueIndex = 0
    /// The issue list's selection and search filter (`IssueListScreen`).
    var issueList = IssueListScreen()
    public let ambiguousWide: Bool
    /// How strictly Chinese and Japanese text is broken (`--line-break`, `line_break`).
    public var lineBreak: LineBreakStrictness = .normal
    /// How fast the user reads (`reading_speed`): the reading times shown.
    public var readingSpeed = ReadingSpeed()
    /// The widest text column and the punctuation option of the article view.
    public let page: PageOptions
    /// The key table in use: `KeyMap.bindings`, or that with the configured overrides.
    /// Dispatch, the hints and the help overlay all read it.
    public let bindings: [KeyBinding]
    /// What `c` switches to (nil: no conversion can be made, e.g. OpenCC is missing).
    public let scriptToggle: ScriptToggle?
    public private(set) var size: ScreenSize
    public internal(set) var screen: Screen = .list
    public internal(set) var overlay: Overlay?
    public internal(set) var prompt: SearchPrompt?
    /// The save, pipe or overwrite prompt, when one is open.
    public internal(set) var textPrompt: TextPrompt?
    /// Where `s` saves (the configured `save_dir`); nil for the current directory.
    public var saveDirectory: String?
    /// What the last key in the list of a preview asked for beyond its articles, which
    /// `completeLoading` does once the whole issue is there (ReaderState+Loading.swift).
    var afterLoading: AfterLoading?
    /// An action came while only a preview was there: a saved state restored after that
    /// (a large file's, once it is read) leaves the position where the user went.
    var actedOnPreview = false
    /// The article view's sections, matches and links, and its search (`ArticleScreen`).
    var articleScreen = ArticleScreen()
    /// The article list's search filter (`ArticleListScreen`).
    var articleList = ArticleListScreen()
    /// A one-shot message for the status bar (cleared by the next key).
    public internal(set) var message: String?
    /// A list-wide search typed while the search index was still being built: it runs
    /// on `.searchPrepared`, so that typing never waits for the index.
    public internal(set) var pendingListSearch: PendingListSearch?
    /// The list-wide search indexes there and those being built (ReaderState+Search.swift).
    var searchIndexes = SearchIndexes()
    /// Which issues of an archive read in the background keep their text
    /// (ReaderState+ArchiveLoading.swift).
    var heldTexts = HeldTexts()
    /// Whether `/` in the issue list asks the app to search (`Effect.searchArchive`), with
    /// the persistent index when there is one, reading the files of the issues whose text
    /// is not in memory: the app sets it for an archive it reads in the background. The
    /// in-state indexes (`.prepareSearch`) are then not built for every issue.
    public var searchesArchiveWithIndex = false
    /// The generation of the last `Effect.searchArchive` (ReaderState+ArchiveSearch.swift).
    var archiveSearchGeneration = 0
    /// Enter on an archive search the app is still running: its prompt, for "not found"
    /// when the last hits come.
    var acceptedArchiveSearch: SearchPrompt?
    /// Set when the user quits.
    public internal(set) var isFinished = false
    /// The time as the app last told it (`setTime`), seconds since 1970: the date a
    /// bookmark is set on. The state never reads a clock.
    public internal(set) var time: Int64 = 0
    /// How many times any issue's bookmarks changed (set, removed, restored): the app
    /// rewrites the bookmark index only when this moved, not by comparing every issue's
    /// bookmarks on every frame (an archive may have 73,000 issues).
    public internal(set) var bookmarkEdits = 0
    /// The bookmarks of issues that are not open, from the app's bookmark index.
    public internal(set) var otherBookmarks: [BookmarkEntry] = []
    /// `m` or `'` was pressed: the next key names the mark (`press`).
    var pendingMark: Action?
    /// Effects emitted by the action being applied, for `update` or the app to take.
    var pendingEffects: [Effect] = []
    var layouts: [LayoutKey: ArticleLayout] = [:]
    /// Paragraphs of one source line over this many bytes are laid out only around the top
    /// (ARCHITECTURE.md, "Huge paragraphs"; tests make it small).
    var paragraphWindowBound = WindowedWrap.defaultBound
    /// An issue over this many bytes gets its list-wide search index when first searched,
    /// not as soon as it is read (`SearchIndex.builtAtOpenBytes`; tests make it small).
    var indexBuiltAtOpenBytes = SearchIndex.builtAtOpenBytes

    struct LayoutKey: Hashable, Sendable {
        var article: Int
        var width: Int
        var repaired: Bool
    }

    public init(
        document: Document, size: ScreenSize, ambiguousWide: Bool = false, bindings: [KeyBinding] = KeyMap.bindings,
        page: PageOptions = PageOptions(), scriptToggle: ScriptToggle? = nil
    ) {
        self.init(
            issues: IssueSessions([IssueSession(document: document)]), archiveName: nil, size: size,
            ambiguousWide: ambiguousWide, bindings: bindings, page: page, scriptToggle: scriptToggle)
    }

    /// An archive of `documents` (in list order), opening on the issue list.
    public init(
        issues documents: [Document], archiveName: String, size: ScreenSize, ambiguousWide: Bool = false,
        bindings: [KeyBinding] = KeyMap.bindings, page: PageOptions = PageOptions(),
        scriptToggle: ScriptToggle? = nil
    ) {
        let documents = documents.isEmpty ? [Document(text: "", name: archiveName)] : documents
        self.init(
            issues: IssueSessions(documents.map(IssueSession.init(document:))), archiveName: archiveName, size: size,
            ambiguousWide: ambiguousWide, bindings: bindings, page: page, scriptToggle: scriptToggle)
    }

    /// An archive of files not read yet, opening on the issue list: issue i is
    /// `placeholder` (`Document.unread` with no counts, shown as every issue is to be
    /// shown) named `labels.label(i)`, made only when looked at (`IssueSessions`); the app
    /// hands each file in as it reads it (`receiveArchiveIssue`).
    public init(
        unreadIssues labels: IssueLabels, placeholder: Document, archiveName: String, size: ScreenSize,
        ambiguousWide: Bool = false, bindings: [KeyBinding] = KeyMap.bindings, page: PageOptions = PageOptions(),
        scriptToggle: ScriptToggle? = nil
    ) {
        var labels = labels
        if labels.count == 0 { labels.append(Array(archiveName.utf8)[...]) }
        self.init(
            issues: IssueSessions(labels: labels, placeholder: placeholder), archiveName: archiveName, size: size,
            ambiguousWide: ambiguousWide, bindings: bindings, page: page, scriptToggle: scriptToggle)
    }

    /// One issue (`archiveName` nil: named by its document) or an archive opening on its
    /// issue list.
    private init(
        issues: IssueSessions, archiveName: String?, size: ScreenSize, ambiguousWide: Bool, bindings: [KeyBinding],
        page: PageOptions, scriptToggle: ScriptToggle?
    ) {
        self.size = size
        self.ambiguousWide = ambiguousWide
        self.page = page
        self.bindings = bindings
        self.scriptToggle = scriptToggle
        self.issues = issues
        isArchive = archiveName != nil
        self.archiveName = archiveName.map(SafeText.sanitize) ?? issues[0].document.name
        if isArchive { screen = .issues }
    }

    // MARK: Derived values

    /// The context keys are read in.
    public var keyContext: KeyContext {
        if prompt != nil || textPrompt != nil { return .prompt }
        return overlay?.keyContext ?? screenContext
    }

    /// The context of the screen under any overlay or prompt.
    var screenContext: KeyContext {
        switch screen {
        case .issues: .issues
        case .list: .list
        case .article: .article
        }
    }

    /// The number of issues (1 unless an archive).
    public var issueCount: Int { issues.count }

    /// Issue `index` with its read marks and positions.
    public func slot(_ index: Int) -> IssueSession { issues[index] }

    /// Columns the article text is laid out in: one column of margin on each side, and
    /// at most `page.maxWidth`.
    public var layoutWidth: Int { max(1, min(page.maxWidth, size.columns - 2)) }

    /// The screen column the article text starts at: the text column is centred.
    public var textLeft: Int { max(1, (size.columns - layoutWidth) / 2) }

    /// Rows between the title bar and the status bar.
    public var bodyRows: Int { max(1, size.rows - 2) }

    /// The layout of `article` at the current width (computed when not cached).
    public func layout(of article: Int) -> ArticleLayout {
        let key = LayoutKey(article: article, width: layoutWidth, repaired: document.isRepaired)
        let top = topOffset(of: article)
        if let layout = layouts[key], layout.isLaidOut(around: top) { return layout }
        return ArticleLayout(
            article: document.articles[article], in: document, width: layoutWidth, style: .screen(indent: page.indent, fullWidthPunctuation: page.cjkPunctuation),
            ambiguousWide: ambiguousWide, lineBreak: lineBreak, focus: top, windowBound: paragraphWindowBound)
    }

    /// The current article's layout.
    public var currentLayout: ArticleLayout { layout(of: current) }

    /// Source offset of the first character on the top line of `article`.
    public func topOffset(of article: Int) -> Int {
        tops[article] ?? document.articles[article].titleOffset
    }

    /// The line at the top of the article view.
    public var topLine: Int {
        guard !document.articles.isEmpty else { return 0 }
        return currentLayout.line(containing: topOffset(of: current))
    }

    /// The section shown at the top of the article view, if any.
    public var currentSection: Int? {
        let layout = currentLayout
        let line = topLine
        if let section = layout.section(at: line) { return section }
        return nil
    }

    // MARK: Update

    /// The state after `action` and the effects it asks the app to carry out (the pure
    /// `update(state, action)` of ARCHITECTURE.md, "Data flow" and "Effects").
    public static func update(_ state: ReaderState, _ action: Action) -> (ReaderState, [Effect]) {
        var next = state
        next.pendingEffects = []
        next.apply(action)
        return (next, next.takeEffects())
    }

    /// Asks the app to carry out `effect` once the current action is applied.
    mutating func emit(_ effect: Effect) {
        pendingEffects.append(effect)
    }

    /// The effects emitted since the last call, in order (the app's side of `update`).
    public mutating func takeEffects() -> [Effect] {
        defer { pendingEffects = [] }
        return pendingEffects
    }

    /// Reads `key` through the key map and applies its action; unknown keys do nothing.
    /// After `m` or `'`, the key is the mark's letter (`markAction(after:key:)`).
    public mutating func press(_ key: Key) {
        if let command = pendingMark {
            pendingMark = nil
            if let action = markAction(after: command, key: key) { apply(action) } else { message = nil }
            return
        }
        if let action = KeyMap.action(for: key, in: keyContext, table: bindings) { apply(action) }
    }

    /// Whether a list-wide search waits for a search index being built, or for the
    /// whole of a large issue: it runs on the `.searchPrepared` that brings the index.
    public var isWaitingForSearch: Bool { pendingListSearch != nil }

    /// Carries out `action`.
    public mutating func apply(_ action: Action) {
        if case .resize(let newSize) = action {
            size = newSize
            clampListTop()
            cacheCurrentLayout()
            return
        }
        if action == .prepareSearch {
            requestSearchIndexes()
            return
        }
        if case .searchPrepared(let prepared) = action {
            receiveSearchIndexes(prepared)
            return
        }
        if case .archiveHits(let answer) = action {
            receiveArchiveHits(answer)
            return
        }
        if case .effectFinished(let outcome) = action {
            message = outcome
            return
        }
        if case .confirmOverwrite(let path, let text) = action {
            askToOverwrite(path: path, text: text)
            return
        }
        if !document.isComplete, screen != .issues { actedOnPreview = true }
        message = nil
        guard !document.articles.isEmpty || screen == .issues || action == .quit || action == .help
            || action == .close || action == .back || action == .leave || action == .reload
        else {
            if case .quit = action { isFinished = true }
            // (An issue whose text is still being read has none yet.)
            message = document.isComplete ? "no articles" : "loading..."
            return
        }
        if textPrompt != nil {
            applyInTextPrompt(action)
        } else if prompt != nil {
            applyInPrompt(action)
        } else if let overlay {
            applyInOverlay(action, overlay)
        } else if screen == .issues {
            applyInIssues(action)
        } else if screen == .list {
            applyInList(action)
        } else {
            applyInArticle(action)
        }
        cacheCurrentLayout()
    }

    /// Whether `R` fetches the feeds again: the terminal app sets it when the issues are feeds.
    public var canReload = false

    /// Keeps the layout of the open article cached at the current width.
    mutating func cacheCurrentLayout() {
        guard screen == .article, document.articles.indices.contains(current) else { return }
        let key = LayoutKey(article: current, width: layoutWidth, repaired: document.isRepaired)
        let top = topOffset(of: current)
        // A huge paragraph's lines are laid out again around a top that left them.
        if let layout = layouts[key], layout.isLaidOut(around: top) { return }
        if layouts.count >= 8 { layouts = [:] }
        let layout = ArticleLayout(
            article: document.articles[current], in: document, width: layoutWidth, style: .screen(indent: page.indent, fullWidthPunctuation: page.cjkPunctuation),
            ambiguousWide: ambiguousWide, lineBreak: lineBreak, focus: top, windowBound: paragraphWindowBound)
        layouts[key] = layout
        // The matches in a window are ranges of its text: found again in the new one.
        if layout.isWindowed, search?.article == current { findMatchesAgain() }
    }
}
