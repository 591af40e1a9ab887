/// The mapping to and from the saved reading state (`ReadingState`) of an issue or of each issue of an archive.
extension ReaderState {
    /// Where the reader is, to be saved for the next run (`contentHash` is the document's).
    public func readingState(contentHash: UInt64) -> ReadingState {
        let article = screen == .article ? current : selected
        let offset = document.articles.indices.contains(article) ? topOffset(of: article) : 0
        return ReadingState(
            contentHash: contentHash, screen: screen == .article ? .article : .list, article: article,
            offset: offset, read: readArticles, marks: marks, bookmarks: bookmarks)
    }

    /// The reading state of issue `index` of an archive.
    public func readingState(ofIssue index: Int, contentHash: UInt64) -> ReadingState {
        if index == issueIndex, screen != .issues { return readingState(contentHash: contentHash) }
        let slot = slot(index)
        let article = slot.selected
        let offset = slot.tops[article] ?? (slot.document.articles.indices.contains(article)
            ? slot.document.articles[article].titleOffset : 0)
        return ReadingState(
            contentHash: contentHash, screen: .list, article: article, offset: offset, read: slot.read,
            marks: slot.marks, bookmarks: slot.bookmarks)
    }

    /// The reading state of an issue nothing has touched: its list, on its first article
    /// at its title (what `readingState(ofIssue:)` gives for such an issue). An archive's
    /// issue read after the user opened it counts its changes from this, not from where the
    /// user already was (else a quit would not save what was done before the text came).
    public static func untouchedReadingState(of document: Document, contentHash: UInt64) -> ReadingState {
        let offset = document.articles.isEmpty ? 0 : document.articles[0].titleOffset
        return ReadingState(contentHash: contentHash, screen: .list, article: 0, offset: offset, read: [])
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
        issues[index].marks = ReaderState.validMarks(saved.marks, in: articles)
        issues[index].bookmarks = saved.bookmarks.filter { articles.indices.contains($0.key) }
        bookmarkEdits += 1
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
        for (letter, mark) in ReaderState.validMarks(saved.marks, in: articles) where issues[issueIndex].marks[letter] == nil {
            issues[issueIndex].marks[letter] = mark
        }
        bookmarkEdits += 1
        for (article, date) in saved.bookmarks where articles.indices.contains(article) {
            issues[issueIndex].bookmarks[article] = issues[issueIndex].bookmarks[article] ?? date
        }
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

    /// The saved marks that fit `articles` (article in range, offset inside it).
    static func validMarks(_ marks: [Character: ReadingPosition], in articles: ArticleList) -> [Character: ReadingPosition] {
        marks.filter { articles.indices.contains($0.value.article) && articles[$0.value.article].range.contains($0.value.offset) }
    }
}
