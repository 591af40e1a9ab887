/// Search in the parts of a huge paragraph the view has not laid out (ARCHITECTURE.md,
/// "Huge paragraphs"): the source is decoded piece by piece from an offset on, and the
/// scan stops at the first hit, so a key costs what lies between the view and that hit.
extension ArticleSearch {
    /// Bytes decoded at a time.
    static let sourcePiece = 1 << 20

    /// The source offset of the first (`forward`) or last match of the folded `needle` that
    /// starts in `range` of the one-line paragraph `paragraph` (matches as `find` gives them
    /// in each piece, so a piece's matches are those of the paragraph's text there).
    static func hit(
        of needle: [Unicode.Scalar], startingIn range: Range<Int>, paragraph: Range<Int>, source: SourceBytes,
        forward: Bool
    ) -> Int? {
        guard !needle.isEmpty, !range.isEmpty else { return nil }
        // A match that starts in a piece may end past it: each piece is decoded on that far.
        let overlap = 4 * needle.count + 8
        return source.withUnsafeBufferPointer { bytes -> Int? in
            var piece = forward ? range.lowerBound..<min(range.upperBound, range.lowerBound + sourcePiece)
                : max(range.lowerBound, range.upperBound - sourcePiece)..<range.upperBound
            while !piece.isEmpty {
                let start = WindowedWrap.scalarStart(piece.lowerBound, in: bytes, limit: paragraph.upperBound)
                let end = WindowedWrap.scalarStart(min(paragraph.upperBound, piece.upperBound + overlap), in: bytes,
                                                   limit: paragraph.upperBound)
                let text = DisplayText.joining(lines: CollectionOfOne(start..<end), in: bytes)
                let starts = find(needle, in: text.scalars).lazy.map { text.offsets[$0.lowerBound] }
                    .filter { piece.contains($0) }
                if let found = forward ? starts.first : starts.last { return found }
                piece = forward ? piece.upperBound..<min(range.upperBound, piece.upperBound + sourcePiece)
                    : max(range.lowerBound, piece.lowerBound - sourcePiece)..<piece.lowerBound
            }
            return nil
        }
    }
}
