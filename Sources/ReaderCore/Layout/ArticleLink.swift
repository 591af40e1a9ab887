/// A URL or e-mail address in an article's laid-out text (ARCHITECTURE.md, "Links").
public struct ArticleLink: Sendable, Equatable {
    /// Index into `ArticleLayout.texts` of the text holding it.
    public var text: Int
    /// Its scalars in that text.
    public var scalars: Range<Int>
    /// Source byte offset of its first character.
    public var offset: Int
    /// The link as the text writes it.
    public var written: String
    /// What opening it opens (`LinkTarget.url(forWritten:)`).
    public var url: String

    public init(text: Int, scalars: Range<Int>, offset: Int, written: String) {
        self.text = text
        self.scalars = scalars
        self.offset = offset
        self.written = written
        url = LinkTarget.url(forWritten: written)
    }

    /// Whether Reader may open it (`http`, `https`, `mailto`).
    public var isOpenable: Bool { LinkTarget.isOpenable(url) }
}

extension ArticleLayout {
    /// Every link of the article's texts, in reading order, found by the rule that keeps
    /// links whole when wrapping (`ChineseTailoring.forEachLink`).
    public var links: [ArticleLink] {
        var found: [ArticleLink] = []
        for index in texts.indices {
            found += links(inText: index)
        }
        return found
    }

    /// The links of text `index` (of its scalars `window`, widened to the runs of link
    /// characters it cuts, up to `reach` scalars each way).
    public func links(inText index: Int, within window: Range<Int>? = nil, reach: Int = 4096) -> [ArticleLink] {
        let text = texts[index]
        var found: [ArticleLink] = []
        text.scalars.withUnsafeBufferPointer { scalars in
            var lower = window?.lowerBound ?? 0
            var upper = window?.upperBound ?? scalars.count
            let lowest = max(0, lower - reach)
            let highest = min(scalars.count, upper + reach)
            while lower > lowest, ChineseTailoring.isLinkCharacter(scalars[lower - 1].value) { lower -= 1 }
            while upper < highest, ChineseTailoring.isLinkCharacter(scalars[upper].value) { upper += 1 }
            let part = UnsafeBufferPointer(rebasing: scalars[lower..<upper])
            ChineseTailoring.forEachLink(in: part) { inPart in
                let range = (inPart.lowerBound + lower)..<(inPart.upperBound + lower)
                // A control character of the file shows as caret notation (`^[`, two scalars
                // of one source byte, `SafeText`): the link ends before it.
                var end = range.upperBound
                if let control = range.dropLast().first(where: {
                    scalars[$0] == "^" && text.offsets[$0] == text.offsets[$0 + 1]
                }) {
                    end = control
                }
                guard end - range.lowerBound >= 2 else { return }
                let link = range.lowerBound..<end
                found.append(ArticleLink(
                    text: index, scalars: link, offset: text.offsets[link.lowerBound], written: text.string(link)))
            }
        }
        return found
    }

    /// The links shown on layout lines `lines` (whole, though they may go on beyond them),
    /// found without looking at the rest of the article: what a screen costs does not
    /// grow with the article.
    public func links(onLines lines: Range<Int>) -> [ArticleLink] {
        var windows: [(text: Int, scalars: Range<Int>)] = []
        for line in self.lines[lines.clamped(to: self.lines.indices)] where line.text >= 0 {
            if let last = windows.last, last.text == line.text {
                windows[windows.count - 1].scalars = last.scalars.lowerBound..<line.range.upperBound
            } else {
                windows.append((line.text, line.range))
            }
        }
        return windows.flatMap { links(inText: $0.text, within: $0.scalars) }
    }
}
