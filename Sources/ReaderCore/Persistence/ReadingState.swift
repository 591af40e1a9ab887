/// Where the reader was in one issue: the screen, the last article and its top line
/// (a source offset), and which articles are read. Saved per document (see
/// `StateStore`) and restored when the same file, with the same content, is opened again.
///
/// The file format is a few lines of text, one `key value` per line, between a
/// `reader-state 1` header and an `end` line, so a truncated file is recognised as
/// corrupt rather than half-read:
///
///     reader-state 1
///     hash 87085fd43abf9c5f
///     screen article
///     article 3
///     offset 5120
///     read 0 2 3
///     mark a 3 5120
///     bookmark 3 1796601600
///     end
///
/// `mark` lines (one per mark: its letter, article and offset) and `bookmark` lines (one
/// per bookmarked article: the article and the time it was set, seconds since 1970) came
/// later; a file without them loads with none, and an older reader skips them as unknown keys.
public struct ReadingState: Sendable, Equatable {
    /// The screen to come back to.
    public enum Screen: String, Sendable, Equatable {
        case list
        case article
    }

    /// Why a state file could not be decoded (the text of a one-line warning).
    public struct DecodeError: Error, Equatable, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    static let header = "reader-state 1"

    /// FNV-1a of the document's bytes: a state saved for other content is not applied.
    public var contentHash: UInt64
    public var screen: Screen
    /// Index of the last article shown or selected.
    public var article: Int
    /// Source offset of the first character on that article's top line.
    public var offset: Int
    /// Indexes of the articles marked read.
    public var read: Set<Int>
    /// The marks (`m`), by letter (a-z, A-Z).
    public var marks: [Character: ReadingPosition]
    /// The bookmarked articles (`*`) and when each was set (seconds since 1970).
    public var bookmarks: [Int: Int64]

    public init(
        contentHash: UInt64, screen: Screen, article: Int, offset: Int, read: Set<Int>,
        marks: [Character: ReadingPosition] = [:], bookmarks: [Int: Int64] = [:]
    ) {
        self.bookmarks = bookmarks
        self.contentHash = contentHash
        self.screen = screen
        self.article = article
        self.offset = offset
        self.read = read
        self.marks = marks
    }

    /// The file's text.
    public func encoded() -> String {
        var lines = [ReadingState.header]
        lines.append("hash " + FNV1a.hex(contentHash))
        lines.append("screen " + screen.rawValue)
        lines.append("article \(article)")
        lines.append("offset \(offset)")
        lines.append((["read"] + read.sorted().map(String.init)).joined(separator: " "))
        for (letter, mark) in marks.sorted(by: { $0.key < $1.key }) {
            lines.append("mark \(letter) \(mark.article) \(mark.offset)")
        }
        for (article, date) in bookmarks.sorted(by: { $0.key < $1.key }) {
            lines.append("bookmark \(article) \(date)")
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Decodes a state file. Unknown keys are skipped (a newer reader may add some);
    /// a missing header, `end` line or required key, or a bad number, is an error.
    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> ReadingState {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DecodeError(description: "not UTF-8")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == header else { throw DecodeError(description: "not a reader state file") }
        guard lines.last == "end" else { throw DecodeError(description: "incomplete (no end line)") }
        var values: [String: String] = [:]
        var markLines: [String] = []
        var bookmarkLines: [String] = []
        for line in lines.dropFirst().dropLast() {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == "mark" {
                markLines.append(parts.count > 1 ? String(parts[1]) : "")
                continue
            }
            if parts[0] == "bookmark" {
                bookmarkLines.append(parts.count > 1 ? String(parts[1]) : "")
                continue
            }
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        func required(_ key: String) throws(DecodeError) -> String {
            guard let value = values[key] else { throw DecodeError(description: "no \(key)") }
            return value
        }
        func count(_ key: String, _ text: String) throws(DecodeError) -> Int {
            guard let value = Int(text), value >= 0 else { throw DecodeError(description: "bad \(key) '\(text)'") }
            return value
        }
        let hashText = try required("hash")
        guard hashText.utf8.count == 16, let hash = UInt64(hashText, radix: 16) else {
            throw DecodeError(description: "bad hash '\(hashText)'")
        }
        let screenText = try required("screen")
        guard let screen = Screen(rawValue: screenText) else {
            throw DecodeError(description: "bad screen '\(screenText)'")
        }
        let article = try count("article", required("article"))
        let offset = try count("offset", required("offset"))
        var read: Set<Int> = []
        for item in try required("read").split(separator: " ") {
            read.insert(try count("read", String(item)))
        }
        var marks: [Character: ReadingPosition] = [:]
        for text in markLines {
            let fields = text.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, let letter = fields[0].first, fields[0].count == 1,
                  ReadingPosition.isMarkName(letter)
            else { throw DecodeError(description: "bad mark '\(text)'") }
            marks[letter] = ReadingPosition(
                article: try count("mark", String(fields[1])), offset: try count("mark", String(fields[2])))
        }
        var bookmarks: [Int: Int64] = [:]
        for text in bookmarkLines {
            let fields = text.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let date = Int64(fields[1]), date >= 0 else {
                throw DecodeError(description: "bad bookmark '\(text)'")
            }
            bookmarks[try count("bookmark", String(fields[0]))] = date
        }
        return ReadingState(
            contentHash: hash, screen: screen, article: article, offset: offset, read: read, marks: marks,
            bookmarks: bookmarks)
    }
}
