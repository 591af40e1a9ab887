/// Every issue's session (`ReaderState.issues`), by index. An archive whose files are not
/// read yet (`ReaderState(unreadIssues:…)`) stores no session for an issue nothing has
/// touched: such an issue reads as its placeholder, `placeholder` named by its label, and
/// its session is stored the first time something changes it. So opening an archive of
/// 73,000 files makes its issue list's rows, not 73,000 sessions (ARCHITECTURE.md,
/// "Data flow", Input).
struct IssueSessions: Sendable {
    /// How many issues there are.
    let count: Int
    /// The sessions stored: every issue's, or (an archive not read yet) those touched.
    private var stored: [Int: IssueSession]
    /// The labels of the issues not stored (nil: every issue is stored).
    private let labels: IssueLabels?
    /// The document of an issue not stored, but for its name: `Document.unread` with no
    /// counts, shown with the repair and conversion every issue is shown with.
    private var placeholder: Document

    /// Every session given, in order.
    init(_ sessions: [IssueSession]) {
        count = sessions.count
        stored = Dictionary(uniqueKeysWithValues: sessions.enumerated().map { ($0.offset, $0.element) })
        labels = nil
        placeholder = Document.unread(name: "", counts: nil)
    }

    /// One issue for each of `labels`, none stored: issue i reads as `placeholder` named
    /// `labels.label(i)`.
    init(labels: IssueLabels, placeholder: Document) {
        count = labels.count
        stored = [:]
        self.labels = labels
        self.placeholder = placeholder
    }

    /// The issues' indices.
    var indices: Range<Int> { 0..<count }

    /// The indices of the issues stored, in order: those that can have bookmarks, marks,
    /// read articles or a text (an issue not stored has none).
    var storedIndices: [Int] { stored.keys.sorted() }

    /// Issue `index`'s session (its placeholder's, when not stored: storing it on the
    /// first change).
    subscript(index: Int) -> IssueSession {
        get { stored[index] ?? unstoredSession(index) }
        set { stored[index] = newValue }
        _modify {
            if stored[index] == nil { stored[index] = unstoredSession(index) }
            yield &stored[index, default: IssueSession(document: placeholder)]
        }
    }

    /// Issue `index`'s document as a search reads it (its text, repair and conversion):
    /// for an issue not stored, the placeholder without its name (a name made for each of
    /// 73,000 issues on every key typed after `/` is what `IssueSessions` avoids).
    func searchedDocument(_ index: Int) -> Document {
        stored[index]?.document ?? placeholder
    }

    /// Changes the document of every issue but `excluded` with `change` (the `c` key's
    /// conversion): the stored ones, and the placeholder of the others.
    mutating func changeDocuments(except excluded: Int, _ change: (Document) -> Document) {
        for index in Array(stored.keys) where index != excluded {
            if let document = stored[index]?.document { stored[index]?.document = change(document) }
        }
        placeholder = change(placeholder)
    }

    /// The session of issue `index` while it is not stored.
    private func unstoredSession(_ index: Int) -> IssueSession {
        IssueSession(document: placeholder.named(labels?.label(index) ?? ""))
    }
}
