/// Bookmarks: `*` stars an article (with the date the app last gave, `setTime`), `B`
/// lists the bookmarks of the open issues and, from the app's bookmark index, of every
/// other issue (`otherBookmarks`), newest first; Enter opens one: an open issue's here, another
/// run's by `Effect.openIssue` (the app opens its file, then `showBookmark(at:)`).
extension ReaderState {
    /// Tells the state the time (seconds since 1970), for the date of the next bookmark.
    public mutating func setTime(_ seconds: Int64) {
        time = seconds
    }

    /// The bookmarks of issues not open in this run, from the bookmark index.
    public mutating func setOtherBookmarks(_ entries: [BookmarkEntry]) {
        otherBookmarks = entries.map { entry in
            var entry = entry
            entry.issue = nil
            return entry
        }
    }

    /// The bookmarked articles of the open issue, with the dates they were set.
    public var bookmarks: [Int: Int64] { issues[issueIndex].bookmarks }

    /// The bookmarks of open issue `index`, as the list shows them.
    public func bookmarkEntries(ofIssue index: Int) -> [BookmarkEntry] {
        let document = index == issueIndex ? self.document : issues[index].document
        let articles = document.articles
        return issues[index].bookmarks.compactMap { article, date in
            guard articles.indices.contains(article) else { return nil }
            return BookmarkEntry(
                title: articles[article].title, issueName: document.name, date: date,
                position: ReadingPosition(article: article, offset: articles[article].titleOffset), issue: index)
        }
    }

    /// Every bookmark, newest first (then by issue name, then article).
    public var bookmarkList: [BookmarkEntry] {
        // An issue not stored has no bookmarks (`IssueSessions`).
        let open = issues.storedIndices.flatMap { bookmarkEntries(ofIssue: $0) }
        return (open + otherBookmarks).sorted {
            ($1.date, $0.issueName, $0.position.article) < ($0.date, $1.issueName, $1.position.article)
        }
    }

    /// Shows the bookmarked article at `position` in the issue the app has just opened for
    /// `Effect.openIssue` (its file may have changed since: an article it no longer has is
    /// said in the status line).
    public mutating func showBookmark(at position: ReadingPosition) {
        guard document.articles.indices.contains(position.article) else {
            message = "the bookmarked article is not in \(document.name) any more"
            return
        }
        go(to: position)
    }

    /// `*` in the list (the selected article) or an article (the open one).
    mutating func toggleBookmark() {
        let article = screen == .article ? current : selected
        guard document.articles.indices.contains(article) else { return }
        bookmarkEdits += 1
        if issues[issueIndex].bookmarks.removeValue(forKey: article) == nil {
            issues[issueIndex].bookmarks[article] = time
            message = "bookmarked"
        } else {
            message = "bookmark removed"
        }
    }

    /// Routes `action` to the bookmarks overlay (`BookmarksOverlay.update`) and does what it answers.
    mutating func applyInBookmarks(_ action: Action, bookmarks: BookmarksOverlay) {
        var bookmarks = bookmarks
        switch bookmarks.update(action, list: bookmarkList, rows: boxRows) {
        case .moved: overlay = .bookmarks(bookmarks)
        case .open(let entry): openBookmark(entry)
        case .remove(let entry):
            if let issue = entry.issue { issues[issue].bookmarks[entry.position.article] = nil }
            bookmarkEdits += 1
            overlay = .bookmarks(bookmarks)
            message = "bookmark removed"
        case .message(let text): message = text
        case .close: overlay = nil
        case .quit: isFinished = true
        case .ignored: break
        }
    }

    /// Enter on `entry`: an open issue's bookmark opens here; another run's asks the app to
    /// open its file (`Effect.openIssue`), or says where it is when its path is not known.
    private mutating func openBookmark(_ entry: BookmarkEntry) {
        guard let issue = entry.issue, issues.indices.contains(issue) else {
            guard let path = entry.path else {
                message = "in another issue: \(entry.issueName) (open it to read)"
                return
            }
            overlay = nil
            message = "opening \(entry.issueName)"
            emit(.openIssue(path: path, position: entry.position))
            return
        }
        overlay = nil
        if issue != issueIndex { enterIssue(issue) }
        go(to: entry.position)
    }
}
