/// The four configurable colors (`[colors]`, `Configuration.Colors`), each nil unless the
/// file sets it (then the theme's own is used). Title and heading are text colors; match
/// and current match are the highlight (background) colors of search matches.
public struct ThemeColors: Sendable, Equatable {
    public var title: ReaderColor?
    public var heading: ReaderColor?
    public var match: ReaderColor?
    public var currentMatch: ReaderColor?

    public init() {}
}
