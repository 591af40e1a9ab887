/// Everything the interactive reader shows, as a value: `apply(_:)` changes it for an
/// action without any I/O, and `Renderer.render(_:size:)` draws it.
///
/// Positions are source byte offsets (ARCHITECTURE.md, "Invariants"): each article's scroll position is
/// the offset of the first character on the top line, so re-layout at another width or
/// with page-break repair toggled keeps that character on the top line.
public struct ReaderState: Sendable {
    /// The screens: the issue list (archives only), the article list, an article.
    public enum Screen: Sendable, Equatable {
        case issues
        case list
        case article
    }

    /// Modal layers drawn over a screen.
    public enum Overlay: Sendable, Equatable {
        /// The key help; `scroll` is the first help line shown.
        case help(scroll: Int)
        /// The table of contents; `selected` is a section index.
        case contents(selected: Int)
    }

    /// The open issue as shown (with or without page-break repair).
    public internal(set) var document: Document
    /// Whether several issues (a directory or several files) are open: then the issue
    /// list comes first, and leaving an issue's article list goes back to it.
    public let isArchive: Bool
    /// The name of the archive (the directory) for the issue list's title bar.
    public let archiveName: String
    /// Every issue; the open one's slot is only current after leaving it (see `slot(_:)`).
    var issues: [IssueSlot]
    /// The open issue (an index into the issues).
    public private(set) var issueIndex = 0
    /// The selected row of the issue list.
    public private(set) var issueSelected = 0
    /// The first issue-list row shown.
    public private(set) var issueListTop = 0
    /// The issue list filtered by a search over all issues.
    public private(set) var archiveFilter: ArchiveFilter?
    public let ambiguousWide: Bool
    /// How strictly Chinese and Japanese text is broken (`--line-break`, `line_break`).
    public var lineBreak: LineBreakStrictness = .normal
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
    /// The selected article (an index into `document.articles`).
    public internal(set) var selected = 0
    /// The first list entry shown.
    public internal(set) var listTop = 0
    /// The article shown in the article view.
    public internal(set) var current = 0
    /// Articles marked read: opened, restored from the saved reading state, or marked with `u`.
    public internal(set) var readArticles: Set<Int> = []
    /// What the last key in the list of a preview asked for beyond its articles, which
    /// `completeLoading` does once the whole issue is there (ReaderState+Loading.swift).
    var afterLoading: AfterLoading?
    /// An action came while only a preview was there: a saved state restored after that
    /// (a large file's, once it is read) leaves the position where the user went.
    var actedOnPreview = false
    public internal(set) var search: PageSearch?
    public internal(set) var listFilter: ListFilter?
    /// A one-shot message for the status bar (cleared by the next key).
    public internal(set) var message: String?
    /// A list-wide search typed while the search index was still being built: it runs
    /// on `.searchReady`, so that typing never waits for the index.
    public private(set) var pendingListSearch: PendingListSearch?
    /// Set when the user quits.
    public private(set) var isFinished = false
    /// Each article's top offset, once it has been opened or scrolled.
    var tops: [Int: Int] = [:]
    var layouts: [LayoutKey: ArticleLayout] = [:]

    struct LayoutKey: Hashable, Sendable {
        var article: Int
        var width: Int
        var repaired: Bool
    }

    public init(
        document: Document, size: ScreenSize, ambiguousWide: Bool = false, bindings: [KeyBinding] = KeyMap.bindings,
        page: PageOptions = PageOptions(), scriptToggle: ScriptToggle? = nil
    ) {
        self.document = document
        self.size = size
        self.ambiguousWide = ambiguousWide
        self.page = page
        self.bindings = bindings
        self.scriptToggle = scriptToggle
        isArchive = false
        archiveName = document.name
        issues = [IssueSlot(document: document)]
    }

