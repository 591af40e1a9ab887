internal import CLibXML2

/// A local HTML page into the issue text: its `<title>` is the name and the
/// title of any text before the first `<h1>`/`<h2>`; see `HTMLConverter` for the rest.
enum HTMLPageConverter {
    static func convert(utf8: [UInt8]) throws(LibXML.Failure) -> ConvertedSource {
        guard let document = LibXML.parseHTML(utf8) else { return ConvertedSource(name: nil, text: []) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return ConvertedSource(name: nil, text: []) }
        var budget = ExpansionBudget(inputBytes: utf8.count)
        var title = ""
        if let head = LibXML.child(root, "head"), let titleElement = LibXML.child(head, "title") {
            title = try HTMLConverter.text(of: titleElement, budget: &budget)
        }
        var writer = CanonicalTextWriter()
        writer.defaultTitle = title.isEmpty ? nil : title
        try HTMLConverter.convert(root, into: &writer, budget: &budget, mode: .page)
        return ConvertedSource(name: title.isEmpty ? nil : title, text: writer.finish())
    }
}
