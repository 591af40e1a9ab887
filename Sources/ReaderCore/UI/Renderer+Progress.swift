extension Renderer {
    /// The narrowest screen whose article list shows each article's length and reading time.
    static let readingLabelColumns = 60

    /// An article's length and reading time in the list: "1.2k字 3 min".
    static func readingLabel(_ state: ReaderState, article: Int) -> String {
        let length = state.length(of: article)
        return "\(length.label) \(state.readingSpeed.minutes(length)) min"
    }
}
