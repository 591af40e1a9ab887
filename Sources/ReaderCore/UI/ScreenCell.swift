/// One terminal cell: a grapheme cluster and its width, or the right half of a wide one.
public struct ScreenCell: Sendable, Equatable {
    /// One grapheme cluster, or "" for a cell covered by the wide character to its left.
    public var text: String
    /// Columns the text takes (1, 2, or more for a cluster such as 👍🏽); 0 for a covered cell.
    public var width: Int
    public var style: CellStyle

    public init(text: String, width: Int, style: CellStyle) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = ScreenCell(text: " ", width: 1, style: .normal)

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
