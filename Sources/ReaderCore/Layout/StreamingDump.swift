import Dispatch

/// `reader --dump` of a file or a pipe, laid out piece by piece (`ArticlePieces`) as it
/// is read: each piece's articles are laid out on all cores (`DocumentDump`) while the
/// next piece is read on another thread. The output is exactly `DocumentDump`'s for the
/// whole issue — its articles are the pieces' articles, in order, one blank line apart.
public enum StreamingDump {
    /// What a piece reader hands over: a piece, the end of the input, or a failed read.
    private typealias Piece = Result<SourceBytes?, ArticlePieces.ReadFailure>

    /// Reads `pieces` to the end and writes the dump of every article to `write`.
    /// `firstPiece` is the piece the caller already read (to check it is text).
    /// Throws the first read failure (what was laid out before it is written).
    ///
    /// Whether page-break repair is allowed is decided once, for the whole input
    /// (`ArticlePieces.allowsRepair(startingWith:)`, as `--list` decides it): every piece
    /// is laid out with that decision.
    /// With `conversion`, the text is written converted (`Document.conversion`); with
    /// `links`, each article's links follow it as footnotes (`--links`).
    public static func write(
        _ pieces: ArticlePieces, firstPiece: SourceBytes?, name: String, repair: Bool, width: Int,
        ambiguousWide: Bool = false, lineBreak: LineBreakStrictness = .normal, conversion: ScriptConversion? = nil,
        links: Bool = false, to write: ([UInt8]) -> Void
    ) throws(ArticlePieces.ReadFailure) {
        var pieces = pieces
        let allowsRepair = try pieces.allowsRepair(startingWith: firstPiece)
        let reader = PieceReader(pieces)
        var current: Piece = .success(firstPiece)
        var wroteArticle = false
        while case .success(let piece?) = current {
            reader.start()
            let parsed = Document(bytes: piece, name: name, repair: repair, allowsRepair: allowsRepair)
            let document = conversion.map { parsed.withConversion($0) } ?? parsed
            if !document.articles.isEmpty {
                if wroteArticle { write([0x0A]) }
                DocumentDump.writeBytes(
                    document, width: width, ambiguousWide: ambiguousWide, lineBreak: lineBreak, links: links, to: write)
                wroteArticle = true
            }
            current = reader.wait()
        }
        if case .failure(let failure) = current { throw failure }
    }

    /// Reads the next piece on another thread while the caller lays out the current one.
    private final class PieceReader: @unchecked Sendable {
        // Only one read runs at a time, and `wait` follows each `start`: the group's
        // wait orders the reading thread's writes before the caller's reads.
        private var pieces: ArticlePieces
        private var result: Piece = .success(nil)
        private let done = DispatchGroup()

        init(_ pieces: ArticlePieces) {
            self.pieces = pieces
        }

        func start() {
            done.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                do throws(ArticlePieces.ReadFailure) {
                    self.result = .success(try self.pieces.next())
                } catch {
                    self.result = .failure(error)
                }
                self.done.leave()
            }
        }

        func wait() -> Piece {
            done.wait()
            return result
        }
    }
}
