/// A run of cells of one row that is a link: the terminal adapter writes it as an OSC 8
/// hyperlink where the terminal supports it (ARCHITECTURE.md, "Links"). The parts of a
/// link wrapped over several lines share `url` and `id`, so the terminal treats them as one.
public struct ScreenHyperlink: Sendable, Equatable {
    public var row: Int
    public var columns: Range<Int>
    /// The URL the link opens (from the recognised link, never from an escape in the file).
    public var url: String
    public var id: String

    public init(row: Int, columns: Range<Int>, url: String, id: String) {
        self.row = row
        self.columns = columns
        self.url = url
        self.id = id
    }
}
