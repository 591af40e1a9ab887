internal import CLibXML2
import FoundationEssentials

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), decoded by FoundationEssentials'
/// JSONDecoder (swift-argument-parser links FoundationEssentials already), into the same
/// issue text as `FeedConverter`'s.
enum JSONFeedConverter {
    struct Feed: Decodable {
        var title: String?
        var items: [Item]?
    }

    struct Item: Decodable {
        /// A string in JSON Feed 1.1; some 1.0 feeds write a number.
        var id: ItemID?
        var title: String?
        var url: String?
        var contentHTML: String?
        var contentText: String?
        var summary: String?
        var datePublished: String?
        /// JSON Feed 1.0's one author; 1.1 has `authors`.
        var author: Author?
        var authors: [Author]?

        enum CodingKeys: String, CodingKey {
            case id, title, url, summary, author, authors
            case contentHTML = "content_html"
            case contentText = "content_text"
            case datePublished = "date_published"
        }
    }

    /// An item's `id`, a string or a number (anything else is no id, not a bad feed).
    struct ItemID: Decodable {
        var text: String

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if let number = try? container.decode(Int64.self) {
                text = String(number)
            } else {
                text = ""
            }
        }
    }

    struct Author: Decodable {
        var name: String?
    }

    static func convert(_ utf8: [UInt8]) throws(LibXML.Failure) -> ConvertedSource {
        let feed: Feed
        do {
            feed = try JSONDecoder().decode(Feed.self, from: Data(utf8))
        } catch {
            throw LibXML.Failure(message: "not a JSON Feed (invalid JSON or a field of the wrong type)")
        }
        var writer = CanonicalTextWriter()
        var budget = ExpansionBudget(inputBytes: utf8.count)
        var identities: [ItemIdentity] = []
        for item in feed.items ?? [] {
            identities.append(ItemIdentity(
                id: item.id?.text ?? "", link: item.url ?? "", title: item.title ?? "", published: item.datePublished ?? ""))
            writer.startArticle(item.title ?? "")
            let authors = (item.authors ?? item.author.map { [$0] } ?? []).compactMap(\.name)
            writer.paragraph(([item.datePublished ?? ""] + authors).filter { !$0.isEmpty }.joined(separator: " · "))
            if let html = item.contentHTML, let document = LibXML.parseHTML(Array(html.utf8)) {
                defer { xmlFreeDoc(document) }
                if let root = xmlDocGetRootElement(document) {
                    try HTMLConverter.convert(root, into: &writer, budget: &budget, mode: .itemBody)
                }
            } else {
                writer.plainText(item.contentText ?? item.summary ?? "")
            }
            writer.paragraph(item.url ?? "")
        }
        let title = feed.title.map(CanonicalTextWriter.collapsed) ?? ""
        let text = writer.finish()
        return ConvertedSource(
            name: title.isEmpty ? nil : title, text: text,
            items: ItemIdentity.items(identities, starts: writer.articleStarts, end: text.count))
    }
}
