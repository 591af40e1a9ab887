import Dispatch

/// `reader --dump` of a file or a pipe, laid out piece by piece (`ArticlePieces`) as it
/// is read: each piece's articles are laid out on all cores (`DocumentDump`) while the
/// next piece is read on another thread. The output is exactly `DocumentDump`'s for the
/// whole issue — its articles are the pieces' articles, in order, one blank line apart.
public enum StreamingDump {
    /// What a piece reader hands over: a piece, the end of the input, or a failed read.
    private typealias Piece = Result<ArticlePieces.Piece?, ArticlePieces.ReadFailure>

    /// Reads `pieces` to the end and writes the dump of every article to `write`.
    /// `firstPiece` is the piece the caller already read (to check it is text), holding
    /// only the ends of `firstElidedLines` (`ArticlePieces.nextPiece`).
    /// Throws the first read failure (what was laid out before it is written).
    ///
    /// Whether page-break repair is allowed is decided once, for the whole input
    /// (`ArticlePieces.allowsRepair(startingWith:)`, as `--list` decides it): every piece
    /// is laid out with that decision.
    /// With `conversion`, the text is written converted (`Document.conversion`); with
    /// `links`, each article's links follow it as footnotes (`--links`).
    public static func write(
        _ pieces: ArticlePieces, firstPiece: SourceBytes?, firstElidedLines: ElidedLines? = nil, name: String,
        repair: Bool, width: Int,
        ambiguousWide: Bool = false, lineBreak: LineBreakStrictness = .normal, conversion: ScriptConversion? = nil,
        links: Bool = false, to write: ([UInt8]) -> Void
    ) throws(ArticlePieces.ReadFailure) {
        var pieces = pieces
        let allowsRepair = try pieces.allowsRepair(startingWith: firstPiece)
        let reader = PieceReader(pieces)
        var current: Piece = .success(firstPiece.map { ArticlePieces.Piece(bytes: $0, elidedLines: firstElidedLines) })
        var wroteArticle = false
        while case .success(let piece?) = current {
            reader.start()
            let document: Document, elidedLines: ElidedLines?
            do {
                (document, elidedLines) = try parse(
                    piece, name: name, repair: repair, allowsRepair: allowsRepair, conversion: conversion, links: links)
            } catch {
                _ = reader.wait()
                throw error
            }
            if !document.articles.isEmpty {
                if wroteArticle { write([0x0A]) }
                DocumentDump.writeBytes(
                    document, width: width, ambiguousWide: ambiguousWide, lineBreak: lineBreak, links: links,
                    elidedLines: elidedLines, to: write)
                wroteArticle = true
            }
            current = reader.wait()
            if let failure = elidedLines?.readFailure { throw failure }
        }
        if case .failure(let failure) = current { throw failure }
    }

    /// The document of `piece`, and the huge lines it holds only the ends of, when each is
    /// a paragraph of its own that `DumpWriter` reads from the file; otherwise (page-break
    /// repair joined one to another paragraph, or the text is converted or its links
    /// listed) the piece read again whole.
    private static func parse(
        _ piece: ArticlePieces.Piece, name: String, repair: Bool, allowsRepair: Bool, conversion: ScriptConversion?,
        links: Bool
    ) throws(ArticlePieces.ReadFailure) -> (Document, ElidedLines?) {
        var document = Document(bytes: piece.bytes, name: name, repair: repair, allowsRepair: allowsRepair)
        var elidedLines = piece.elidedLines
        if let elided = elidedLines, conversion != nil || links || !eachIsAParagraph(elided, in: document) {
            document = Document(bytes: try elided.wholePiece(), name: name, repair: repair, allowsRepair: allowsRepair)
            elidedLines = nil
        }
        return (conversion.map { document.withConversion($0) } ?? document, elidedLines)
    }

    /// Whether every paragraph of `document` that holds an elided line is that line alone.
    private static func eachIsAParagraph(_ elided: ElidedLines, in document: Document) -> Bool {
        let articles = document.articles
        for index in articles.indices where elided.touches(articles.chunk(of: index)) {
            let article = articles.parse(index)
            for paragraph in article.lead + article.sections.flatMap(\.paragraphs)
            where paragraph.lines.contains(where: elided.touches) && paragraph.lines.count != 1 {
                return false
            }
        }
        return true
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
                    self.result = .success(try self.pieces.nextPiece())
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
