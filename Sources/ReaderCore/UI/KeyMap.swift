/// Where keys are being read: the two screens and the modal layers on top of them.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case issues, list, article, contents, links, help, prompt, bookmarks

    /// The heading of this context's part of the help overlay.
    public var title: String {
        switch self {
        case .issues: "Issue list"
        case .list: "Article list"
        case .article: "Article view"
        case .contents: "Table of contents"
        case .links: "Links"
        case .help: "Help"
        case .prompt: "Prompt (search, save, pipe)"
        case .bookmarks: "Bookmarks"
        }
    }
}

/// One line of the key map: which keys, in which contexts, do what, and how the help
/// overlay and the hint bar describe it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var contexts: Set<KeyContext>
    /// The help overlay's text.
    public var help: String
    /// A short word for the status bar's hints, or nil to leave it out of them.
    public var hint: String?
    /// How the keys are written in the hints (default: the first key's name).
    public var hintKeys: String?
    /// How the keys are written in the help overlay (default: every key's name).
    public var keysLabel: String?

    /// The keys as the help overlay shows them.
    public var label: String {
        keysLabel ?? keys.map(\.displayName).joined(separator: " ")
    }
}

/// The one table of key bindings (ARCHITECTURE.md, "How to add …"): dispatch and the help overlay both
/// read it. In the prompt, a character no binding claims is typed into the query.
public enum KeyMap {
    static let digits: [Key] = (1...9).map { .character(Character(String($0))) }

