extension KeyMap {
    /// The help overlay's text for the screen `context` (issues, list or article), from the
    /// key table in use: that screen's keys, then those of the overlays it can open
    /// (contents and links only from an article) and of the prompt, each part under its
    /// title. The state scrolls through these lines and the renderer draws them.
    public static func helpLines(for context: KeyContext, table: [KeyBinding] = bindings) -> [String] {
        var lines: [String] = []
        for part in [context, .contents, .links, .bookmarks, .prompt]
        where (part != .contents && part != .links) || context == .article {
            let bindings = KeyMap.bindings(in: part, table: table)
            let keysWidth = bindings.map { TextWidth.of($0.label) }.max() ?? 0
            if !lines.isEmpty { lines.append("") }
            lines.append(part.title)
            for binding in bindings {
                lines.append("  " + TextWidth.pad(binding.label, to: keysWidth) + "  " + binding.help)
            }
        }
        return lines
    }
}