    /// An archive of `documents` (in list order), opening on the issue list.
    public init(
        issues documents: [Document], archiveName: String, size: ScreenSize, ambiguousWide: Bool = false,
        bindings: [KeyBinding] = KeyMap.bindings, page: PageOptions = PageOptions(),
        scriptToggle: ScriptToggle? = nil
    ) {
        let documents = documents.isEmpty ? [Document(text: "", name: archiveName)] : documents
        self.document = documents[0]
        self.size = size
        self.ambiguousWide = ambiguousWide
        self.page = page
        self.bindings = bindings
        self.scriptToggle = scriptToggle
        isArchive = true
        self.archiveName = SafeText.sanitize(archiveName)
        issues = documents.map(IssueSlot.init(document:))
        screen = .issues
    }

    // MARK: Derived values

    /// The context keys are read in.
    public var keyContext: KeyContext {
        if prompt != nil { return .prompt }
        switch overlay {
        case .help: return .help
        case .contents: return .contents
        case nil:
            switch screen {
            case .issues: return .issues
            case .list: return .list
            case .article: return .article
            }
        }
    }

    /// The number of issues (1 unless an archive).
    public var issueCount: Int { issues.count }

    /// Issue `index` with its current read marks and positions.
    public func slot(_ index: Int) -> IssueSlot {
        guard index == issueIndex else { return issues[index] }
        var slot = issues[index]
        slot.document = document
        slot.read = readArticles
        slot.tops = tops
        slot.selected = selected
        slot.current = current
        slot.listTop = listTop
        return slot
    }

    /// The rows of the issue list: every issue, or (after a search) the articles with hits.
    public var issueEntryCount: Int {
        archiveFilter.map(\.hits.count) ?? issues.count
    }

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
        if let layout = layouts[key] { return layout }
        return ArticleLayout(
            article: document.articles[article], in: document, width: layoutWidth, style: .screen(indent: page.indent, fullWidthPunctuation: page.cjkPunctuation),
            ambiguousWide: ambiguousWide, lineBreak: lineBreak)
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

    /// The entries the list shows: every article, or only those with search hits.
    public var listEntries: [Int] {
        listFilter.map { $0.hits.map(\.article) } ?? Array(document.articles.indices)
    }

    /// Number of `listEntries`, without building them.
    public var listCount: Int {
        listFilter?.hits.count ?? document.articles.count
    }

    /// `listEntries[row]`, without building them.
    public func listEntry(_ row: Int) -> Int {
        listFilter.map { $0.hits[row].article } ?? row
    }

    /// Position of the selected article among `listEntries` (0 when it is not there).
    public var selectedRow: Int {
        guard let filter = listFilter else {
            return document.articles.indices.contains(selected) ? selected : 0
        }
        return filter.row(of: selected) ?? 0
    }

    /// The section shown at the top of the article view, if any.
    public var currentSection: Int? {
        let layout = currentLayout
        let line = topLine
        if let section = layout.section(at: line) { return section }
        return nil
    }

    // MARK: Update

    /// The state after `action` (the pure `update(state, action)` of ARCHITECTURE.md, "Data flow").
    public static func update(_ state: ReaderState, _ action: Action) -> ReaderState {
        var next = state
        next.apply(action)
        return next
    }

    /// Reads `key` through the key map and applies its action; unknown keys do nothing.
    public mutating func press(_ key: Key) {
        if let action = KeyMap.action(for: key, in: keyContext, table: bindings) { apply(action) }
    }

    /// Whether a list-wide search waits for the search index: the caller sends
    /// `.searchReady` once `isSearchReady`.
    public var isWaitingForSearch: Bool { pendingListSearch != nil }

    /// Carries out `action`.
    public mutating func apply(_ action: Action) {
        if case .resize(let newSize) = action {
            size = newSize
            clampListTop()
            cacheCurrentLayout()
            return
        }
        if action == .searchReady {
            runPendingListSearch()
            return
        }
        if !document.isComplete { actedOnPreview = true }
        message = nil
        guard !document.articles.isEmpty || screen == .issues || action == .quit || action == .help
            || action == .close || action == .back || action == .leave
        else {
            if case .quit = action { isFinished = true }
            message = "no articles"
            return
        }
        if prompt != nil {
            applyInPrompt(action)
        } else if case .help(let scroll) = overlay {
            applyInHelp(action, scroll: scroll)
        } else if case .contents(let selected) = overlay {
            applyInContents(action, selected: selected)
        } else if screen == .issues {
            applyInIssues(action)
        } else if screen == .list {
            applyInList(action)
        } else {
            applyInArticle(action)
        }
        cacheCurrentLayout()
    }

