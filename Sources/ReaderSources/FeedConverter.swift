internal import CLibXML2

/// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds, parsed by libxml2, into the issue text:
/// the feed's title is the name, each item an article (`## item title`), its
/// date and author a first short paragraph, its HTML body through `HTMLConverter`, its
/// link last. Elements are matched by local name (`dc:date`, `content:encoded`).
struct FeedConverter {
    private var budget: ExpansionBudget
    /// The identity of each item written, in order (`ConvertedItem`).
    private var identities: [ItemIdentity] = []

    /// Converts a feed's UTF-8 bytes. Throws when it is not XML, or not a feed, or its
    /// entities would expand beyond the budget.
    static func convert(_ utf8: [UInt8]) throws(LibXML.Failure) -> ConvertedSource {
        let document = try LibXML.parseXML(utf8)
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw LibXML.Failure(message: "not a feed (empty)") }
        var converter = FeedConverter(budget: ExpansionBudget(inputBytes: utf8.count))
        return try converter.convert(root: root)
    }

    private mutating func convert(root: xmlNodePtr) throws(LibXML.Failure) -> ConvertedSource {
        var writer = CanonicalTextWriter()
        let title: String
        switch LibXML.elementName(root) {
        case "rss":
            guard let channel = LibXML.child(root, "channel") else { throw LibXML.Failure(message: "RSS without a channel") }
            title = try text(LibXML.child(channel, "title"))
            for item in LibXML.children(channel) where LibXML.elementName(item) == "item" {
                try writeRSSItem(item, to: &writer)
            }
        case "RDF":
            title = try text(LibXML.child(root, "channel").flatMap { LibXML.child($0, "title") })
            for item in LibXML.children(root) where LibXML.elementName(item) == "item" {
                try writeRSSItem(item, to: &writer)
            }
        case "feed":
            title = try atomText(LibXML.child(root, "title"))
            for entry in LibXML.children(root) where LibXML.elementName(entry) == "entry" {
                try writeAtomEntry(entry, to: &writer)
            }
        default:
            throw LibXML.Failure(message: "not a feed (no rss, rdf:RDF or feed element)")
        }
        let text = writer.finish()
        return ConvertedSource(
            name: title.isEmpty ? nil : title, text: text,
            items: ItemIdentity.items(identities, starts: writer.articleStarts, end: text.count))
    }

    private mutating func writeRSSItem(_ item: xmlNodePtr, to writer: inout CanonicalTextWriter) throws(LibXML.Failure) {
        let title = try text(LibXML.child(item, "title"))
        writer.startArticle(title)
        let date = try text(LibXML.child(item, "pubDate") ?? LibXML.child(item, "date"))
        let link = try text(LibXML.child(item, "link"))
        let guid = try text(LibXML.child(item, "guid"))
        identities.append(ItemIdentity(
            id: guid.isEmpty ? LibXML.attribute(item, "about") ?? "" : guid, link: link, title: title, published: date))
        let author = try text(LibXML.child(item, "creator") ?? LibXML.child(item, "author"))
        writer.paragraph([date, author].filter { !$0.isEmpty }.joined(separator: " · "))
        let body = try text(LibXML.child(item, "encoded") ?? LibXML.child(item, "description"))
        try writeHTML(body, to: &writer)
        writer.paragraph(link)
    }

    private mutating func writeAtomEntry(_ entry: xmlNodePtr, to writer: inout CanonicalTextWriter) throws(LibXML.Failure) {
        let title = try atomText(LibXML.child(entry, "title"))
        writer.startArticle(title)
        let date = try text(LibXML.child(entry, "published") ?? LibXML.child(entry, "updated"))
        let authors = try LibXML.children(entry).filter { LibXML.elementName($0) == "author" }
            .map { (author) throws(LibXML.Failure) in try text(LibXML.child(author, "name")) }.filter { !$0.isEmpty }
        writer.paragraph(([date] + authors).filter { !$0.isEmpty }.joined(separator: " · "))
        if let content = LibXML.child(entry, "content") ?? LibXML.child(entry, "summary") {
            switch LibXML.attribute(content, "type") ?? "text" {
            case "html": try writeHTML(try text(content), to: &writer)
            case "xhtml":
                try HTMLConverter.convert(
                    LibXML.child(content, "div") ?? content, childrenOnly: true, into: &writer, budget: &budget,
                    mode: .itemBody)
            default: writer.plainText(try text(content))
            }
        }
        let links = LibXML.children(entry).filter { LibXML.elementName($0) == "link" }
        let alternate = links.first { (LibXML.attribute($0, "rel") ?? "alternate") == "alternate" }
        let link = alternate.flatMap { LibXML.attribute($0, "href") } ?? ""
        identities.append(ItemIdentity(id: try text(LibXML.child(entry, "id")), link: link, title: title, published: date))
        writer.paragraph(link)
    }

    /// An item's HTML body, through the HTML converter.
    private mutating func writeHTML(_ html: String, to writer: inout CanonicalTextWriter) throws(LibXML.Failure) {
        writer.endParagraph()
        guard let document = LibXML.parseHTML(Array(html.utf8)) else { return }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return }
        try HTMLConverter.convert(root, into: &writer, budget: &budget, mode: .itemBody)
    }

    /// The text content of `node` (entities expanded within the budget), or "".
    private mutating func text(_ node: xmlNodePtr?) throws(LibXML.Failure) -> String {
        guard let node else { return "" }
        var result = ""
        try append(node, to: &result)
        return result
    }

    private mutating func append(_ node: xmlNodePtr, to result: inout String) throws(LibXML.Failure) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    try budget.spend(text.utf8.count)
                    result += text
                }
            case XML_ENTITY_REF_NODE:
                // A reference's child is the entity's declaration (whose siblings are the
                // DTD's other declarations), its children the parsed text: expanded here,
                // within the budget.
                if let declaration = current.pointee.children { try append(declaration, to: &result) }
            case XML_ELEMENT_NODE:
                try append(current, to: &result)
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// An Atom text construct (a title): plain, or HTML/XHTML reduced to its text.
    private mutating func atomText(_ node: xmlNodePtr?) throws(LibXML.Failure) -> String {
        guard let node else { return "" }
        let raw = try text(node)
        guard LibXML.attribute(node, "type") == "html", let document = LibXML.parseHTML(Array(raw.utf8)) else {
            return CanonicalTextWriter.collapsed(raw)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return "" }
        return try HTMLConverter.text(of: root, budget: &budget)
    }
}

