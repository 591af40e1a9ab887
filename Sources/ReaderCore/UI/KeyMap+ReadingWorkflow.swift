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
        KeyBinding(keys: [.character("*")], action: .toggleBookmark, contexts: [.list, .article],
                   help: "bookmark the article"),
        KeyBinding(keys: [.character("B")], action: .bookmarks, contexts: [.issues, .list, .article],
                   help: "bookmarks of all issues"),

        // Bookmarks overlay
        KeyBinding(keys: [.up, .character("k")], action: .lineUp, contexts: [.bookmarks], help: "previous bookmark"),
        KeyBinding(keys: [.down, .character("j")], action: .lineDown, contexts: [.bookmarks], help: "next bookmark",
                   hint: "move", hintKeys: "j/k"),
        KeyBinding(keys: [.enter, .right, .character("l")], action: .accept, contexts: [.bookmarks],
                   help: "open the bookmark", hint: "open", hintKeys: "⏎"),
        KeyBinding(keys: [.character("*")], action: .toggleBookmark, contexts: [.bookmarks],
                   help: "remove the bookmark"),
        KeyBinding(keys: [.escape, .character("q"), .character("B"), .left, .backspace], action: .close,
                   contexts: [.bookmarks], help: "close", hint: "close", hintKeys: "Esc"),
    ]
}
