/// How headings and paragraphs are marked when an article is laid out.
public struct LayoutStyle: Sendable, Equatable {
    /// Marker before the article title's first line.
    public var titleMarker: String
    /// Marker before a section heading's first line, given its level (3 for `###`).
    public var headingMarker: @Sendable (Int) -> String
    /// Columns of indent on a paragraph's first line.
    public var paragraphIndent: Int
    /// How `paragraphIndent` changes with the paragraph's language (the screen's
    /// `indent` setting); the dump keeps `paragraphIndent` for every paragraph.
    public var indentRule = ParagraphIndent.columns(2)
    /// Half-width punctuation between Chinese characters shown full-width (the screen's
    /// `cjk_punctuation`; see `FullWidthPunctuation`).
    public var fullWidthPunctuation = false

    /// `--dump`: headings keep their `##`/`###` markers.
    public static let dump = LayoutStyle(
        titleMarker: "## ", headingMarker: { String(repeating: "#", count: $0) + " " }, paragraphIndent: 2)
    /// The interactive article view: no markers (the renderer centres the title, and
    /// the title, headings and body differ by their looks, with or without colors).
    public static let screen = screen(indent: .auto)

    /// The article view with the `indent` setting `indent`.
    public static func screen(indent: ParagraphIndent, fullWidthPunctuation: Bool = false) -> LayoutStyle {
        var style = LayoutStyle(titleMarker: "", headingMarker: { _ in "" }, paragraphIndent: 2)
        style.indentRule = indent
        style.fullWidthPunctuation = fullWidthPunctuation
        return style
    }

    /// `text` as this style shows it.
    func shown(_ text: DisplayText) -> DisplayText {
        fullWidthPunctuation ? FullWidthPunctuation.apply(to: text) : text
    }

    /// The first-line indent of a paragraph whose text is `scalars`.
    func indent<S: Sequence<Unicode.Scalar>>(of scalars: S) -> Int {
        switch indentRule {
        case .columns(let count) where count == paragraphIndent: paragraphIndent
        default: indentRule.columns(for: scalars, otherwise: paragraphIndent)
        }
    }

    public static func == (lhs: LayoutStyle, rhs: LayoutStyle) -> Bool {
        lhs.titleMarker == rhs.titleMarker && lhs.paragraphIndent == rhs.paragraphIndent && lhs.indentRule == rhs.indentRule
            && lhs.fullWidthPunctuation == rhs.fullWidthPunctuation
            && lhs.headingMarker(3) == rhs.headingMarker(3)
    }
}
