/// The links of the open article: the overlay that lists them (`o`) and opening one,
/// which is an effect (ARCHITECTURE.md, "Links" and "Effects").
extension ReaderState {
    /// `o` in the article view: the list of the article's links, or a message when it has none.
    mutating func openLinkList() {
        let layout = currentLayout
        let links = layout.links
        guard !links.isEmpty else {
            message = "this article has no links"
            return
        }
        overlay = .links(LinkList(links: links, visible: visibleOffsets(in: layout)))
    }

    /// The source offsets of the lines on screen, from the top line's to the next line's.
    func visibleOffsets(in layout: ArticleLayout) -> Range<Int> {
        let top = topLine
        guard layout.lines.indices.contains(top) else { return 0..<0 }
        let start = layout.lines[top].offset
        let after = top + bodyRows
        let end = layout.lines.indices.contains(after) ? layout.lines[after].offset : Int.max
        return start..<max(start, end)
    }

    mutating func applyInLinks(_ action: Action, list: LinkList) {
        var list = list
        let count = list.links.count
        var cursor = ListCursor(selected: list.selected)
        if cursor.move(action, count: count, visible: boxRows) {
            list.selected = cursor.selected
            overlay = .links(list)
            return
        }
        switch action {
        case .accept:
            openLink(list.links[list.selected])
        case .number(let number):
            guard number >= 1, number <= count else {
                message = "no link \(number)"
                return
            }
            openLink(list.links[number - 1])
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
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
