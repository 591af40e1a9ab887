/// The article view: routing its keys (scrolling to `ArticleViewport`, sections, matches and
/// links to `ArticleScreen`), opening an article, jumping to a section or a match.
extension ReaderState {
    mutating func applyInArticle(_ action: Action) {
        if action == .bottom { layOutAround(document.articles[current].range.upperBound - 1) }
        let layout = currentLayout
        let line = topLine
        let viewport = ArticleViewport(top: line, lineCount: layout.lines.count, bodyRows: bodyRows)
        if action == .pageDown, viewport.isAtEnd {
            openNextUnread()
            return
        }
        if let top = viewport.top(after: action) {
            setTopLine(top, in: layout)
            return
        }
        let page = ArticleScreen.Page(
            article: current, layout: layout, topLine: line, topOffset: topOffset(of: current), bodyRows: bodyRows,
            sectionCount: document.articles[current].sections.count)
        // A match in a part of a huge paragraph that is not laid out (ReaderState+WindowedSearch.swift).
        if action == .nextMatch || action == .previousMatch, search?.article == current, layout.isWindowed,
           stepBeyondLayout(forward: action == .nextMatch) { return }
        switch articleScreen.update(action, on: page) {
        case .jump(let section): jump(toSection: section)
        case .firstLine: setTopLine(0, in: layout)
        case .reveal(let match, let text):
            if let text { message = text }
            reveal(match)
        case .contents(let selected): overlay = .contents(selected: selected)
        case .links(let list): overlay = .links(list)
        case .message(let text): message = text
        case .ignored: applyArticleKey(action)
        }
    }

    /// The article view's keys that are not its component's: other articles, the list,
    /// the prompts, the shown text, the reading workflow.
    private mutating func applyArticleKey(_ action: Action) {
        switch action {
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
        case .saveArticle:
            openSavePrompt()
        case .pipeArticle:
            textPrompt = TextPrompt(kind: .pipe)
        case .search:
            prompt = SearchPrompt(
                text: "", scope: .article, savedTop: topOffset(of: current), savedSearch: search,
                savedFilter: listFilter, savedSelection: selected)
        case .toggleRepair:
            toggleRepair()
        case .toggleConversion:
            toggleConversion()
        case .toggleRead:
            toggleRead(current)
        case .copyParagraph: copyParagraph()
        case .copyArticle: copyArticle()
        case .leave: isFinished = true
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: applyReadingWorkflow(action)
        }
    }

    /// Moves the top to `offset` when the cached layout does not lay out the lines around it
    /// (a huge paragraph's window elsewhere): the layout is then made there, and the
    /// movement that asked for it finds its lines (ARCHITECTURE.md, "Huge paragraphs").
    private mutating func layOutAround(_ offset: Int) {
        guard !currentLayout.isLaidOut(around: offset) else { return }
        tops[current] = offset
        cacheCurrentLayout()
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
            let hit = articleScreen.showHits(of: filter.query, in: layout(of: article), article: article, atFirstHit: atFirstHit)
            if let hit { reveal(hit, alwaysToTop: true) }
            // A windowed paragraph's first hit may lie beyond what is laid out.
            if atFirstHit, hit == nil, currentLayout.isWindowed { stepMatch(forward: true) }
        } else {
            articleScreen.search = nil
        }
    }

    /// Puts section `index`'s heading on the top line.
    mutating func jump(toSection index: Int) {
        let layout = currentLayout
        guard layout.sectionLines.indices.contains(index) else { return }
        setTopLine(layout.sectionLines[index], in: layout)
    }

    /// Scrolls so that `match` is visible: its line goes to the top unless it is shown already.
    mutating func reveal(_ match: SearchMatch, alwaysToTop: Bool = false) {
        layOutAround(match.start)
        let layout = currentLayout
        let viewport = ArticleViewport(top: topLine, lineCount: layout.lines.count, bodyRows: bodyRows)
        if let top = viewport.top(revealing: layout.line(containing: match.start), alwaysToTop: alwaysToTop) {
            setTopLine(top, in: layout)
        }
    }
}
