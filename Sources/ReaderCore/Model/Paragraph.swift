/// One paragraph of an article: consecutive non-blank source lines, joined.
public struct Paragraph: Sendable, Equatable {
    /// Byte ranges in the source of the lines that make up the paragraph, in order,
    /// each without its line end and without leading/trailing white space (the
    /// first line's indent is therefore not part of the text).
    public var lines: [Range<Int>]
    /// Indices into `lines` where page-break repair joined a paragraph that the
    /// source had separated by a blank line (empty when nothing was repaired).
    public var repairedJoins: [Int]

    public init(lines: [Range<Int>], repairedJoins: [Int] = []) {
        self.lines = lines
        self.repairedJoins = repairedJoins
    }

    /// The source bytes the paragraph spans, from its first to its last line.
    public var sourceRange: Range<Int> {
        guard let first = lines.first, let last = lines.last else { return 0..<0 }
        return first.lowerBound..<last.upperBound
    }
}
