import ReaderCore
import ReaderSources

/// Feeds, HTML pages and Markdown files: turned into issue text as they are read
/// (ARCHITECTURE.md, "Sources"), so that the rest of the reader sees an issue.
extension IssueInput {
    /// `input` made issue text: a feed, page or Markdown file converted (a feed's or
    /// page's title becomes the name), anything else checked to be text as before.
    /// A source that cannot be converted is a one-line failure (exit 65).
    static func prepared(_ input: IssueInput) throws -> IssueInput {
        let format = SourceFormat.detect(name: input.name, start: input.bytes.prefix(1024))
        guard format != .text else { return try checked(input) }
        let raw = input.bytes.bytes(0..<input.bytes.count)
        // Bytes said to be UTF-8 must look like text; a declared legacy encoding (GBK,
        // Big5, UTF-16) is the source's word that it is text.
        if SourceConverter.isUTF8(raw, format: format) { _ = try checked(input) }
        do {
            let converted = try SourceConverter.convert(raw, format: format)
            return IssueInput(
                name: converted.name ?? input.name, bytes: SourceBytes(converted.text),
                absolutePath: input.absolutePath, isConverted: true)
        } catch {
            throw Failure(
                message: "\(SafeText.sanitize(input.name)): \(SafeText.sanitize(error.message))",
                exitCode: exitDataError)
        }
    }

    /// `--dump` of a feed, page or Markdown input: the rest of it read, and converted whole.
    /// Nil when the input is issue text (laid out piece by piece as it is read).
    static func preparedStream(name: String, pieces: inout ArticlePieces, first: SourceBytes) throws -> Stream? {
        guard SourceFormat.detect(name: name, start: first.prefix(1024)) != .text else { return nil }
        var bytes = first.bytes(0..<first.count)
        do {
            while let piece = try pieces.next() { bytes += piece.bytes(0..<piece.count) }
        } catch {
            throw readFailure(error, name: name)
        }
        let input = try prepared(IssueInput(name: name, bytes: SourceBytes(bytes)))
        return Stream(name: input.name, pieces: pieces, firstPiece: input.bytes, isConverted: true)
    }

    /// Whether an input named `name` (its base name) that starts with `start` is issue
    /// text (not a feed, page or Markdown file).
    static func isText(_ name: String, start: [UInt8]) -> Bool {
        SourceFormat.detect(name: name, start: start) == .text
    }
}
