/// The search prompt: searching the article as typed, filtering the lists, and stepping through matches.
extension ReaderState {
    mutating func applyInPrompt(_ action: Action) {
        guard var prompt else { return }
        switch prompt.edit(action) {
        case .edited:
            self.prompt = prompt
            searchAsTyped(prompt)
        case .cancelled:
            cancelPrompt(prompt)
        case .acceptedEmpty:
            self.prompt = nil
            cancelPrompt(prompt)
        case .accepted:
            self.prompt = nil
            switch prompt.scope {
            case .article:
                // Typing searched what is laid out: a windowed paragraph's next match may lie beyond.
                if currentLayout.isWindowed, search?.current == nil, search != nil { stepMatch(forward: true) }
                if search?.matches.isEmpty ?? true { message = "not found: \(prompt.text)" }
            case .list, .archive:
                if pendingListSearch != nil {
                    pendingListSearch?.isAccepted = true
                } else if prompt.scope == .archive, archiveFilter?.isComplete == false {
                    acceptedArchiveSearch = prompt
                } else {
                    keepListWideSearch(prompt)
                }
            }
        case .quit:
            isFinished = true
        case .ignored:
            break
        }
    }

    /// Enter on a list-wide search (the article list, or an archive's issue list): the
    /// filter stays, or (no hits) the list goes back to how it was with a "not found" message.
    mutating func keepListWideSearch(_ prompt: SearchPrompt) {
        let hits = prompt.scope == .archive ? archiveFilter?.hits.count : listFilter?.hits.count
        guard (hits ?? 0) == 0 else { return }
        restoreListBeforeSearch(prompt)
        message = "not found: \(prompt.text)"
    }

    /// The article list (or, for an archive search, the issue list) as it was when
    /// `prompt` opened: its filter and selection.
    private mutating func restoreListBeforeSearch(_ prompt: SearchPrompt) {
        if prompt.scope == .archive {
            // A search the app was still running when this prompt opened is not resumed.
            archiveFilter = prompt.savedArchiveFilter?.isComplete == false ? nil : prompt.savedArchiveFilter
            acceptedArchiveSearch = nil
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

    /// The issues a list-wide search of `scope` looks through.
    private func searchedIssues(_ scope: SearchPrompt.Scope) -> [Int] {
        scope == .archive ? Array(0..<issues.count) : [issueIndex]
    }

    /// Which search index issue `issue` needs as it is shown now (with or without repair).
    private func searchIndexKey(ofIssue issue: Int) -> SearchIndexKey {
        SearchIndexKey(issue: issue, repaired: slot(issue).document.joinsCutParagraphs)
    }

    /// Whether a list-wide search of `scope` can run now without waiting for an index
    /// being built, or for the whole of an issue of which only a preview is there yet.
    private func canSearchNow(_ scope: SearchPrompt.Scope) -> Bool {
        !searchedIssues(scope).contains { issue in
            !slot(issue).document.isComplete || searchIndexes.preparing.contains(searchIndexKey(ofIssue: issue))
        }
    }

    /// Whether the pending list-wide search can run now without waiting for an index.
    public var isSearchReady: Bool {
        pendingListSearch.map { canSearchNow($0.prompt.scope) } ?? true
    }

    /// `.prepareSearch`: asks the app to build, in the background, the index of every
    /// issue that is read whole and has none yet nor one being built
    /// (`Effect.prepareSearch`); a search waiting for nothing then runs. An issue over
    /// `indexBuiltAtOpenBytes` is left for its first list-wide search.
    /// An archive searched by the app (`searchesArchiveWithIndex`) asks for none: its
    /// search reads what is not in memory, and an issue's own list search builds its index.
    mutating func requestSearchIndexes() {
        requestSearchIndexes(of: isArchive && searchesArchiveWithIndex ? 0..<0 : 0..<issues.count, large: false)
        runPendingListSearch()
    }

    /// Asks for the indexes of `wanted` issues that are read whole and have none yet nor
    /// one being built: those up to `indexBuiltAtOpenBytes` when not `large`, those over it
    /// when `large` (their index, a folded copy about the size of the text, is asked for by
    /// their first list-wide search, so that reading a huge issue never costs it:
    /// ARCHITECTURE.md, "Huge paragraphs"). A small issue searched before its index was asked
    /// for builds it at once, in the search.
    private mutating func requestSearchIndexes(of wanted: some Sequence<Int>, large: Bool) {
        var requests: [SearchIndexRequest] = []
        for issue in wanted {
            let document = slot(issue).document
            let key = searchIndexKey(ofIssue: issue)
            guard document.isComplete, searchIndexes.built[key] == nil, !searchIndexes.preparing.contains(key),
                (document.source.count > indexBuiltAtOpenBytes) == large
            else { continue }
            searchIndexes.preparing.insert(key)
            requests.append(SearchIndexRequest(key: key, document: document))
        }
        if !requests.isEmpty { emit(.prepareSearch(requests)) }
    }

    /// `.searchPrepared`: keeps the indexes the app built and runs the list-wide search
    /// that waited for them.
    mutating func receiveSearchIndexes(_ prepared: [PreparedSearchIndex]) {
        for index in prepared where searchIndexes.preparing.remove(index.key) != nil {
            searchIndexes.built[index.key] = index.index
        }
        runPendingListSearch()
    }

    /// The search index of `issue` as shown now: the one there, else built at once (and
    /// kept) when none is being built.
    mutating func searchIndex(ofIssue issue: Int) -> SearchIndex {
        let key = searchIndexKey(ofIssue: issue)
        if let built = searchIndexes.built[key] { return built }
        let built = SearchIndex(document: slot(issue).document)
        searchIndexes.built[key] = built
        return built
    }

    /// Runs the list-wide search typed while an index was being built, as typing it
    /// would have (and, if Enter was pressed meanwhile, as Enter would have).
    mutating func runPendingListSearch() {
        guard let pending = pendingListSearch, isSearchReady else { return }
        pendingListSearch = nil
        filterListWide(pending.prompt)
        if pending.isAccepted { keepListWideSearch(pending.prompt) }
    }

    /// Filters the issue list by a search of every issue for `query`.
    private mutating func filterArchive(_ query: String) {
        let indexes = searchedIssues(.archive).map { searchIndex(ofIssue: $0) }
        archiveFilter = ArchiveFilter(query: query, indexes: indexes)
        issueSelected = 0
        issueListTop = 0
    }

    /// Filters the list by a list-wide search for `query` and selects its first hit.
    private mutating func filterList(_ query: String) {
        let filter = ListFilter(query: query, index: searchIndex(ofIssue: issueIndex))
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
            let shown = articleScreen.searchAsTyped(
                prompt.text, saved: prompt.savedSearch, in: layout(of: current), article: current,
                from: prompt.savedTop ?? topOffset(of: current))
            if let shown { reveal(shown) }
        case .list, .archive:
            pendingListSearch = nil
            if prompt.text.isEmpty {
                restoreListBeforeSearch(prompt)
            } else if prompt.scope == .archive, searchesArchiveWithIndex {
                searchArchiveWithIndex(prompt.text)
            } else {
                requestSearchIndexes(of: searchedIssues(prompt.scope), large: true)
                if canSearchNow(prompt.scope) {
                    filterListWide(prompt)
                } else {
                    pendingListSearch = PendingListSearch(prompt: prompt)
                }
            }
        }
    }
}
