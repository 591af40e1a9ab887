@testable import ReaderCore

/// Search: byte 0 is the query's length in bytes (0…15), then the query (any UTF-8, or
/// not), then the document. Every match of every article lies inside the article's
/// texts, in order, with its first line not after its last.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let query = String(decoding: input.take(Int(input.byte() & 0x0F)), as: UTF8.self)
    let document = Document(source: input.rest(), name: "fuzz")
    for article in document.articles {
        let texts = ArticleSearch.texts(of: article, in: document)
        var previous: SearchMatch?
        for match in ArticleSearch.matches(of: query, in: article, document: document) {
            if match.start > match.last { fatalError("match with start \(match.start) after last \(match.last)") }
            guard texts.indices.contains(match.text) else { fatalError("match in text \(match.text) of \(texts.count)") }
            if let previous, (previous.text, previous.scalars.lowerBound) >= (match.text, match.scalars.lowerBound) {
                fatalError("matches out of order: \(previous) then \(match)")
            }
            previous = match
        }
    }
    return 0
}
