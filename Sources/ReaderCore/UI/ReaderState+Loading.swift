#if canImport(Glibc)
import Glibc
#endif

/// A large file's preview (`Document.preview`) and the whole issue that replaces it once
/// it is read: the keys on the preview that mean articles it does not hold yet, and the
/// hand-over to the whole issue.
extension ReaderState {
    /// A request for an article the preview does not hold yet.
    enum AfterLoading: Equatable {
        /// `G` (or End): the whole issue's last article is meant.
        case selectLast
        /// `G` then Enter: open the whole issue's last article.
        case openLast
        /// A number past the preview's articles: open that article.
        case open(Int)
        /// Enter on an archive search's hit in an issue whose text was not in memory:
        /// open the article at its first hit, the issue's list filtered by the query.
        case openHit(article: Int, query: String)
    }

    /// What the list of a preview does with `action` when it means the whole issue: `G`
    /// is the last article of the whole issue, Enter after it opens that article, and a
    /// number past the preview's articles is one still being read. True when the action
    /// waits for the whole issue (the list does nothing more with it now).
    mutating func deferToWholeIssue(_ action: Action) -> Bool {
        let previous = afterLoading
        afterLoading = nil
        guard !document.isComplete, listFilter == nil else { return false }
        switch action {
        case .bottom:
            afterLoading = .selectLast
        case .open, .nextArticle:
            guard previous == .selectLast || previous == .openLast else { return false }
            afterLoading = .openLast
            message = "last article: loading..."
            return true
        case .number(let number) where number > document.articles.count:
            afterLoading = .open(number - 1)
            message = "article \(number): loading..."
            return true
        default:
            break
        }
        return false
    }

    /// Replaces a preview (`Document.preview`, shown while a large file is read) with the
    /// whole issue. The preview's articles are the whole issue's first ones, so the
    /// selection and everything on screen stay where they are; only what the preview
    /// could not know (the article count, the later articles) changes.
    ///
    /// A file that changed between the preview and the whole read (emptied, truncated,
    /// rewritten) no longer starts with the preview's bytes: then the reader shows the
    /// issue as it is now from its article list, and says so.
    ///
    /// In an archive, `issue` names the issue whose preview the whole replaces (an archive
    /// opens its large files on previews too; the issue list says "loading..." for them).
    public mutating func completeLoading(with loaded: Document, issue: Int = 0) {
        guard issues.indices.contains(issue) else { return }
        let shownBefore = slot(issue).document
        let repaired = loaded.withRepair(shownBefore.isRepaired)
        // Shown as the preview was (converted or not).
        let whole = scriptToggle?.document(repaired, converted: shownBefore.conversion != nil) ?? repaired
        guard issue == issueIndex else {
            // An issue of an archive that is not open: its slot keeps its place unless the
            // file changed.
            if Self.startsWith(whole.source, shownBefore.source) {
                issues[issue].document = whole
            } else {
                issues[issue] = IssueSession(document: whole)
                bookmarkEdits += 1
            }
            return
        }
        let request = afterLoading
        afterLoading = nil
        let unchanged = Self.startsWith(whole.source, document.source)
        document = whole
        layouts = [:]
        searchIndexes = SearchIndexes()
        let count = whole.articles.count
        if unchanged {
            selected = min(selected, max(0, count - 1))
            current = min(current, max(0, count - 1))
        } else {
            if screen != .issues { screen = .list }
            overlay = nil
            prompt = nil
            search = nil
            listFilter = nil
            selected = 0
            current = 0
            listTop = 0
            tops = [:]
            readArticles = []
            message = "the file changed while it was read: shown as it is now"
        }
        switch request {
        case .selectLast:
            selected = max(0, count - 1)
        case .openLast:
            if count > 0 { open(count - 1, atFirstHit: false) }
        case .openHit(let article, let query):
            guard whole.articles.indices.contains(article) else { break }
            listFilter = ListFilter(query: query, index: searchIndex(ofIssue: issueIndex))
            selected = article
            clampListTop()
            open(article, atFirstHit: true)
        case .open(let article):
            if whole.articles.indices.contains(article) {
                selected = article
                open(article, atFirstHit: false)
            } else {
                message = "no article \(article + 1)"
            }
        case nil:
            break
        }
        clampListTop()
        cacheCurrentLayout()
    }

    /// Whether `bytes` starts with all of `prefix`.
    private static func startsWith(_ bytes: SourceBytes, _ prefix: SourceBytes) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        return bytes.withUnsafeBufferPointer { whole in
            prefix.withUnsafeBufferPointer { start in
                guard let wholeBase = whole.baseAddress, let startBase = start.baseAddress else { return start.isEmpty }
                return memcmp(wholeBase, startBase, start.count) == 0
            }
        }
    }
}
