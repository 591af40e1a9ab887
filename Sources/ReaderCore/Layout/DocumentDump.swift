/// `reader --dump`: the whole document laid out as plain text (design.md §5).
public enum DocumentDump {
    /// Writes the laid-out document, a chunk at a time, to `write`.
    public static func write(
        _ document: Document, width: Int, ambiguousWide: Bool = false, to write: (String) -> Void
    ) {
        for (index, article) in document.articles.enumerated() {
            let layout = ArticleLayout(
                article: article, in: document, width: width, style: .dump, ambiguousWide: ambiguousWide)
            var chunk = index == 0 ? "" : "\n"
            for line in layout.lines.indices {
                chunk += layout.string(at: line)
                chunk += "\n"
            }
            write(chunk)
        }
    }

    /// The whole dump as one string (for tests and small documents).
    public static func render(_ document: Document, width: Int, ambiguousWide: Bool = false) -> String {
        var output = ""
        write(document, width: width, ambiguousWide: ambiguousWide) { output += $0 }
        return output
    }
}
