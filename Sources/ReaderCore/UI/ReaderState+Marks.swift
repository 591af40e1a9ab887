/// Marks (`m` and a letter sets one at the top of the screen, `'` and the letter goes
/// back, `''` returns to where the last jump started), kept per issue in its `IssueSession`
/// and saved in its reading state. The bookmark actions that the list and the article view
/// leave to `applyReadingWorkflow` are dispatched here too (to `ReaderState+Bookmarks.swift`).
extension ReaderState {
    /// The actions of the reading workflow, on the article list and in the article view.
    mutating func applyReadingWorkflow(_ action: Action) {
        switch action {
        case .setMark:
            pendingMark = .setMark
            message = "set mark: type a letter"
        case .jumpToMark:
            pendingMark = .jumpToMark
            message = "go to mark: type a letter or '"
        case .setMarkNamed(let letter): setMark(letter)
        case .jumpToMarkNamed(let letter): jumpToMark(letter)
        case .jumpBack: jumpBack()
        case .toggleBookmark: toggleBookmark()
        case .bookmarks: overlay = .bookmarks(selected: 0)
        default: break
        }
    }

    /// The action the key after `m` or `'` stands for: a letter names a mark; `'` after
    /// `'` jumps back; anything else cancels (nil).
    func markAction(after command: Action, key: Key) -> Action? {
        guard case .character(let character) = key else { return nil }
        if command == .jumpToMark, character == "'" { return .jumpBack }
        guard ReadingPosition.isMarkName(character) else { return nil }
        return command == .setMark ? .setMarkNamed(character) : .jumpToMarkNamed(character)
    }

    /// The marks of the open issue.
    public var marks: [Character: ReadingPosition] { issues[issueIndex].marks }

    /// Where the reader is: the open article's top line, or the selected article's.
    var currentPosition: ReadingPosition? {
        let article = screen == .article ? current : selected
        guard document.articles.indices.contains(article) else { return nil }
        return ReadingPosition(article: article, offset: topOffset(of: article))
    }

    mutating func setMark(_ letter: Character) {
        guard ReadingPosition.isMarkName(letter), let position = currentPosition else { return }
        issues[issueIndex].marks[letter] = position
        message = "mark \(letter) set"
    }

    mutating func jumpToMark(_ letter: Character) {
        guard let mark = marks[letter] else {
            message = "no mark \(letter)"
            return
        }
        go(to: mark)
    }

    mutating func jumpBack() {
        guard let origin = issues[issueIndex].jumpOrigin else {
            message = "no jump to go back from"
            return
        }
        go(to: origin)
    }

    /// Opens the article of `position` with `position.offset` at the top, remembering
    /// where the reader was for `''`.
    mutating func go(to position: ReadingPosition) {
        let articles = document.articles
        guard articles.indices.contains(position.article) else {
            message = "the mark is outside this issue"
            return
        }
        issues[issueIndex].jumpOrigin = currentPosition
        let keepsSearch = search?.article == position.article
        let savedSearch = search
        open(position.article, atFirstHit: false)
        if keepsSearch { search = savedSearch }
        if articles[position.article].range.contains(position.offset) { tops[position.article] = position.offset }
    }
}
