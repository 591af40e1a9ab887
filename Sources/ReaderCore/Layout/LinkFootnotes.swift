/// `--dump --links`: the links of an article as numbered footnotes after its text
/// (ARCHITECTURE.md, "Links"), found by the same rule as the screen's link list.
enum LinkFootnotes {
    /// The footnotes of `article`: a blank line, then `[1] URL` per link, in reading order;
    /// nothing when the article has no links.
    static func append(
        _ article: Article, in document: Document, ambiguousWide: Bool, lineBreak: LineBreakStrictness,
        to output: inout [UInt8]
    ) {
        // Laid out wide: only the texts are wanted, not the lines.
        let layout = ArticleLayout(
            article: article, in: document, width: 10_000, style: .dump, ambiguousWide: ambiguousWide,
            lineBreak: lineBreak)
        let links = layout.links
        guard !links.isEmpty else { return }
        output.append(0x0A)
        for (index, link) in links.enumerated() {
            output += Array("[\(index + 1)] \(link.url)\n".utf8)
        }
    }
}
