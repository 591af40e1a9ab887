/// The overlays drawn over a screen: routing the keys of the key help (`HelpOverlay`) and
/// of the table of contents (`ContentsOverlay`) to their components.
extension ReaderState {
    /// The help overlay's lines for the screen under it (`KeyMap.helpLines`).
    var helpLines: [String] { KeyMap.helpLines(for: screenContext, table: bindings) }

    /// Routes `action` to the help overlay (`HelpOverlay.update`) and does what it answers.
    mutating func applyInHelp(_ action: Action, help: HelpOverlay) {
        var help = help
        switch help.update(action, lineCount: helpLines.count) {
        case .scrolled: overlay = .help(help)
        case .close: overlay = nil
        case .quit: isFinished = true
        case .ignored: break
        }
    }

    /// The rows an overlay box has for its lines: `Renderer.drawBox` leaves a row above and
    /// below the box and takes three for its header, blank row and footer.
    var boxRows: Int { max(1, size.rows - 5) }

    /// Routes `action` to the table of contents (`ContentsOverlay.update`) and does what it answers.
    mutating func applyInContents(_ action: Action, contents: ContentsOverlay) {
        var contents = contents
        switch contents.update(action, sectionCount: document.articles[current].sections.count, rows: boxRows) {
        case .moved: overlay = .contents(contents)
        case .jump(let section):
            overlay = nil
            jump(toSection: section)
        case .message(let text): message = text
        case .close: overlay = nil
        case .help: overlay = .help(scroll: 0)
        case .quit: isFinished = true
        case .ignored: break
        }
    }
}
