/// The links of the open article: routing the keys of the overlay that lists them (`o`,
/// `LinkList`; `ArticleScreen` opens it) and opening one, which is an effect
/// (ARCHITECTURE.md, "Links" and "Effects").
extension ReaderState {
    /// Routes `action` to the link overlay (`LinkList.update`) and does what it answers.
    mutating func applyInLinks(_ action: Action, list: LinkList) {
        var list = list
        switch list.update(action, rows: boxRows) {
        case .moved: overlay = .links(list)
        case .open(let link): openLink(link)
        case .message(let text): message = text
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        case .ignored: break
        }
    }

    /// Closes the overlay and asks the app to open `link` (an `http`, `https` or
    /// `mailto` link only; anything else only gets a message).
    private mutating func openLink(_ link: ArticleLink) {
        overlay = nil
        guard link.isOpenable else {
            message = "not opened: only http, https and mailto links are opened"
            return
        }
        emit(.openLink(link.url))
    }
}
