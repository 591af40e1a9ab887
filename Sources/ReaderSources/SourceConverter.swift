/// Turns a feed, HTML or Markdown source into the issue text that ReaderCore parses
/// (ARCHITECTURE.md, "Sources"): its declared encoding decoded to UTF-8, then parsed by
/// libxml2, cmark-gfm or JSONDecoder and written by `CanonicalTextWriter`.
public enum SourceConverter {
    /// Why a source could not be converted, in one line.
    public struct Failure: Error, Equatable {
        public let message: String

        public init(message: String) {
            self.message = message
        }
    }

    /// The issue text of `bytes`, a source of `format` (not `.text`, which needs no converting).
    /// `charset`, the label an HTTP `Content-Type` gave, wins over what the bytes declare
    /// (RFC 7303, 3.2; a byte order mark still wins over both).
    public static func convert(_ bytes: [UInt8], format: SourceFormat, charset: String? = nil) throws(Failure) -> ConvertedSource {
        let encoding = CharacterDecoding.encoding(of: bytes, isHTML: format == .html, charset: charset)
        let utf8 = CharacterDecoding.utf8(bytes, from: encoding)
        do {
            switch format {
            case .text: return ConvertedSource(name: nil, text: utf8)
            case .html: return try HTMLPageConverter.convert(utf8: utf8)
            case .markdown: return try MarkdownConverter.convert(utf8)
            case .xmlFeed: return try FeedConverter.convert(utf8)
            case .jsonFeed: return try JSONFeedConverter.convert(utf8)
            }
        } catch {
            throw Failure(message: error.message)
        }
    }
}

extension SourceConverter {
    /// Whether `bytes` (a source of `format`) are UTF-8 by their declaration (or by default).
    public static func isUTF8(_ bytes: [UInt8], format: SourceFormat) -> Bool {
        CharacterDecoding.declaredEncoding(bytes, isHTML: format == .html) == nil
    }
}
