internal import CCmark

#if canImport(Glibc)
import Glibc
#endif

/// CommonMark, rendered to HTML by cmark-gfm (the reference parser) and read as a page:
/// `#` and `##` headings become articles, `###` and `####` sections. Raw HTML in the
/// Markdown is kept for the HTML converter, which drops scripts and styles.
enum MarkdownConverter {
    static func convert(_ utf8: [UInt8]) throws(LibXML.Failure) -> ConvertedSource {
        let options = CMARK_OPT_UNSAFE
        let rendered: [UInt8] = utf8.withUnsafeBufferPointer { buffer in
            let html = buffer.baseAddress.flatMap {
                UnsafeRawPointer($0).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, options)
                }
            }
            guard let html else { return [] }
            defer { free(html) }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html)))
        }
        let page = try HTMLPageConverter.convert(utf8: rendered)
        return ConvertedSource(name: nil, text: page.text)
    }
}
