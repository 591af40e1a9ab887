/// The overlays drawn over a screen: the key help and the table of contents.
extension ReaderState {
    mutating func applyInHelp(_ action: Action, scroll: Int) {
        switch action {
        case .lineUp: overlay = .help(scroll: max(0, scroll - 1))
        case .lineDown: overlay = .help(scroll: min(scroll + 1, max(0, Renderer.helpLines(for: self).count - 1)))
        case .scroll(let lines):
            overlay = .help(scroll: max(0, min(scroll + lines, Renderer.helpLines(for: self).count - 1)))
        case .close: overlay = nil
        case .quit: isFinished = true
        default: break
        }
    }

    mutating func applyInContents(_ action: Action, selected section: Int) {
        let count = document.articles[current].sections.count
        switch action {
        case .lineUp: overlay = .contents(selected: max(0, section - 1))
        case .lineDown, .scroll: overlay = .contents(selected: min(count - 1, section + 1))
        case .top: overlay = .contents(selected: 0)
        case .bottom: overlay = .contents(selected: count - 1)
        case .accept:
            overlay = nil
            jump(toSection: section)
        case .number(let number):
            if number >= 1, number <= count {
                overlay = nil
                jump(toSection: number - 1)
            } else {
                message = "no section \(number)"
            }
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        default: break
        }
    }
}
