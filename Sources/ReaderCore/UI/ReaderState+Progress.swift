/// Progress: how long an article takes to read, how long is left of it, and Space at its
/// end going on to the next unread article (as newsboat's `n`).
extension ReaderState {
    /// The length of `article`'s text (title included), as reading time counts it.
    public func length(of article: Int) -> TextLength {
        TextLength.of(document.articles[article].range, in: document.source)
    }

    /// Minutes to read `article` at `readingSpeed`.
    public func readingMinutes(of article: Int) -> Int {
        readingSpeed.minutes(length(of: article))
    }

    /// Minutes left in the open article: its text from the top of the screen on.
    public var minutesLeft: Int {
        let range = document.articles[current].range
        let top = min(max(topOffset(of: current), range.lowerBound), range.upperBound)
        return readingSpeed.minutes(TextLength.of(top..<range.upperBound, in: document.source))
    }

    /// Space (or PgDn) at the end of an article: the next unread article after it (then
    /// from the first), or a message when every article is read.
    mutating func openNextUnread() {
        let count = document.articles.count
        let order = Array((current + 1)..<count) + Array(0..<current)
        guard let next = order.first(where: { !readArticles.contains($0) }) else {
            message = "end of article; every article is read"
            return
        }
        open(next, atFirstHit: false)
        message = "next unread: article \(next + 1)"
    }
}
