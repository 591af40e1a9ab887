/// The article list's own state: the search that filters it (`/` in the list) and the
/// rows that follow from it. The selection and the list's top row are the issue's
/// (`IssueSession.selected`, `listTop`: an issue keeps its place when it is left);
/// `ReaderState` owns this component as `articleList` and forwards `listFilter`,
/// `listEntries`, `listCount`, `listEntry` and `selectedRow` to it.
struct ArticleListScreen: Sendable {
    /// The list filtered by a search over every article; nil: every article is listed.
    var filter: ListFilter?

    /// The articles listed, of an issue of `articleCount` articles: every one, or those with hits.
    func entries(articleCount: Int) -> [Int] {
        filter.map { $0.hits.map(\.article) } ?? Array(0..<articleCount)
    }

    /// The number of rows, without building them.
    func count(articleCount: Int) -> Int {
        filter?.hits.count ?? articleCount
    }

    /// The article on `row`, without building the rows.
    func entry(_ row: Int) -> Int {
        filter.map { $0.hits[row].article } ?? row
    }

    /// The row of `article` (0 when it is not listed).
    func row(of article: Int, articleCount: Int) -> Int {
        guard let filter else { return (0..<articleCount).contains(article) ? article : 0 }
        return filter.row(of: article) ?? 0
    }

    /// What a key in the article list asks of the state.
    enum Outcome: Equatable {
        /// Select `row` (clamped, scrolled into view), then say `message` if any.
        case select(row: Int, message: String?)
        /// Open the selected article (at its first hit when the list is filtered).
        case openSelected
        /// Open article `index` (a digit: articles are numbered in the issue, not the list).
        case openArticle(Int)
        case message(String)
        /// A key of the list that does nothing now (Enter on an empty list).
        case nothing
        /// Not a key of the list itself (the state's: search, back, marks, …).
        case ignored
    }

    /// Applies the list's own keys (movement, a click on a row, Enter, a digit, `n` / `N`
    /// through a search's hits) to the list of an issue of `articleCount` articles, shown
    /// as `cursor` (its selection as a row) with `visible` rows.
    func update(_ action: Action, cursor: ListCursor, articleCount: Int, visible: Int) -> Outcome {
        let count = count(articleCount: articleCount)
        if let target = cursor.row(after: action, count: count, visible: visible) {
            return .select(row: target, message: nil)
        }
        switch action {
        case .open, .nextArticle:
            return count == 0 ? .nothing : .openSelected
        case .number(let number):
            return (0..<articleCount).contains(number - 1) ? .openArticle(number - 1) : .message("no article \(number)")
        case .nextMatch, .previousMatch:
            guard filter != nil, count > 0 else { return .message("no search (press / to search)") }
            let hit = cursor.hitRow(forward: action == .nextMatch, count: count)
            return .select(row: hit.row, message: hit.message)
        default:
            return .ignored
        }
    }
}