    private mutating func applyInList(_ action: Action) {
        if deferToWholeIssue(action) { return }
        let entryCount = listCount
        let row = selectedRow
        if let target = movedRow(action, from: row, count: entryCount) {
            selectRow(target)
            return
        }
        switch action {
        case .open, .nextArticle:
            if entryCount == 0 { return }
            open(selected, atFirstHit: listFilter != nil)
        case .number(let number):
            if document.articles.indices.contains(number - 1) {
                selected = number - 1
                open(number - 1, atFirstHit: listFilter != nil)
            } else {
                message = "no article \(number)"
            }
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .list, savedTop: nil, savedSearch: nil, savedFilter: listFilter,
                savedSelection: selected)
        case .nextMatch, .previousMatch:
            guard listFilter != nil, entryCount > 0 else {
                message = "no search (press / to search)"
                return
            }
            selectRow(wrappedHit(from: row, forward: action == .nextMatch, count: entryCount))
        case .back:
            if listFilter != nil {
                listFilter = nil
                clampListTop()
            } else if isArchive {
                leaveIssue()
            }
        case .leave:
            if isArchive { leaveIssue() } else { isFinished = true }
        case .click(let row, _):
            let index = listTop + row - 1
            if row >= 1, row <= bodyRows, index >= 0, index < entryCount { selectRow(index) }
        case .toggleRead:
            if entryCount > 0 { toggleRead(selected) }
        case .toggleConversion: toggleConversion()
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
        }
    }

    private mutating func applyInIssues(_ action: Action) {
        let count = issueEntryCount
        let row = issueSelected
        if let target = movedRow(action, from: row, count: count) {
            selectIssueRow(target)
            return
        }
        switch action {
        case .open, .nextArticle:
            openIssueRow(row)
        case .number(let number):
            if number >= 1, number <= count {
                selectIssueRow(number - 1)
                openIssueRow(number - 1)
            } else {
                message = archiveFilter == nil ? "no issue \(number)" : "no hit \(number)"
            }
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .archive, savedTop: nil, savedSearch: nil, savedFilter: nil,
                savedSelection: issueSelected, savedArchiveFilter: archiveFilter)
        case .nextMatch, .previousMatch:
            guard archiveFilter != nil, count > 0 else {
                message = "no search (press / to search)"
                return
            }
            selectIssueRow(wrappedHit(from: row, forward: action == .nextMatch, count: count))
        case .back:
            if archiveFilter != nil {
                archiveFilter = nil
                issueSelected = issueIndex
                clampIssueListTop()
            }
        case .click(let clicked, _):
            let index = issueListTop + clicked - 1
            if clicked >= 1, clicked <= bodyRows, index >= 0, index < count { selectIssueRow(index) }
        case .toggleConversion: toggleConversion()
        case .help: overlay = .help(scroll: 0)
        case .quit, .leave: isFinished = true
        default: break
        }
    }

    private mutating func applyInArticle(_ action: Action) {
        let layout = currentLayout
        let line = topLine
        let lastTop = max(0, layout.lines.count - bodyRows)
        switch action {
        case .lineUp: setTopLine(max(0, line - 1), in: layout)
        case .lineDown: setTopLine(min(line + 1, max(lastTop, line)), in: layout)
        case .scroll(let lines): setTopLine(max(0, min(line + lines, max(lastTop, line))), in: layout)
        case .pageUp: setTopLine(max(0, line - pageStep), in: layout)
        case .pageDown: setTopLine(min(line + pageStep, max(lastTop, line)), in: layout)
        case .top: setTopLine(0, in: layout)
        case .bottom: setTopLine(lastTop, in: layout)
        case .nextArticle:
            if current + 1 < document.articles.count {
                open(current + 1, atFirstHit: false)
            } else {
                message = "this is the last article"
            }
        case .previousArticle:
            if current > 0 {
                open(current - 1, atFirstHit: false)
            } else {
                message = "this is the first article"
            }
        case .back:
            screen = .list
            selected = current
            clampListTop()
        case .tableOfContents:
            if document.articles[current].sections.isEmpty {
                message = "this article has no sections"
            } else {
                overlay = .contents(selected: currentSection ?? 0)
            }
        case .previousSection, .nextSection:
            let starts = layout.sectionLines
            let target = action == .nextSection
                ? starts.firstIndex { $0 > line }
                : starts.lastIndex { $0 < line }
            if let target {
                jump(toSection: target)
            } else if action == .previousSection, line > 0 {
                setTopLine(0, in: layout)
            } else {
                message = starts.isEmpty ? "this article has no sections"
                    : action == .nextSection ? "no next section" : "at the top"
            }
        case .number(let number):
            if document.articles[current].sections.indices.contains(number - 1) {
                jump(toSection: number - 1)
            } else {
                message = "no section \(number)"
            }
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .article, savedTop: topOffset(of: current), savedSearch: search,
                savedFilter: listFilter, savedSelection: selected)
        case .nextMatch, .previousMatch:
            stepMatch(forward: action == .nextMatch)
        case .toggleRepair:
            toggleRepair()
        case .toggleConversion:
            toggleConversion()
        case .toggleRead:
            toggleRead(current)
        case .leave: isFinished = true
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
        }
    }

    private mutating func applyInContents(_ action: Action, selected section: Int) {
        let count = document.articles[current].sections.count
        switch action {
        case .lineUp: overlay = .contents(selected: max(0, section - 1))
        case .lineDown, .scroll: overlay = .contents(selected: min(count - 1, section + 1))
        case .top: overlay = .contents(selected: 0)
        case .bottom: overlay = .contents(selected: count - 1)
        case .accept:
            overlay = nil
            jump(toSection: section)
        case .number(let number):
            if number >= 1, number <= count {
                overlay = nil
                jump(toSection: number - 1)
            } else {
                message = "no section \(number)"
            }
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
        }
    }

    private mutating func applyInHelp(_ action: Action, scroll: Int) {
        switch action {
        case .lineUp: overlay = .help(scroll: max(0, scroll - 1))
        case .lineDown: overlay = .help(scroll: min(scroll + 1, max(0, Renderer.helpLines(for: self).count - 1)))
        case .scroll(let lines):
            overlay = .help(scroll: max(0, min(scroll + lines, Renderer.helpLines(for: self).count - 1)))
        case .close: overlay = nil
        case .quit: isFinished = true
        default: break
        }
    }

    private mutating func applyInPrompt(_ action: Action) {
        guard var prompt else { return }
        switch action {
        case .insert(let character):
            prompt.text.append(character)
            self.prompt = prompt
            searchAsTyped(prompt)
        case .deleteBackward:
            if prompt.text.isEmpty {
                cancelPrompt(prompt)
                return
            }
            prompt.text.removeLast()
            self.prompt = prompt
            searchAsTyped(prompt)
        case .accept:
            self.prompt = nil
            if prompt.text.isEmpty {
                cancelPrompt(prompt)
                return
            }
            switch prompt.scope {
            case .article:
                if search?.matches.isEmpty ?? true { message = "not found: \(prompt.text)" }
            case .list, .archive:
                if pendingListSearch != nil {
                    pendingListSearch?.isAccepted = true
                } else {
                    keepListWideSearch(prompt)
                }
            }
        case .cancel:
            cancelPrompt(prompt)
        case .quit:
            isFinished = true
        default:
            break
        }
    }

    /// Enter on a list-wide search (the article list, or an archive's issue list): the
    /// filter stays, or (no hits) the list goes back to how it was with a "not found" message.
    private mutating func keepListWideSearch(_ prompt: SearchPrompt) {
        let hits = prompt.scope == .archive ? archiveFilter?.hits.count : listFilter?.hits.count
        guard (hits ?? 0) == 0 else { return }
        restoreListBeforeSearch(prompt)
        message = "not found: \(prompt.text)"
    }

    /// The article list (or, for an archive search, the issue list) as it was when
    /// `prompt` opened: its filter and selection.
    private mutating func restoreListBeforeSearch(_ prompt: SearchPrompt) {
        if prompt.scope == .archive {
            archiveFilter = prompt.savedArchiveFilter
            issueSelected = prompt.savedSelection
            clampIssueListTop()
        } else {
            listFilter = prompt.savedFilter
            selected = prompt.savedSelection
            clampListTop()
        }
    }

    /// Runs the list-wide search of `prompt` now: filters the article list, or the issue list.
    private mutating func filterListWide(_ prompt: SearchPrompt) {
        if prompt.scope == .archive {
            filterArchive(prompt.text)
        } else {
            filterList(prompt.text)
        }
    }

    /// The documents a list-wide search of `scope` looks through.
    private func searchedDocuments(_ scope: SearchPrompt.Scope) -> [Document] {
        scope == .archive ? (0..<issues.count).map { slot($0).document } : [document]
    }

    /// Whether a list-wide search of `scope` can run now without waiting for an index, or
    /// for the whole of an issue of which only a preview is there yet.
    private func canSearchNow(_ scope: SearchPrompt.Scope) -> Bool {
        !searchedDocuments(scope).contains { $0.isPreparingSearch || !$0.isComplete }
    }

    /// Whether the pending list-wide search can run now without waiting for an index.
    public var isSearchReady: Bool {
        pendingListSearch.map { canSearchNow($0.prompt.scope) } ?? true
    }

    /// Starts building the search indexes of every issue in the background (the terminal
    /// app does, after the first frame), so that list-wide searches need not wait for them.
    public func prepareSearch() {
        Document.prepareSearch((0..<issues.count).map { slot($0).document })
    }

    /// `.searchReady`: runs the list-wide search typed while the index was being built,
    /// as typing it would have (and, if Enter was pressed meanwhile, as Enter would have).
    private mutating func runPendingListSearch() {
        guard let pending = pendingListSearch, isSearchReady else { return }
        pendingListSearch = nil
        filterListWide(pending.prompt)
        if pending.isAccepted { keepListWideSearch(pending.prompt) }
    }

    /// Filters the issue list by a search of every issue for `query`.
    private mutating func filterArchive(_ query: String) {
        archiveFilter = ArchiveFilter(query: query, documents: searchedDocuments(.archive))
        issueSelected = 0
        issueListTop = 0
    }

    /// Filters the list by a list-wide search for `query` and selects its first hit.
    private mutating func filterList(_ query: String) {
        let filter = ListFilter(query: query, document: document)
        listFilter = filter
        if let first = filter.hits.first { selected = first.article }
        listTop = 0
        clampListTop()
    }

    /// Esc in the prompt: back to the position and search from before it opened.
    private mutating func cancelPrompt(_ prompt: SearchPrompt) {
        self.prompt = nil
        pendingListSearch = nil
        switch prompt.scope {
        case .article:
            search = prompt.savedSearch
            if let top = prompt.savedTop { tops[current] = top }
        case .list, .archive:
            restoreListBeforeSearch(prompt)
        }
    }

    /// Incremental search: re-run the query after each edit and follow the first match.
    private mutating func searchAsTyped(_ prompt: SearchPrompt) {
        switch prompt.scope {
        case .article:
            if let top = prompt.savedTop { tops[current] = top }
            guard !prompt.text.isEmpty else {
                search = prompt.savedSearch
                return
            }
            let matches = ArticleSearch.matches(of: prompt.text, in: layout(of: current))
            let from = prompt.savedTop ?? topOffset(of: current)
            let first = matches.firstIndex { $0.start >= from } ?? (matches.isEmpty ? nil : 0)
            search = PageSearch(query: prompt.text, article: current, matches: matches, current: first)
            if let first { reveal(matches[first]) }
        case .list, .archive:
            pendingListSearch = nil
            if prompt.text.isEmpty {
                restoreListBeforeSearch(prompt)
            } else if canSearchNow(prompt.scope) {
                filterListWide(prompt)
            } else {
                pendingListSearch = PendingListSearch(prompt: prompt)
            }
        }
    }

    // MARK: Reading state

    /// Where the reader is, to be saved for the next run (`contentHash` is the document's).
    public func readingState(contentHash: UInt64) -> ReadingState {
        let article = screen == .article ? current : selected
        let offset = document.articles.indices.contains(article) ? topOffset(of: article) : 0
        return ReadingState(
            contentHash: contentHash, screen: screen == .article ? .article : .list, article: article,
            offset: offset, read: readArticles)
    }

    /// The reading state of issue `index` of an archive.
    public func readingState(ofIssue index: Int, contentHash: UInt64) -> ReadingState {
        if index == issueIndex, screen != .issues { return readingState(contentHash: contentHash) }
        let slot = slot(index)
        let article = slot.selected
        let offset = slot.tops[article] ?? (slot.document.articles.indices.contains(article)
            ? slot.document.articles[article].titleOffset : 0)
        return ReadingState(contentHash: contentHash, screen: .list, article: article, offset: offset, read: slot.read)
    }

    /// Restores issue `index` of an archive from a saved state (the reader stays on the
    /// issue list; the issue opens where it was left).
    public mutating func restore(_ saved: ReadingState, issue index: Int) {
        guard issues.indices.contains(index) else { return }
        if index == issueIndex {
            let shown = screen
            restore(saved)
            if shown == .issues { screen = .issues }
            return
        }
        let articles = issues[index].document.articles
        issues[index].read = saved.read.filter { articles.indices.contains($0) }
        guard articles.indices.contains(saved.article) else { return }
        issues[index].selected = saved.article
        issues[index].current = saved.article
        if articles[saved.article].range.contains(saved.offset) { issues[index].tops[saved.article] = saved.offset }
    }

    /// Goes back to a saved state. Anything that does not fit this document (an article
    /// or offset out of range) is dropped, so a stale state can never point outside it.
    /// After an action on a preview, only the read marks are restored, joining those
    /// made since: the position stays where the user went.
    public mutating func restore(_ saved: ReadingState) {
        let articles = document.articles
        let savedRead = saved.read.filter { articles.indices.contains($0) }
        if actedOnPreview {
            readArticles.formUnion(savedRead)
            return
        }
        readArticles = savedRead
        guard articles.indices.contains(saved.article) else { return }
        let article = saved.article
        selected = article
        current = article
        if articles[article].range.contains(saved.offset) { tops[article] = saved.offset }
        screen = saved.screen == .article ? .article : .list
        clampListTop()
        cacheCurrentLayout()
    }

    /// Shows `text` in the status bar until the next key (e.g. a warning from start-up).
    public mutating func notify(_ text: String) {
        message = text
    }

    /// `u`: marks `article` read or unread and says which.
    private mutating func toggleRead(_ article: Int) {
        if readArticles.remove(article) == nil {
            readArticles.insert(article)
            message = "marked read"
        } else {
            message = "marked unread"
        }
    }

    // MARK: Archives

    /// The row a movement key selects in a list of `count` rows (the article list or the
    /// issue list; the caller clamps it), or nil when `action` is not a movement.
    private func movedRow(_ action: Action, from row: Int, count: Int) -> Int? {
        switch action {
        case .lineUp: row - 1
        case .lineDown: row + 1
        case .scroll(let lines): row + lines
        case .pageUp: row - bodyRows
        case .pageDown: row + bodyRows
        case .top: 0
        case .bottom: count - 1
        default: nil
        }
    }

    /// The next (or previous) row with hits after `row`, wrapping around the ends of a
    /// filtered list of `count` rows with a message that says so.
    private mutating func wrappedHit(from row: Int, forward: Bool, count: Int) -> Int {
        let target = row + (forward ? 1 : -1)
        if target >= count {
            message = "search wrapped to the first article"
            return 0
        }
        if target < 0 {
            message = "search wrapped to the last article"
            return count - 1
        }
        return target
    }

    private mutating func selectIssueRow(_ row: Int) {
        let count = issueEntryCount
        guard count > 0 else { return }
        issueSelected = max(0, min(count - 1, row))
        clampIssueListTop()
    }

    private mutating func clampIssueListTop() {
        let count = issueEntryCount
        if issueSelected < issueListTop { issueListTop = issueSelected }
        if issueSelected >= issueListTop + bodyRows { issueListTop = issueSelected - bodyRows + 1 }
        issueListTop = max(0, min(issueListTop, max(0, count - bodyRows)))
    }

    /// Enter on an issue-list row: the issue's article list, or (after a search) the
    /// article with hits, at its first hit, with the issue's list filtered the same way.
    private mutating func openIssueRow(_ row: Int) {
        if let filter = archiveFilter {
            guard filter.hits.indices.contains(row) else { return }
            let hit = filter.hits[row]
            enterIssue(hit.issue)
            listFilter = ListFilter(query: filter.query, document: document)
            selected = hit.article
            clampListTop()
            open(hit.article, atFirstHit: true)
        } else if issues.indices.contains(row) {
            enterIssue(row)
        }
    }

    /// Makes issue `index` the open one, on its article list.
    private mutating func enterIssue(_ index: Int) {
        if index != issueIndex {
            issues[issueIndex] = slot(issueIndex)
            let next = issues[index]
            issueIndex = index
            document = next.document.withRepair(document.isRepaired)
            readArticles = next.read
            tops = next.tops
            selected = next.selected
            current = next.current
            listTop = next.listTop
            layouts = [:]
        }
        search = nil
        listFilter = nil
        pendingListSearch = nil
        overlay = nil
        screen = .list
        clampListTop()
    }

    /// Back from an issue's article list to the issue list.
    private mutating func leaveIssue() {
        issues[issueIndex] = slot(issueIndex)
        listFilter = nil
        pendingListSearch = nil
        search = nil
        screen = .issues
        if archiveFilter == nil { issueSelected = issueIndex }
        clampIssueListTop()
    }

    // MARK: Helpers

    /// Lines a page moves: the body height less one line kept for context.
    private var pageStep: Int { max(1, bodyRows - 1) }

    mutating func selectRow(_ row: Int) {
        let count = listCount
        guard count > 0 else { return }
        selected = listEntry(max(0, min(count - 1, row)))
        clampListTop()
    }

    /// Keeps the selected entry inside the visible part of the list.
    mutating func clampListTop() {
        let row = selectedRow
        let count = listCount
        if row < listTop { listTop = row }
        if row >= listTop + bodyRows { listTop = row - bodyRows + 1 }
        listTop = max(0, min(listTop, max(0, count - bodyRows)))
    }

    private mutating func setTopLine(_ line: Int, in layout: ArticleLayout) {
        guard layout.lines.indices.contains(line) else { return }
        tops[current] = layout.lines[line].offset
    }

    /// Opens `article` at its remembered position, or at its first search hit.
    mutating func open(_ article: Int, atFirstHit: Bool) {
        screen = .article
        overlay = nil
        current = article
        selected = article
        readArticles.insert(article)
        cacheCurrentLayout()
        if let filter = listFilter {
            let matches = ArticleSearch.matches(of: filter.query, in: layout(of: article))
            search = PageSearch(
                query: filter.query, article: article, matches: matches,
                current: atFirstHit && !matches.isEmpty ? 0 : nil)
            if atFirstHit, let first = matches.first { reveal(first, alwaysToTop: true) }
        } else {
            search = nil
        }
    }

    /// Puts section `index`'s heading on the top line.
    private mutating func jump(toSection index: Int) {
        let layout = currentLayout
        guard layout.sectionLines.indices.contains(index) else { return }
        setTopLine(layout.sectionLines[index], in: layout)
    }

    /// Scrolls so that `match` is visible: its line goes to the top unless it is shown already.
    private mutating func reveal(_ match: SearchMatch, alwaysToTop: Bool = false) {
        let layout = currentLayout
        let line = layout.line(containing: match.start)
        let top = topLine
        if !alwaysToTop, line >= top, line < top + bodyRows { return }
        let lastTop = max(0, layout.lines.count - bodyRows)
        setTopLine(min(line, max(lastTop, 0)), in: layout)
    }

    private mutating func stepMatch(forward: Bool) {
        guard var search, search.article == current else {
            message = "no search (press / to search)"
            return
        }
        guard !search.matches.isEmpty else {
            message = "not found: \(search.query)"
            return
        }
        let count = search.matches.count
        let next: Int
        if let index = search.current {
            next = forward ? index + 1 : index - 1
        } else {
            // Nothing chosen yet: the first match from the top of the view.
            let top = topOffset(of: current)
            let after = search.matches.firstIndex { $0.start >= top } ?? count
            next = forward ? after : after - 1
        }
        if next >= count {
            search.current = 0
            message = "search wrapped to the top"
        } else if next < 0 {
            search.current = count - 1
            message = "search wrapped to the bottom"
        } else {
            search.current = next
        }
        self.search = search
        if let index = search.current { reveal(search.matches[index]) }
    }

    /// `r`: re-parse with page-break repair toggled; positions are offsets, so they hold.
    private mutating func toggleRepair() {
        document = document.withRepair(!document.isRepaired)
        relayout()
        message = document.isRepaired ? "page-break repair on" : "page-break repair off (raw text)"
    }

    /// `c`: show every issue converted to the other script (`ScriptToggle`), or as the
    /// source has it. Positions are source offsets, so the place holds.
    private mutating func toggleConversion() {
        guard let scriptToggle else {
            message = "no script conversion (OpenCC is not installed)"
            return
        }
        let converting = document.conversion == nil
        let shown = scriptToggle.document(document, converted: converting)
        guard converting == (shown.conversion != nil) else {
            message = "cannot load the OpenCC conversion \(scriptToggle.conversionName(for: document).rawValue)"
            return
        }
        document = shown
        for index in issues.indices where index != issueIndex {
            issues[index].document = scriptToggle.document(issues[index].document, converted: converting)
        }
        relayout()
        message = shown.conversion.map { "shown converted: \($0.name.rawValue)" } ?? "shown as in the source"
    }

    /// " (s2t)" when the text is shown converted, for the status bar.
    public var conversionLabel: String {
        document.conversion.map { " (\($0.name.rawValue))" } ?? ""
    }

    /// Lays the open article out again after the text changed (repair, conversion), and
    /// finds the page search's matches again, from the current one's place.
    private mutating func relayout() {
        layouts = [:]
        cacheCurrentLayout()
        if let old = search {
            let matches = ArticleSearch.matches(of: old.query, in: layout(of: current))
            let start = old.current.map { old.matches[$0].start }
            let index = start.flatMap { offset in matches.firstIndex { $0.start >= offset } }
            search = PageSearch(query: old.query, article: current, matches: matches, current: index)
        }
        if let filter = listFilter { listFilter = ListFilter(query: filter.query, document: document) }
    }

    /// Keeps the layout of the open article cached at the current width.
    mutating func cacheCurrentLayout() {
        guard screen == .article, document.articles.indices.contains(current) else { return }
        let key = LayoutKey(article: current, width: layoutWidth, repaired: document.isRepaired)
        if layouts[key] != nil { return }
        if layouts.count >= 8 { layouts = [:] }
        layouts[key] = ArticleLayout(
            article: document.articles[current], in: document, width: layoutWidth, style: .screen(indent: page.indent, fullWidthPunctuation: page.cjkPunctuation),
            ambiguousWide: ambiguousWide, lineBreak: lineBreak)
    }
}

/// A list-wide search (of the article list, or of an archive's issue list) waiting for
/// the search indexes (`ReaderState.pendingListSearch`).
public struct PendingListSearch: Sendable, Equatable {
    /// The prompt as it was at the last edit (its query, and what Esc goes back to).
    var prompt: SearchPrompt
    /// Whether Enter was pressed: when the results come, "not found" restores the list.
    var isAccepted = false

    /// The query that will run.
    public var query: String { prompt.text }
}
