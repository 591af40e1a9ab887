/// The page search in an article with a huge paragraph laid out only around the top
/// (ARCHITECTURE.md, "Huge paragraphs"): `search.matches` are those of the laid-out text;
/// `n` and `N` look for the next match in the source of the parts not laid out, from the
/// current match on, and lay the article out there.
extension ReaderState {
    /// Finds the page search's matches again in the current layout, keeping the current
    /// one (by its offset).
    mutating func findMatchesAgain() {
        guard search != nil else { return }
        articleScreen.searchAgain(in: layout(of: current), article: current)
    }

    /// `n` (`N` when not `forward`) as the article view takes it: the parts not laid out
    /// first, then the laid-out matches (`ArticleScreen`).
    mutating func stepMatch(forward: Bool) {
        applyInArticle(forward ? .nextMatch : .previousMatch)
    }

    /// `n`/`N` when the next match in reading order lies in a part of a huge paragraph that
    /// is not laid out: moves there and makes it current. False when the laid-out matches
    /// hold the next one (or there is none), which `ArticleScreen` then takes.
    mutating func stepBeyondLayout(forward: Bool) -> Bool {
        guard let search else { return false }
        let layout = currentLayout
        let needle = SearchFolding.fold(search.query)
        let top = topOffset(of: current)
        // From the current match, or from the top of the view.
        let from = search.current.map { search.matches[$0].start } ?? (forward ? top - 1 : top)
        /// The first (last) match after (before) `offset` in the parts not laid out, before
        /// the laid-out match that comes next.
        func hit(after offset: Int) -> Int? {
            let listed = forward ? search.matches.first { $0.start > offset }?.start
                : search.matches.last { $0.start < offset }?.start
            let parts = forward ? layout.partsNotLaidOut : layout.partsNotLaidOut.reversed()
            for (part, paragraph) in parts {
                let lower = forward ? max(part.lowerBound, offset + 1) : max(part.lowerBound, (listed ?? -1) + 1)
                let upper = forward ? min(part.upperBound, listed ?? .max) : min(part.upperBound, offset)
                guard lower < upper else { continue }
                if let found = ArticleSearch.hit(of: needle, startingIn: lower..<upper, paragraph: paragraph,
                                                 source: document.source, forward: forward) {
                    return found
                }
            }
            return nil
        }
        let article = document.articles[current].range
        var found = hit(after: from)
        var wrapped = false
        if found == nil, (forward ? search.matches.last { $0.start > from } : search.matches.first { $0.start < from }) == nil {
            // Nothing on this side: wrapped to the other end of the article.
            found = hit(after: forward ? article.lowerBound - 1 : article.upperBound)
            wrapped = found != nil
        }
        guard let found else { return false }
        tops[current] = found
        cacheCurrentLayout()
        guard var moved = self.search, let index = moved.matches.firstIndex(where: { $0.start >= found }) else { return true }
        moved.current = index
        self.search = moved
        reveal(moved.matches[index], alwaysToTop: true)
        if wrapped { message = forward ? "search wrapped to the top" : "search wrapped to the bottom" }
        return true
    }
}
