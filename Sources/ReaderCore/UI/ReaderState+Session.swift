/// The open issue's session (`IssueSession`), the only home of an issue's position: the
/// state's `document`, `selected`, `listTop`, `current`, `readArticles` and `tops` read
/// and write the open issue's slot in place (ARCHITECTURE.md, "How to add …").
extension ReaderState {
    /// The open issue as shown (with or without page-break repair): its slot's document.
    public internal(set) var document: Document {
        get { issues[issueIndex].document }
        _modify { yield &issues[issueIndex].document }
    }
    /// The open issue's session (ARCHITECTURE.md, "How to add …"): its position, read marks,
    /// marks and bookmarks, kept in its slot and changed there in place — never copied
    /// into the state's own fields and back.
    var session: IssueSession {
        get { issues[issueIndex] }
        _modify { yield &issues[issueIndex] }
    }
    /// The selected article (an index into `document.articles`).
    public internal(set) var selected: Int {
        get { session.selected }
        _modify { yield &session.selected }
    }
    /// The first list entry shown.
    public internal(set) var listTop: Int {
        get { session.listTop }
        _modify { yield &session.listTop }
    }
    /// The article shown in the article view.
    public internal(set) var current: Int {
        get { session.current }
        _modify { yield &session.current }
    }
    /// Articles marked read: opened, restored from the saved reading state, or marked with `u`.
    public internal(set) var readArticles: Set<Int> {
        get { session.read }
        _modify { yield &session.read }
    }
    /// Each article's top offset, once it has been opened or scrolled.
    var tops: [Int: Int] {
        get { session.tops }
        _modify { yield &session.tops }
    }
}
