/// A place in an issue: an article and the source offset of the character at the top of
/// the screen (ARCHITECTURE.md, "Invariants": positions are offsets, never rows).
public struct ReadingPosition: Sendable, Hashable {
    public var article: Int
    public var offset: Int

    public init(article: Int, offset: Int) {
        self.article = article
        self.offset = offset
    }

    /// Marks are named by the letters a-z and A-Z.
    public static func isMarkName(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
    }
}
