import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Shared test inputs.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<4 {
            if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
        }
        return path
    }()

    static let seedPath = packageRoot + "/seeds/000_87085fd43abf9c5f.txt"

    /// Reads a file of the package as bytes.
    static func bytes(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    static func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

    /// The seed's bytes, read once.
    static let seedBytes = bytes(seedPath)

    /// The seed issue, parsed with page-break repair: a new `Document` each time, so that
    /// tests running at once never share one's search index (a test typing a search
    /// while another builds the shared index would see it "searching…").
    static var seed: Document { Document(source: seedBytes, name: "000_87085fd43abf9c5f.txt") }
}

/// A document's structure as lines, for exact comparison: `## title`, `### title`
/// (with the real level), and `¶ text` per paragraph (joined display text).
func outline(_ document: Document) -> [String] {
    var lines: [String] = []
    for article in document.articles {
        lines.append("## " + article.title)
        for paragraph in article.lead { lines.append("¶ " + document.text(of: paragraph).string) }
        for section in article.sections {
            lines.append(String(repeating: "#", count: section.level) + " " + section.title)
            for paragraph in section.paragraphs { lines.append("¶ " + document.text(of: paragraph).string) }
        }
    }
    return lines
}
