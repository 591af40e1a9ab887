/// An archive whose files are read after its issue list is on screen (ARCHITECTURE.md,
/// "Data flow", Input): each issue starts as `Document.unread` with no counts, the app
/// reads the files in the background (the rows on screen and the issue opened first) and
/// hands each here; a text is kept while the texts kept stay within `heldTexts.budget`,
/// else only its counts stay, and opening it has it read again.
extension ReaderState {
    /// Whether issue `index`'s text is in memory (read, and not let go since).
    public func holdsText(ofIssue index: Int) -> Bool {
        issues.indices.contains(index) && issues[index].document.isComplete
    }

    /// The open issue, when its text is wanted and not in memory: the app reads it next.
    public var issueWanted: Int? {
        guard isArchive, screen != .issues, !document.isComplete, session.failure == nil else { return nil }
        return issueIndex
    }

    /// The issues whose rows the issue list shows now (none under a search's hits): the
    /// app reads those not read yet before the others.
    public var issuesOnScreen: Range<Int> {
        guard isArchive, screen == .issues, archiveFilter == nil else { return 0..<0 }
        let top = min(max(0, issueListTop), issues.count)
        return top..<min(issues.count, top + bodyRows)
    }

    /// The most bytes of issue text kept in memory (`HeldTexts.defaultBudget`; tests make
    /// it small).
    public var heldTextBudget: Int {
        get { heldTexts.budget }
        set { heldTexts.budget = newValue }
    }

    /// Issue `index`'s file, read (the first time, or again after its text was let go):
    /// puts it in place of its placeholder (`completeLoading`), then keeps its text or lets
    /// it go (`keepWithinBudget`). The app restores its saved state in between, the first time.
    public mutating func receiveArchiveIssue(_ loaded: Document, issue index: Int) {
        guard issues.indices.contains(index), !issues[index].document.isComplete else { return }
        // Read for the first time and not open: shown as read (a converted file is not
        // repaired), as every issue of an archive was when all were read at start.
        if issues[index].document.knownCounts == nil, index != issueIndex || screen == .issues {
            issues[index].document = issues[index].document.withRepair(loaded.isRepaired)
        }
        completeLoading(with: loaded, issue: index)
        // What a key pressed on the open issue before its text came said is over.
        if index == issueIndex, screen != .issues, message == "loading..." { message = nil }
    }

    /// Keeps issue `index`'s text, just read, when it fits the budget (or is open, or has
    /// bookmarks, whose titles the bookmark list shows); else lets it go. An issue kept
    /// over the budget lets the oldest kept ones go.
    public mutating func keepWithinBudget(issue index: Int) {
        guard holdsText(ofIssue: index) else { return }
        let size = issues[index].document.source.count
        if isPinned(index) {
            heldTexts.keep(index, bytes: size)
        } else if heldTexts.fits(size) {
            heldTexts.keep(index, bytes: size)
            return
        } else {
            letTextGo(index)
            return
        }
        var tries = heldTexts.count
        while !heldTexts.fits(0), tries > 0, let oldest = heldTexts.takeOldest() {
            tries -= 1
            if isPinned(oldest.issue), holdsText(ofIssue: oldest.issue) {
                heldTexts.keep(oldest.issue, bytes: oldest.bytes)
            } else {
                letTextGo(oldest.issue)
            }
        }
    }

    /// Whether issue `index`'s text must stay: it is open, or it has bookmarks.
    private func isPinned(_ index: Int) -> Bool {
        (index == issueIndex && screen != .issues) || !issues[index].bookmarks.isEmpty
    }

    /// Lets issue `index`'s text go: its slot keeps its counts (`Document.unread`), its
    /// session (position, read marks, marks) and the way it is shown (repair, conversion).
    /// The selected article's top is kept as an offset, so that the reading state saved
    /// at quit is the one it had (which needed the article's title offset).
    private mutating func letTextGo(_ index: Int) {
        let slot = issues[index]
        let document = slot.document
        guard document.isComplete else { return }
        if slot.tops[slot.selected] == nil, document.articles.indices.contains(slot.selected) {
            issues[index].tops[slot.selected] = document.articles[slot.selected].titleOffset
        }
        let counts = Document.KnownCounts(articles: document.articles.count, unread: slot.unreadCount)
        issues[index].document = Document.unread(name: document.name, counts: counts, repair: document.isRepaired)
            .withConversion(document.conversion)
        searchIndexes.built[SearchIndexKey(issue: index, repaired: true)] = nil
        searchIndexes.built[SearchIndexKey(issue: index, repaired: false)] = nil
        if index == issueIndex { layouts = [:] }
    }

    /// Issue `index`'s file cannot be read (not text, or unreadable): its row says so, and
    /// an issue opened before it was read goes back to the list with the message.
    public mutating func markUnreadable(issue index: Int, failure: IssueSession.Failure) {
        guard issues.indices.contains(index) else { return }
        issues[index].failure = failure
        if index == issueIndex, screen != .issues {
            afterLoading = nil
            leaveIssue()
            message = failure.message
        }
    }

    /// Forgets what the reader knew of issue `index` (its file changed between two reads:
    /// the positions and marks were the old text's).
    public mutating func forgetSession(ofIssue index: Int) {
        guard issues.indices.contains(index), index != issueIndex || screen == .issues else { return }
        issues[index] = IssueSession(document: issues[index].document)
        bookmarkEdits += 1
    }
}
