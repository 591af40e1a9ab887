@testable import ReaderCore

/// Parsing: any bytes give a document whose articles lie in order inside the source,
/// with safe titles and paragraph lines in order inside the source. Byte 0 turns
/// page-break repair off.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let repair = input.byte() & 1 == 0
    let body = input.rest()
    let document = Document(source: body, name: "fuzz", repair: repair)
    var end = 0
    for article in document.articles {
        if article.range.lowerBound < end || article.range.upperBound > body.count {
            fatalError("article \(article.range) out of order or outside 0..<\(body.count)")
        }
        end = article.range.upperBound
        FuzzCheck.safe(article.title, "title")
        for paragraph in article.allParagraphs {
            var lineEnd = 0
            for line in paragraph.lines {
                if line.lowerBound < lineEnd || line.upperBound > body.count {
                    fatalError("paragraph line \(line) out of order or outside 0..<\(body.count)")
                }
                lineEnd = line.upperBound
            }
        }
    }
    return 0
}
