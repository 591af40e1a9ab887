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
        switch suffix(of: name) {
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        case "rss", "atom", "rdf": return .xmlFeed
        case "txt": return .text
        default: break
        }
        return sniff(start)
    }

    /// The last of the dot-separated parts of `name`, lowercased, when it has two or more
    /// non-empty parts (`a.TXT` → `txt`; `.txt`, `a.` and `a` have none). An ASCII name
    /// (the usual one; `--search` asks this of every file) is read as bytes; any other
    /// is lowercased whole first (`K`, the Kelvin sign, lowercases to an ASCII `k`).
    static func suffix(of name: String) -> String? {
        let bytes = name.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let parts = name.lowercased().split(separator: ".")
            return parts.count > 1 ? parts.last.map(String.init) : nil
        }
        guard let end = bytes.lastIndex(where: { $0 != 0x2E }) else { return nil }
        let head = bytes[...end]
        guard let dot = head.lastIndex(of: 0x2E), head[..<dot].contains(where: { $0 != 0x2E }) else { return nil }
        let lowered = head[head.index(after: dot)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return String(decoding: lowered, as: UTF8.self)
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
