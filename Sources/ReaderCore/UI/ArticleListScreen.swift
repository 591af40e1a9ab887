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
}
