/// Copying (`y`, `Y`): the text as shown — page-break repair and script conversion
/// applied, without the wrapping — handed to the app as `Effect.copy`.
extension ReaderState {
    /// `y`: the paragraph of the current search match, else the one at the top of the
    /// screen (the first text below a blank top line).
    mutating func copyParagraph() {
        let layout = currentLayout
        let texts = layout.wholeTexts
        var index: Int?
        if let search, search.article == current, let match = search.current, search.matches.indices.contains(match) {
            index = search.matches[match].text
        } else {
            index = layout.lines[topLine...].first { $0.text >= 0 }?.text
        }
        guard let index, texts.indices.contains(index) else {
            message = "nothing to copy"
            return
        }
        let kind = layout.lines.first { $0.text == index }?.kind
        let what = kind == .title ? "title" : kind == .heading ? "heading" : "paragraph"
        emit(.copy(text: texts[index].string, what: what))
    }

    /// `Y`: the title and every heading and paragraph, one per line with a blank line
    /// between them (as `--dump` separates them), unwrapped: the article as `s` saves it
    /// as text (`ArticleExport`).
    mutating func copyArticle() {
        emit(.copy(text: exportedText(.text), what: "article"))
    }

    /// The status line after a copy: "copied paragraph (123 characters)".
    public static func copiedMessage(_ what: String, text: String) -> String {
        let count = text.count
        return "copied \(what) (\(count) character\(count == 1 ? "" : "s"))"
    }
}
