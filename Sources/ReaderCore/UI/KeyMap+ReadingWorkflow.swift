extension KeyMap {
    /// The keys of copying, marks, bookmarks and progress (ARCHITECTURE.md, "Effects"),
    /// part of `bindings` (so dispatch, hints, help and config overrides read them).
    static let readingWorkflow: [KeyBinding] = [
        KeyBinding(keys: [.character("y")], action: .copyParagraph, contexts: [.article],
                   help: "copy the paragraph"),
        KeyBinding(keys: [.character("Y")], action: .copyArticle, contexts: [.article],
                   help: "copy the whole article"),
        KeyBinding(keys: [.character("m")], action: .setMark, contexts: [.list, .article],
                   help: "set mark (then a letter)", keysLabel: "m a-z"),
        KeyBinding(keys: [.character("'")], action: .jumpToMark, contexts: [.list, .article],
                   help: "go to mark ('' back)", keysLabel: "' a-z"),
    ]
}
