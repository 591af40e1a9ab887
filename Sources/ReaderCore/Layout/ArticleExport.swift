/// An article as a file or a program's input (`s` saves it, `|` pipes it; ARCHITECTURE.md,
/// "Effects"): its title, headings and paragraphs as the text shows them (converted when
/// the view is), unwrapped, one blank line apart.
public enum ArticleExport {
    public enum Format: Sendable, Equatable {
        /// Plain text: the title, the headings and the paragraphs as lines of their own.
        case text
        /// Markdown: the title as `# `, sections as `## ` (deeper ones `### `, …).
        case markdown

        /// Markdown for a name ending `.md` or `.markdown` (any case), plain text otherwise.
        public init(path: String) {
            let lowered = path.lowercased()
            self = lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") ? .markdown : .text
        }
    }

    /// The text of `article` in `format`, ending with a newline, from its `layout` (any
    /// width: the texts are taken whole, as shown — repaired, converted — and each line
    /// says what its text is). `Y` copies the `.text` form, `s` and `|` export it.
    public static func text(of article: Article, layout: ArticleLayout, format: Format) -> String {
        let texts = layout.wholeTexts
        var blocks: [String] = []
        var lastText = -1
        for line in layout.lines where line.text >= 0 && line.text != lastText && texts.indices.contains(line.text) {
            lastText = line.text
            let text = texts[line.text].string
            switch (line.kind, format) {
            case (.title, .markdown):
                blocks.append("# " + text)
            case (.heading, .markdown):
                let level = line.section.map { article.sections[$0].level } ?? 3
                blocks.append(String(repeating: "#", count: max(2, level - 1)) + " " + text)
            case (.body, .markdown) where text.hasPrefix("#"):
                blocks.append("\\" + text)  // a paragraph, not a heading
            default:
                blocks.append(text)
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A file name for `title`: its characters but those no file name should hold
    /// (`/`, `\`, controls, `: * ? " < > |`), spaces as `_`, no leading `.` or `-`, at most
    /// 80 characters and 200 bytes, then `suffix`; `article` when nothing is left.
    public static func fileName(forTitle title: String, suffix: String = ".txt") -> String {
        var name = ""
        var bytes = 0
        for character in title {
            var shown = character
            if character.isWhitespace {
                shown = "_"
            } else if "/\\:*?\"<>|".contains(character) || SafeText.sanitize(String(character)) != String(character) {
                shown = "-"
            }
            if name.isEmpty, shown == "." || shown == "-" || shown == "_" { continue }
            if name.hasSuffix("_") && shown == "_" { continue }
            let size = String(shown).utf8.count
            if name.count >= 80 || bytes + size > 200 { break }
            name.append(shown)
            bytes += size
        }
        while name.hasSuffix("_") || name.hasSuffix("-") || name.hasSuffix(".") { name.removeLast() }
        return (name.isEmpty ? "article" : name) + suffix
    }
}
