internal import CLibXML2

/// libxml2, set up for hostile input once: no external entity or DTD is ever loaded
/// (a loader that refuses everything, and XML_PARSE_NONET), errors are never printed
/// (they are read back as one line), and entity references are expanded by the
/// converters within a budget (`ExpansionBudget`), never by the parser. C0 controls are
/// made U+FFFD before parsing (`CharacterDecoding.replacingControls`).
enum LibXML {
    /// A source that cannot be converted: a one-line reason (the input's own words made safe by the caller).
    struct Failure: Error, Equatable {
        let message: String
    }

    private static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }()

    /// The options for feeds: no network, no messages, the declared encoding ignored (the
    /// bytes are UTF-8 already), CDATA as text. Not XML_PARSE_NOENT (substitute entities)
    /// nor XML_PARSE_DTDLOAD: no entity is expanded while parsing, none loaded.
    static let xmlOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// The options for HTML: forgiving (RECOVER), no network, no messages, encoding ignored.
    static let htmlOptions = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Parses UTF-8 XML. A document that is not well-formed is parsed again forgivingly
    /// (XML_PARSE_RECOVER), unless the error is an entity loop or amplification, which is refused.
    static func parseXML(_ source: [UInt8]) throws(Failure) -> xmlDocPtr {
        _ = setUp
        let utf8 = CharacterDecoding.replacingControls(source)
        xmlResetLastError()
        if let document = read(utf8, options: xmlOptions) { return document }
        let error = lastError()
        if error.isEntityProblem { throw Failure(message: "entities refused (\(error.message))") }
        if let document = read(utf8, options: xmlOptions | Int32(XML_PARSE_RECOVER.rawValue)),
           xmlDocGetRootElement(document) != nil {
            return document
        }
        throw Failure(message: "not a feed: \(error.message)")
    }

    private static func read(_ utf8: [UInt8], options: Int32) -> xmlDocPtr? {
        utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap {
                UnsafeRawPointer($0).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), "feed.xml", "UTF-8", options)
                }
            }
        }
    }

    /// Parses UTF-8 HTML forgivingly; nil only when libxml2 gives no document at all.
    static func parseHTML(_ source: [UInt8]) -> htmlDocPtr? {
        _ = setUp
        let utf8 = CharacterDecoding.replacingControls(source)
        guard !utf8.isEmpty else { return nil }
        return utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap {
                UnsafeRawPointer($0).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), "page.html", "UTF-8", htmlOptions)
                }
            }
        }
    }

    /// The last parse error, as one line.
    private static func lastError() -> (message: String, isEntityProblem: Bool) {
        guard let error = xmlGetLastError() else { return ("not well-formed XML", false) }
        let code = Int(error.pointee.code)
        var text = error.pointee.message.map { String(cString: $0) } ?? "error \(code)"
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let entityCodes = [Int(XML_ERR_ENTITY_LOOP.rawValue), Int(XML_ERR_ENTITY_BOUNDARY.rawValue)]
        let isEntity = entityCodes.contains(code) || text.lowercased().contains("entit")
        return ("line \(error.pointee.line): \(text)", isEntity)
    }

    /// An element's local name (lower-cased for HTML), or nil for any other node.
    static func elementName(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    /// The element children of `node`.
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The first element child named `name` (local name, any namespace).
    static func child(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        children(node).first { elementName($0) == name }
    }

    /// The value of the attribute `name` (its text children), or nil.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let propertyName = current.pointee.name, String(cString: propertyName) == name {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            property = current.pointee.next
        }
        return nil
    }
}

/// How much text entity references may still add, so that nested entities (a "billion
/// laughs" feed that the parser let through) cannot grow the output without bound.
struct ExpansionBudget {
    var remaining: Int

    /// A budget of ten times the input and a mebibyte.
    init(inputBytes: Int) {
        remaining = inputBytes * 10 + (1 << 20)
    }

    mutating func spend(_ count: Int) throws(LibXML.Failure) {
        remaining -= count
        if remaining < 0 { throw LibXML.Failure(message: "entity expansion exceeds the limit") }
    }
}
