internal import CLibXML2

/// The feeds of an OPML subscription list (OPML 2.0, "subscriptionLists"), read by libxml2
/// with the same hostile-input set-up as feeds (`LibXML`): each `outline` with an
/// `xmlUrl`, its `title` (or `text`), and the titles of the outlines it is nested in as tags.
public enum OPMLReader {
    /// One feed of the list.
    public struct Outline: Sendable, Equatable {
        public let url: String
        public let title: String?
        public let tags: [String]

        public init(url: String, title: String?, tags: [String]) {
            self.url = url
            self.title = title
            self.tags = tags
        }
    }

    /// The feeds of an OPML document, in document order.
    public static func outlines(_ bytes: [UInt8]) throws(SourceConverter.Failure) -> [Outline] {
        let utf8 = CharacterDecoding.utf8(bytes, from: CharacterDecoding.declaredEncoding(bytes, isHTML: false))
        let document: xmlDocPtr
        do {
            document = try LibXML.parseXML(utf8)
        } catch {
            throw SourceConverter.Failure(message: error.message.replacingOccurrences(of: "not a feed", with: "not OPML"))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), LibXML.elementName(root) == "opml",
              let body = LibXML.child(root, "body")
        else { throw SourceConverter.Failure(message: "not OPML (no opml and body elements)") }
        var outlines: [Outline] = []
        collect(body, tags: [], into: &outlines)
        return outlines
    }

    private static func collect(_ node: xmlNodePtr, tags: [String], into outlines: inout [Outline]) {
        for child in LibXML.children(node) where LibXML.elementName(child) == "outline" {
            let title = (LibXML.attribute(child, "title") ?? LibXML.attribute(child, "text")).map(CanonicalTextWriter.collapsed)
            if let url = LibXML.attribute(child, "xmlUrl").map(CanonicalTextWriter.collapsed), !url.isEmpty {
                outlines.append(Outline(url: url, title: title?.isEmpty == false ? title : nil, tags: tags))
            }
            collect(child, tags: tags + (title.map { $0.isEmpty ? [] : [$0] } ?? []), into: &outlines)
        }
    }
}

extension String {
    /// The string with every `target` replaced (Foundation is not imported here).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
