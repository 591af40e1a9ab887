#if canImport(Glibc)
import Glibc
#endif

/// The bookmarks of every issue, for the bookmark list (`B`) of any run: a small file,
/// `bookmarks` in the state directory, beside the reading states (which stay the record of
/// each issue's own bookmarks). The app rewrites the entries of the issues it has open
/// whenever their bookmarks change, keeping the others' (`replacing(issues:with:)`).
///
///     reader-bookmarks 1
///     bookmark 87085fd43abf9c5f 3 5120 1796601600<TAB>/path/issue.txt<TAB>issue.txt<TAB>Title
///     end
///
/// Bounded: at most `maxEntries` entries (the newest) and `sizeLimit` bytes; a line that
/// cannot be read is skipped, so one bad entry loses nothing else.
public struct BookmarkIndex: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        /// The issue file's absolute path and content hash (as its reading state is named).
        public var path: String
        public var contentHash: UInt64
        public var position: ReadingPosition
        /// Seconds since 1970.
        public var date: Int64
        public var issueName: String
        public var title: String

        public init(
            path: String, contentHash: UInt64, position: ReadingPosition, date: Int64, issueName: String, title: String
        ) {
            self.path = path
            self.contentHash = contentHash
            self.position = position
            self.date = date
            self.issueName = issueName
            self.title = title
        }

        /// Which issue it belongs to.
        public var issue: IssueKey { IssueKey(path: path, contentHash: contentHash) }

        /// As the bookmark list shows it.
        public var listEntry: BookmarkEntry {
            BookmarkEntry(title: title, issueName: issueName, date: date, position: position, path: path)
        }
    }

    /// An issue: its file's path and content hash.
    public struct IssueKey: Sendable, Hashable {
        public var path: String
        public var contentHash: UInt64

        public init(path: String, contentHash: UInt64) {
            self.path = path
            self.contentHash = contentHash
        }
    }

    public static let header = "reader-bookmarks 1"
    /// The most entries kept (the newest).
    public static let maxEntries = 1000
    /// Larger files are not read (1,000 entries with long titles take about 400 KB).
    public static let sizeLimit = 1 << 20
    /// Longer titles and names are cut to this many characters when written.
    static let fieldLimit = 200

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The index with the entries of `issues` replaced by `new`, newest first, at most
    /// `maxEntries`.
    public func replacing(issues: Set<IssueKey>, with new: [Entry]) -> BookmarkIndex {
        let kept = entries.filter { !issues.contains($0.issue) } + new
        let sorted = kept.sorted { ($1.date, $0.path, $0.position.article) < ($0.date, $1.path, $1.position.article) }
        return BookmarkIndex(entries: Array(sorted.prefix(BookmarkIndex.maxEntries)))
    }

    /// The file's text.
    public func encoded() -> String {
        var lines = [BookmarkIndex.header]
        for entry in entries.prefix(BookmarkIndex.maxEntries) {
            let fields = [entry.path, entry.issueName, entry.title].map(BookmarkIndex.field)
            lines.append(
                "bookmark \(FNV1a.hex(entry.contentHash)) \(entry.position.article) \(entry.position.offset) \(entry.date)\t"
                    + fields.joined(separator: "\t"))
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A text field on one line: tabs and line ends become spaces, at most `fieldLimit` characters.
    static func field(_ text: String) -> String {
        String(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
            .prefix(fieldLimit))
    }

    /// Reads an index; nil when it is not one (no header or no `end` line). Lines that
    /// cannot be read are skipped.
    public static func decode(_ bytes: [UInt8]) -> BookmarkIndex? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Substring(header), lines.last == "end" else { return nil }
        var entries: [Entry] = []
        for line in lines.dropFirst().dropLast().prefix(maxEntries) {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let numbers = parts[0].split(separator: " ")
            guard parts.count == 4, numbers.count == 5, numbers[0] == "bookmark", numbers[1].utf8.count == 16,
                  let hash = UInt64(numbers[1], radix: 16), let article = Int(numbers[2]), article >= 0,
                  let offset = Int(numbers[3]), offset >= 0, let date = Int64(numbers[4]), date >= 0
            else { continue }
            entries.append(Entry(
                path: String(parts[1]), contentHash: hash, position: ReadingPosition(article: article, offset: offset),
                date: date, issueName: String(parts[2]), title: String(parts[3])))
        }
        return BookmarkIndex(entries: entries)
    }
}

extension StateStore {
    /// The bookmark index of every issue (`BookmarkIndex`).
    public var bookmarkIndexFile: String { directory + "/bookmarks" }

    /// The bookmark index: empty when there is none; a warning when it cannot be read.
    public func loadBookmarkIndex() -> (index: BookmarkIndex, warning: String?) {
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(bookmarkIndexFile, limit: BookmarkIndex.sizeLimit)
        } catch {
            if error.code == ENOENT { return (BookmarkIndex(), nil) }
            return (BookmarkIndex(), "cannot read the bookmarks \(error.description)")
        }
        guard let index = BookmarkIndex.decode(bytes) else {
            return (BookmarkIndex(), "the bookmarks file \(bookmarkIndexFile) is damaged; it will be written anew")
        }
        return (index, nil)
    }

    /// Writes the bookmark index (atomically).
    public func saveBookmarkIndex(_ index: BookmarkIndex) throws(AtomicFile.Failure) {
        try AtomicFile.write(Array(index.encoded().utf8), to: bookmarkIndexFile)
    }
}
