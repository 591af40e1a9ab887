/// Getting the open article out: saving it to a file (`s`) and piping it to a command
/// (`|`), both through a `TextPrompt` and carried out as effects (ARCHITECTURE.md, "Effects").
extension ReaderState {
    /// `s`: the save prompt, with a file name made from the title in `saveDirectory`.
    mutating func openSavePrompt() {
        let name = ArticleExport.fileName(forTitle: document.articles[current].title)
        textPrompt = TextPrompt(kind: .save, text: defaultSavePath(name))
    }

    /// `name` in the configured save directory (or as it is: the current directory).
    func defaultSavePath(_ name: String) -> String {
        guard var directory = saveDirectory, !directory.isEmpty else { return name }
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        return directory == "/" ? "/" + name : directory + "/" + name
    }

    /// The open article's text as `format` asks.
    func exportedText(_ format: ArticleExport.Format) -> String {
        ArticleExport.text(of: document.articles[current], layout: currentLayout, format: format)
    }

    mutating func applyInTextPrompt(_ action: Action) {
        guard var prompt = textPrompt else { return }
        if case .overwrite(let path, let text) = prompt.kind {
            textPrompt = nil
            switch action {
            case .insert("y"), .insert("Y"): emit(.saveArticle(path: path, text: text, replacing: true))
            case .quit: isFinished = true
            default: message = "not saved"
            }
            return
        }
        switch action {
        case .insert(let character):
            prompt.text.append(character)
            textPrompt = prompt
        case .deleteBackward:
            if prompt.text.isEmpty {
                textPrompt = nil
            } else {
                prompt.text.removeLast()
                textPrompt = prompt
            }
        case .accept:
            textPrompt = nil
            accept(prompt)
        case .cancel:
            textPrompt = nil
        case .quit:
            isFinished = true
        default:
            break
        }
    }

    /// Enter in the save or pipe prompt: the effect that saves or pipes the article.
    private mutating func accept(_ prompt: TextPrompt) {
        guard !prompt.text.isEmpty else {
            message = prompt.kind == .save ? "not saved" : "nothing run"
            return
        }
        switch prompt.kind {
        case .save:
            let format = ArticleExport.Format(path: prompt.text)
            emit(.saveArticle(path: prompt.text, text: exportedText(format), replacing: false))
        case .pipe:
            emit(.pipeArticle(command: prompt.text, text: exportedText(.text)))
        case .overwrite:
            break
        }
    }

    /// The runner's answer when the file to save to exists: ask before overwriting it.
    mutating func askToOverwrite(path: String, text: String) {
        textPrompt = TextPrompt(kind: .overwrite(path: path, text: text))
    }
}
