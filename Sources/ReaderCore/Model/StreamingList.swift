/// `reader --list` of a file or a pipe: one line per article — its number, title and
/// number of sections, tab-separated — written piece by piece (`ArticlePieces`) as the
/// input is read, so that a pipe or a huge file is listed in bounded memory. Every piece
/// is parsed with the page-break repair decision of the whole input
/// (`ArticlePieces.allowsRepair(startingWith:)`), the one `--dump` lays it out with.
public enum StreamingList {
    /// Reads `pieces` to the end and writes the line of every article to `write`.
    /// `firstPiece` is the piece the caller already read (to check it is text). With
    /// `conversion`, titles are shown converted. Throws the first read failure (the
    /// lines before it are written).
    public static func write(
        _ pieces: ArticlePieces, firstPiece: SourceBytes?, name: String, repair: Bool,
        conversion: ScriptConversion? = nil, to write: (String) -> Void
    ) throws(ArticlePieces.ReadFailure) {
        var number = 0
        try forEachDocument(pieces, firstPiece: firstPiece, name: name, repair: repair, conversion: conversion) {
            for article in $0.articles {
                number += 1
                write("\(number)\t\(article.title)\t\(article.sections.count)\n")
            }
        }
    }

    /// Each piece of the input as the `Document` that is listed.
    static func forEachDocument(
        _ pieces: ArticlePieces, firstPiece: SourceBytes?, name: String, repair: Bool,
        conversion: ScriptConversion?, _ body: (Document) -> Void
    ) throws(ArticlePieces.ReadFailure) {
        var pieces = pieces
        let allowsRepair = try pieces.allowsRepair(startingWith: firstPiece)
        var piece = firstPiece
        while let current = piece {
            let parsed = Document(bytes: current, name: name, repair: repair, allowsRepair: allowsRepair)
            body(conversion.map { parsed.withConversion($0) } ?? parsed)
            piece = try pieces.next()
        }
    }
}