    public static let bindings: [KeyBinding] = [
        // Issue list (archives)
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.issues], help: "select previous issue",
                   hint: "move", hintKeys: "j/k"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.issues], help: "select next issue"),
        KeyBinding(keys: [.pageUp, .character("b")], action: .pageUp, contexts: [.issues], help: "page up"),
        KeyBinding(keys: [.pageDown, .character(" ")], action: .pageDown, contexts: [.issues], help: "page down"),
        KeyBinding(keys: [.home, .character("g")], action: .top, contexts: [.issues], help: "first issue"),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, contexts: [.issues], help: "last issue"),
        KeyBinding(keys: [.enter, .right, .character("l")], action: .open, contexts: [.issues],
                   help: "open the issue (or the article found)", hint: "open", hintKeys: "⏎"),
        KeyBinding(keys: digits, action: .number(1), contexts: [.issues], help: "open issue N", keysLabel: "1-9"),
        KeyBinding(keys: [.character("/")], action: .search, contexts: [.issues],
                   help: "search all articles of all issues", hint: "search"),
        KeyBinding(keys: [.character("n")], action: .nextMatch, contexts: [.issues], help: "next article with hits"),
        KeyBinding(keys: [.character("N")], action: .previousMatch, contexts: [.issues],
                   help: "previous article with hits"),
        KeyBinding(keys: [.escape, .backspace], action: .back, contexts: [.issues], help: "clear search"),
        KeyBinding(keys: [.character("q")], action: .quit, contexts: [.issues], help: "quit"),

        // Article list
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.list], help: "select previous article",
                   hint: "move", hintKeys: "j/k"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.list], help: "select next article"),
        KeyBinding(keys: [.pageUp, .character("b")], action: .pageUp, contexts: [.list], help: "page up"),
        KeyBinding(keys: [.pageDown, .character(" ")], action: .pageDown, contexts: [.list], help: "page down"),
        KeyBinding(keys: [.home, .character("g")], action: .top, contexts: [.list], help: "first article"),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, contexts: [.list], help: "last article"),
        KeyBinding(keys: [.enter, .right, .character("l")], action: .open, contexts: [.list], help: "open article",
                   hint: "open", hintKeys: "⏎"),
        KeyBinding(keys: digits, action: .number(1), contexts: [.list], help: "open article N", keysLabel: "1-9"),
        KeyBinding(keys: [.character("/")], action: .search, contexts: [.list],
                   help: "search all articles (list shows hits)", hint: "search"),
        KeyBinding(keys: [.character("n")], action: .nextMatch, contexts: [.list], help: "next article with hits"),
        KeyBinding(keys: [.character("N")], action: .previousMatch, contexts: [.list],
                   help: "previous article with hits"),
        KeyBinding(keys: [.character("u")], action: .toggleRead, contexts: [.list], help: "mark read / unread"),
        KeyBinding(keys: [.escape, .backspace], action: .back, contexts: [.list],
                   help: "clear search (archive: back to the issues)"),
        KeyBinding(keys: [.character("q")], action: .leave, contexts: [.list],
                   help: "quit (archive: back to the issues)"),

        // Article view
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.article], help: "scroll up one line"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.article],
                   help: "scroll down one line"),
        KeyBinding(keys: [.pageUp, .character("b")], action: .pageUp, contexts: [.article], help: "page up"),
        KeyBinding(keys: [.pageDown, .character(" ")], action: .pageDown, contexts: [.article], help: "page down"),
        KeyBinding(keys: [.home, .character("g")], action: .top, contexts: [.article], help: "top of article"),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, contexts: [.article], help: "bottom of article"),
        KeyBinding(keys: [.right, .character("l")], action: .nextArticle, contexts: [.article], help: "next article"),
        KeyBinding(keys: [.left, .character("h")], action: .previousArticle, contexts: [.article],
                   help: "previous article"),
        KeyBinding(keys: [.escape, .character("q"), .backspace], action: .back, contexts: [.article],
                   help: "back to the list", hint: "back", hintKeys: "q"),
        KeyBinding(keys: [.character("t"), .tab], action: .tableOfContents, contexts: [.article],
                   help: "table of contents", hint: "sections", hintKeys: "t"),
        KeyBinding(keys: [.character("[")], action: .previousSection, contexts: [.article], help: "previous section"),
        KeyBinding(keys: [.character("]")], action: .nextSection, contexts: [.article], help: "next section"),
        KeyBinding(keys: digits, action: .number(1), contexts: [.article], help: "jump to section N",
                   keysLabel: "1-9"),
        KeyBinding(keys: [.character("/")], action: .search, contexts: [.article], help: "search in article",
                   hint: "search"),
        KeyBinding(keys: [.character("n")], action: .nextMatch, contexts: [.article], help: "next match"),
        KeyBinding(keys: [.character("N")], action: .previousMatch, contexts: [.article], help: "previous match"),
        KeyBinding(keys: [.character("r")], action: .toggleRepair, contexts: [.article],
                   help: "toggle page-break repair"),
        KeyBinding(keys: [.character("u")], action: .toggleRead, contexts: [.article], help: "mark read / unread"),
        KeyBinding(keys: [.character("c")], action: .toggleConversion, contexts: [.issues, .list, .article],
                   help: "Simplified/Traditional"),
        KeyBinding(keys: [.character("R")], action: .reload, contexts: [.issues, .list],
                   help: "fetch the feeds again (feeds only)"),
        KeyBinding(keys: [.character("o")], action: .showLinks, contexts: [.article],
                   help: "links, to open one"),
        KeyBinding(keys: [.character("s")], action: .saveArticle, contexts: [.article],
                   help: "save to a file"),
        KeyBinding(keys: [.character("|")], action: .pipeArticle, contexts: [.article],
                   help: "pipe to a command"),
    ] + readingWorkflow + [

        // Table of contents
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.contents], help: "previous section"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.contents], help: "next section",
                   hint: "move", hintKeys: "j/k"),
        KeyBinding(keys: [.home, .character("g")], action: .top, contexts: [.contents], help: "first section"),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, contexts: [.contents], help: "last section"),
        KeyBinding(keys: [.enter, .right, .character("l")], action: .accept, contexts: [.contents],
                   help: "jump to the section", hint: "jump", hintKeys: "⏎"),
        KeyBinding(keys: digits, action: .number(1), contexts: [.contents], help: "jump to section N",
                   keysLabel: "1-9"),
        KeyBinding(keys: [.escape, .character("q"), .character("t"), .tab, .left, .backspace], action: .close,
                   contexts: [.contents], help: "close", hint: "close", hintKeys: "Esc"),

        // Links
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.links], help: "previous link"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.links], help: "next link",
                   hint: "move", hintKeys: "j/k"),
        KeyBinding(keys: [.home, .character("g")], action: .top, contexts: [.links], help: "first link"),
        KeyBinding(keys: [.end, .character("G")], action: .bottom, contexts: [.links], help: "last link"),
        KeyBinding(keys: [.enter, .right, .character("l")], action: .accept, contexts: [.links],
                   help: "open the link", hint: "open", hintKeys: "⏎"),
        KeyBinding(keys: digits, action: .number(1), contexts: [.links], help: "open link N", keysLabel: "1-9"),
        KeyBinding(keys: [.escape, .character("q"), .character("o"), .left, .backspace], action: .close,
                   contexts: [.links], help: "close", hint: "close", hintKeys: "Esc"),

        // Help overlay
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.help], help: "scroll up"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.help], help: "scroll down"),
        KeyBinding(keys: [.escape, .character("q"), .character("?"), .function(1), .enter, .backspace],
                   action: .close, contexts: [.help], help: "close help", hint: "close", hintKeys: "Esc"),

        // Search prompt
        KeyBinding(keys: [.enter], action: .accept, contexts: [.prompt], help: "accept",
                   hint: "accept", hintKeys: "⏎"),
        KeyBinding(keys: [.escape], action: .cancel, contexts: [.prompt], help: "cancel, back to where you were",
                   hint: "cancel", hintKeys: "Esc"),
        KeyBinding(keys: [.backspace], action: .deleteBackward, contexts: [.prompt], help: "delete a character"),

        // Everywhere
        KeyBinding(keys: [.character("?"), .function(1)], action: .help, contexts: [.issues, .list, .article, .contents, .links],
                   help: "this help", hint: "help", hintKeys: "?"),
        KeyBinding(keys: [.character("Q"), .controlC], action: .quit, contexts: [.issues, .list, .article, .contents, .links, .help, .bookmarks],
                   help: "quit"),
        KeyBinding(keys: [.controlC], action: .quit, contexts: [.prompt], help: "quit"),
    ]

    /// The action `key` stands for in `context`, or nil when it means nothing there.
    /// `table` is the key table in use (the default, or one with configured overrides).
    public static func action(for key: Key, in context: KeyContext, table: [KeyBinding] = bindings) -> Action? {
        for binding in table where binding.contexts.contains(context) && binding.keys.contains(key) {
            if case .number = binding.action, case .character(let character) = key,
               let digit = character.wholeNumberValue {
                return .number(digit)
            }
            return binding.action
        }
        if context == .prompt, case .character(let character) = key, !isControl(character) {
            return .insert(character)
        }
        return nil
    }

    /// The bindings of one context, in table order.
    public static func bindings(in context: KeyContext, table: [KeyBinding] = bindings) -> [KeyBinding] {
        table.filter { $0.contexts.contains(context) }
    }

    /// The status bar's hints for `context`: "j/k move  ⏎ open  / search  ? help".
    public static func hints(in context: KeyContext, table: [KeyBinding] = bindings) -> String {
        hintParts(in: context, table: table).joined(separator: "  ")
    }

    /// The hints one by one: ["j/k move", "⏎ open", …].
    public static func hintParts(in context: KeyContext, table: [KeyBinding] = bindings) -> [String] {
        table.filter { $0.contexts.contains(context) && $0.hint != nil }
            .map { "\($0.hintKeys ?? $0.keys.first?.displayName ?? "") \($0.hint ?? "")" }
    }

    /// The name of the first key bound to `action` in `context` (for a status note such as
    /// `r: raw`), or nil when no key is bound to it.
    static func keyName(for action: Action, in context: KeyContext, table: [KeyBinding] = bindings) -> String? {
        table.first { $0.action == action && $0.contexts.contains(context) }?.keys.first?.displayName
    }

    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
    }
}