/// A source turned into the issue text: the text, and the name when the source has one.
public struct ConvertedSource: Sendable, Equatable {
    /// The source's own title (a feed's, a page's `<title>`), or nil (the file name is used).
    public let name: String?
    /// The issue text, UTF-8.
    public let text: [UInt8]
    /// A feed's items, one a `## ` article of `text`, in order (none for pages and Markdown).
    public var items: [ConvertedItem] = []
}

/// One item of a converted feed: what identifies it across fetches, and its article.
public struct ConvertedItem: Sendable, Equatable {
    /// Its `guid` (RSS 2.0), `rdf:about` (RSS 1.0), `id` (Atom, JSON Feed); without one,
    /// its link and title (`link` + line feed + `title`).
    public let key: String
    /// Its date as the feed wrote it ("" when none).
    public let published: String
    /// Its article (`## title` to the next article) in the source's `text`.
    public let textRange: Range<Int>
}

/// What identifies an item, collected while it is written.
struct ItemIdentity {
    let id: String
    let link: String
    let title: String
    let published: String

    var key: String {
        let trimmed = CanonicalTextWriter.collapsed(id)
        return trimmed.isEmpty ? CanonicalTextWriter.collapsed(link) + "\n" + CanonicalTextWriter.collapsed(title) : trimmed
    }

    /// The items of a text whose articles start at `starts` and which ends at `end`.
    static func items(_ identities: [ItemIdentity], starts: [Int], end: Int) -> [ConvertedItem] {
        zip(identities, starts).enumerated().map { index, pair in
            let upper = index + 1 < starts.count ? starts[index + 1] : end
            return ConvertedItem(key: pair.0.key, published: pair.0.published, textRange: pair.1..<upper)
        }
    }
}
