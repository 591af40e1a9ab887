/// What kind of source a file is: the issue text format, or one that is converted to it
/// (ARCHITECTURE.md, "Sources"). Found from the file name's extension, then from the
/// first bytes (standard input, or an extension that does not say: `.xml`, `.json`).
public enum SourceFormat: Sendable, Equatable {
    /// The issue text format (`## ` articles, `### ` sections), read as it is.
    case text
    case html
    case markdown
    /// RSS 2.0, RSS 1.0 (RDF) or Atom 1.0.
    case xmlFeed
    /// JSON Feed 1.0/1.1.
    case jsonFeed

    /// The format of the source `name` (a file name, or "stdin") whose bytes start with `start`.
    public static func detect(name: String, start: some Collection<UInt8>) -> SourceFormat {
        let lowered = String(name.lowercased())
        let suffix = lowered.split(separator: ".").count > 1 ? lowered.split(separator: ".").last.map(String.init) : nil
        switch suffix {
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        case "rss", "atom", "rdf": return .xmlFeed
        case "txt": return .text
        default: break
        }
        return sniff(start)
    }

    /// The format that the first bytes show (after a byte order mark and white space):
    /// XML that is a feed, HTML, a JSON Feed; otherwise `.text`.
    static func sniff(_ start: some Collection<UInt8>) -> SourceFormat {
        let prefix = Array(start.prefix(1024))
        let decoded = CharacterDecoding.sniffingText(prefix)
        var text = Substring(decoded.lowercased())
        while let first = text.first, first.isWhitespace || first == "\u{FEFF}" { text = text.dropFirst() }
        if text.hasPrefix("{") {
            return text.contains("\"https://jsonfeed.org/version/1") ? .jsonFeed : .text
        }
        guard text.hasPrefix("<") else { return .text }
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return .html }
        if text.hasPrefix("<rss") || text.hasPrefix("<feed") || text.hasPrefix("<rdf:rdf") { return .xmlFeed }
        if text.hasPrefix("<?xml") {
            // An XML declaration: a feed when a feed's root element follows, else XHTML or other XML.
            if text.contains("<rss") || text.contains("<feed") || text.contains("<rdf:rdf") { return .xmlFeed }
            if text.contains("<html") { return .html }
        }
        return .text
    }
}
