/// The article view: its keys, scrolling, opening an article, jumping to a section or a match.
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
        case .tableOfContents:
            if document.articles[current].sections.isEmpty {
                message = "this article has no sections"
            } else {
                overlay = .contents(selected: currentSection ?? 0)
            }
        case .showLinks:
            openLinkList()
        case .saveArticle:
            openSavePrompt()
        case .pipeArticle:
            textPrompt = TextPrompt(kind: .pipe)
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
            let matches = ArticleSearch.matches(of: filter.query, in: layout(of: article))
            search = PageSearch(
                query: filter.query, article: article, matches: matches,
                current: atFirstHit && !matches.isEmpty ? 0 : nil)
            if atFirstHit, let first = matches.first { reveal(first, alwaysToTop: true) }
            // A windowed paragraph's first hit may lie beyond what is laid out.
            if atFirstHit, matches.isEmpty, currentLayout.isWindowed { stepMatch(forward: true) }
        } else {
            search = nil
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
        let line = layout.line(containing: match.start)
        let top = topLine
        if !alwaysToTop, line >= top, line < top + bodyRows { return }
        let lastTop = max(0, layout.lines.count - bodyRows)
        setTopLine(min(line, max(lastTop, 0)), in: layout)
    }
}
