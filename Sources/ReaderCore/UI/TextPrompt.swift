/// A one-line prompt other than search's, in the status bar: the file name to save the
/// article as, the command to pipe it to, or whether to overwrite a file. Typing, Enter,
/// Esc and Backspace are the search prompt's keys (`KeyContext.prompt`).
public struct TextPrompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `s`: the path to save the open article to.
        case save
        /// `|`: the shell command to pipe the open article to.
        case pipe
        /// The file at `path` exists: `y` overwrites it with `text`, anything else keeps it.
        case overwrite(path: String, text: String)
    }

    public var kind: Kind
    /// What has been typed (the default file name to begin with).
    public var text: String

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    /// What the prompt says before the typed text.
    public var label: String {
        switch kind {
        case .save: "save as: "
        case .pipe: "| "
        // The question first: on a narrow screen the path is what gets cut.
        case .overwrite(let path, _): "exists, overwrite? (y/n) \(path)"
        }
    }
}
