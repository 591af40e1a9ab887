internal import CLibXML2

/// Walks an HTML (or XHTML) tree parsed by libxml2 into a `CanonicalTextWriter`:
/// headings become articles or sections, blocks paragraphs, list items bullets, table
/// rows cells joined by ` | `, images their alt text, links their text and a footnote;
/// scripts, styles and everything else that is not text are dropped.
struct HTMLConverter {
    /// How headings map: a page's `<h1>`/`<h2>` start articles and `<h3>`/`<h4>` sections;
    /// in a feed item's body (already an article) `<h1>`–`<h4>` all start sections.
    enum Mode { case page, itemBody }

    var writer: CanonicalTextWriter
    var budget: ExpansionBudget
    let mode: Mode

    /// Elements whose content is never text to read.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math",
        "canvas", "video", "audio", "select", "button", "input", "textarea",
    ]
    /// Elements that end the paragraph before and after them.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "address", "figure",
        "figcaption", "pre", "dl", "dt", "dd", "form", "fieldset", "details", "summary", "center", "hr",
        "caption", "h5", "h6", "body", "html", "legend", "ul", "ol", "menu", "table", "thead", "tbody", "tfoot",
    ]

    /// Converts `node` (or only its children) into `writer`, whose text is moved in and
    /// out rather than copied (a copy per feed item made a 24 MB feed take 34 s).
    static func convert(
        _ node: xmlNodePtr, childrenOnly: Bool = false, into writer: inout CanonicalTextWriter,
        budget: inout ExpansionBudget, mode: Mode
    ) throws(LibXML.Failure) {
        var converter = HTMLConverter(writer: CanonicalTextWriter(), budget: budget, mode: mode)
        swap(&converter.writer, &writer)
        defer {
            swap(&converter.writer, &writer)
            budget = converter.budget
        }
        if childrenOnly {
            try converter.convertChildren(of: node)
        } else {
            try converter.convert(node)
        }
        converter.writer.endParagraph()
    }

    /// Converts the children of `node`.
    mutating func convertChildren(of node: xmlNodePtr) throws(LibXML.Failure) {
        var child = node.pointee.children
        while let current = child {
            try convert(current)
            child = current.pointee.next
        }
    }

    mutating func convert(_ node: xmlNodePtr) throws(LibXML.Failure) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                let text = String(cString: content)
                try budget.spend(text.utf8.count)
                writer.appendText(text)
            }
        case XML_ENTITY_REF_NODE:
            // An entity the parser left unexpanded: the reference's child is the entity's
            // declaration (its siblings the DTD's other declarations), whose children are
            // its text, converted within the budget.
            if let declaration = node.pointee.children { try convertChildren(of: declaration) }
        case XML_ELEMENT_NODE:
            try convertElement(node)
        default:
            break
        }
    }

    private mutating func convertElement(_ node: xmlNodePtr) throws(LibXML.Failure) {
        guard let name = LibXML.elementName(node)?.lowercased() else { return }
        if Self.dropped.contains(name) { return }
        switch name {
        case "h1", "h2", "h3", "h4":
            let title = try Self.text(of: node, budget: &budget)
            if mode == .page && (name == "h1" || name == "h2") {
                writer.startArticle(title)
            } else if writer.isInArticle || mode == .itemBody {
                writer.startSection(title)
            } else {
                // A section heading before any article: the article it starts.
                writer.startArticle(title)
            }
        case "br":
            writer.endParagraph()
        case "img":
            let alt = CanonicalTextWriter.collapsed(LibXML.attribute(node, "alt") ?? "")
            if !alt.isEmpty { writer.appendText("[\(alt)]") }
        case "a":
            // The text, then a footnote for the URL unless the text is the URL itself.
            let linkText = try Self.text(of: node, budget: &budget)
            try convertChildren(of: node)
            if let href = LibXML.attribute(node, "href"), Self.isShownLink(href), !linkText.isEmpty,
               linkText != CanonicalTextWriter.collapsed(href) {
                writer.appendLink(href)
            }
        case "li":
            writer.endParagraph()
            let isOrdered = node.pointee.parent.flatMap(LibXML.elementName)?.lowercased() == "ol"
            writer.nextParagraphPrefix = isOrdered ? "\(Self.itemNumber(node)). " : "• "
            try convertChildren(of: node)
            writer.endParagraph()
            writer.nextParagraphPrefix = ""
        case "blockquote":
            writer.endParagraph()
            let outer = writer.paragraphPrefix
            writer.paragraphPrefix += "> "
            try convertChildren(of: node)
            writer.endParagraph()
            writer.paragraphPrefix = outer
        case "pre":
            writer.endParagraph()
            let outer = writer.isPreformatted
            writer.isPreformatted = true
            try convertChildren(of: node)
            writer.endParagraph()
            writer.isPreformatted = outer
        case "tr":
            writer.endParagraph()
            var first = true
            for cell in LibXML.children(node) {
                if !first { writer.appendText(" | ") }
                first = false
                try convertChildren(of: cell)
            }
            writer.endParagraph()
        default:
            let isBlock = Self.blocks.contains(name)
            if isBlock { writer.endParagraph() }
            try convertChildren(of: node)
            if isBlock { writer.endParagraph() }
        }
    }

    /// A link worth a footnote: not an anchor in the page, not a script.
    static func isShownLink(_ href: String) -> Bool {
        let trimmed = CanonicalTextWriter.collapsed(href).lowercased()
        return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("javascript:")
    }

    /// The number of an `<ol>`'s item: its place among the list's items.
    static func itemNumber(_ node: xmlNodePtr) -> Int {
        var number = 1
        var sibling = node.pointee.prev
        while let current = sibling {
            if LibXML.elementName(current)?.lowercased() == "li" { number += 1 }
            sibling = current.pointee.prev
        }
        return number
    }

    /// The text of `node` (a heading, a title): its text and image alt texts, white space collapsed.
    static func text(of node: xmlNodePtr, budget: inout ExpansionBudget) throws(LibXML.Failure) -> String {
        var inner = HTMLConverter(writer: CanonicalTextWriter(), budget: budget, mode: .itemBody)
        try inner.convertInline(node)
        budget = inner.budget
        return inner.writer.pendingText
    }

    /// Text and alt texts only (no blocks, no links), for `text(of:)`.
    private mutating func convertInline(_ node: xmlNodePtr) throws(LibXML.Failure) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                try convert(current)
            case XML_ENTITY_REF_NODE:
                if let declaration = current.pointee.children { try convertInline(declaration) }
            case XML_ELEMENT_NODE:
                let name = LibXML.elementName(current)?.lowercased() ?? ""
                if name == "img" {
                    try convert(current)
                } else if name == "br" || Self.blocks.contains(name) {
                    writer.appendText(" ")
                    try convertInline(current)
                    writer.appendText(" ")
                } else if !Self.dropped.contains(name) {
                    try convertInline(current)
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }
}
