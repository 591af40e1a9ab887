/// Writes the issue text format (`## ` article, `### ` section, paragraphs one line each,
/// a blank line apart) that a converted source becomes, so that ReaderCore parses it like
/// any issue (ARCHITECTURE.md, "Sources").
///
/// Text is added inline and collapsed as HTML does (runs of white space become one space;
/// a line break between two CJK characters becomes nothing). A paragraph whose text would
/// read as a heading (`## x`) is written after one space: the parser takes a heading only
/// from `#` at the very start of a line, and trims the space from the paragraph's text,
/// so the text shown and searched is exactly the source's.
struct CanonicalTextWriter {
    private(set) var bytes: [UInt8] = []
    /// The paragraph being collected (no leading space, no pending space).
    private var paragraph = ""
    /// White space seen after the paragraph's last character: none, a space, or a line break.
    private var pendingSpace: PendingSpace = .none
    /// What starts every paragraph now (`> ` in quotes).
    var paragraphPrefix = ""
    /// What starts the next paragraph only (a list item's bullet).
    var nextParagraphPrefix = ""
    /// Inside `<pre>`: every line break ends a paragraph (a line of code, of a poem).
    var isPreformatted = false
    /// The title of the article that text before any heading goes into (a page's `<title>`).
    var defaultTitle: String?
    /// The URLs of the current article's links, listed at its end as `[n] URL`.
    private var links: [String] = []
    private var hasArticle = false
    /// Where each article started by `startArticle` begins in `bytes`.
    private(set) var articleStarts: [Int] = []

    private enum PendingSpace { case none, space, lineBreak }

    /// Starts an article titled `title` (its white space collapsed), after ending the last one.
    mutating func startArticle(_ title: String) {
        endArticle()
        articleStarts.append(bytes.count)
        bytes += Array("## \(Self.collapsed(title))\n\n".utf8)
        hasArticle = true
    }

    /// Starts a section titled `title` in the current article.
    mutating func startSection(_ title: String) {
        endParagraph()
        bytes += Array("### \(Self.collapsed(title))\n\n".utf8)
    }

    /// The paragraph collected so far (white space collapsed and trimmed).
    var pendingText: String { paragraph }

    /// Whether an article has been started.
    var isInArticle: Bool { hasArticle }

    /// Adds inline text to the current paragraph, its white space collapsed.
    mutating func appendText(_ text: String) {
        for scalar in text.unicodeScalars {
            if Self.isWhiteSpace(scalar) {
                if isPreformatted && scalar == "\n" {
                    endParagraph()
                } else if scalar == "\n" || scalar == "\r" {
                    pendingSpace = .lineBreak
                } else if pendingSpace == .none {
                    pendingSpace = .space
                }
                continue
            }
            if !paragraph.isEmpty {
                switch pendingSpace {
                case .none: break
                case .space: paragraph.append(" ")
                case .lineBreak:
                    // CSS Text: a line break between two CJK characters is removed.
                    if !(Self.isCJK(paragraph.unicodeScalars.last) && Self.isCJK(scalar)) { paragraph.append(" ") }
                }
            }
            pendingSpace = .none
            paragraph.unicodeScalars.append(scalar)
        }
    }

    /// Adds a link's URL: a footnote number `[n]` after its text, the URL at the article's end.
    mutating func appendLink(_ url: String) {
        let url = Self.collapsed(url)
        guard !url.isEmpty else { return }
        let number: Int
        if let known = links.firstIndex(of: url) {
            number = known + 1
        } else {
            links.append(url)
            number = links.count
        }
        paragraph.append("[\(number)]")
        pendingSpace = .none
    }

    /// Ends the current paragraph (nothing when it is empty).
    mutating func endParagraph() {
        pendingSpace = .none
        guard !paragraph.isEmpty else { return }
        writeParagraph(paragraphPrefix + nextParagraphPrefix + paragraph)
        nextParagraphPrefix = ""
        paragraph = ""
    }

    /// Writes `text` as one paragraph of its own (its white space collapsed).
    mutating func paragraph(_ text: String) {
        endParagraph()
        appendText(text)
        endParagraph()
    }

    /// Writes plain text: paragraphs split at blank lines, their line breaks collapsed.
    mutating func plainText(_ text: String) {
        endParagraph()
        var blankRun = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0.unicodeScalars.allSatisfy(Self.isWhiteSpace) }) {
                if !blankRun { endParagraph() }
                blankRun = true
                continue
            }
            blankRun = false
            appendText(String(line) + "\n")
        }
        endParagraph()
    }

    /// Ends the article: its paragraph, then the list of its links.
    mutating func endArticle() {
        endParagraph()
        for (index, url) in links.enumerated() { writeParagraph("[\(index + 1)] \(url)") }
        links = []
    }

    /// The whole text, the last article ended.
    mutating func finish() -> [UInt8] {
        endArticle()
        return bytes
    }

    private mutating func writeParagraph(_ text: String) {
        if !hasArticle {
            // Text before any heading: an article under the default title, or (none)
            // the "(front matter)" article of the parser.
            if let defaultTitle { bytes += Array("## \(Self.collapsed(defaultTitle))\n\n".utf8) }
            hasArticle = true
        }
        if Self.readsAsHeading(text) { bytes.append(0x20) }
        bytes += Array(text.utf8)
        bytes += [0x0A, 0x0A]
    }

    /// Whether a line starting with `text` would be a heading: two or more `#`, then
    /// white space or the end (ReaderCore's `IssueScanner.heading`).
    static func readsAsHeading(_ text: String) -> Bool {
        let hashes = text.utf8.prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes >= 2 else { return false }
        let after = text.utf8.dropFirst(hashes).first
        return after == nil || after == 0x20 || after == 0x09
    }

    /// `text` with its white space runs made one space and trimmed: a title, a URL.
    static func collapsed(_ text: String) -> String {
        var writer = CanonicalTextWriter()
        writer.appendText(text)
        return writer.paragraph
    }

    /// HTML's white space (space, tab, line feed, form feed, carriage return).
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Han, kana, Hangul, CJK punctuation and full-width forms.
    static func isCJK(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFFEF).contains(value) || (0x20000...0x3FFFF).contains(value)
    }
}
