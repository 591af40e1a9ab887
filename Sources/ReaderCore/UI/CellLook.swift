/// How a `CellStyle` looks on the terminal: colors (nil: the terminal's default) and
/// attributes. The terminal adapter turns it into curses attributes and color pairs.
public struct CellLook: Sendable, Equatable {
    public var foreground: ReaderColor?
    public var background: ReaderColor?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(
        foreground: ReaderColor? = nil, background: ReaderColor? = nil, bold: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    static let plain = CellLook()
}
