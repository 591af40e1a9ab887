/// One bookmark as the bookmark list (`B`) shows it: the article's title, its issue's
/// name, the date it was set and where it is. `issue` is the index of an open issue, or
/// nil for an issue of another run (known from the bookmark index only, with its file's
/// `path`, which `B` opens).
public struct BookmarkEntry: Sendable, Hashable {
    public var title: String
    public var issueName: String
    /// Seconds since 1970 (UTC).
    public var date: Int64
    public var position: ReadingPosition
    public var issue: Int?
    /// The issue file's absolute path, for an issue of another run.
    public var path: String?

    public init(
        title: String, issueName: String, date: Int64, position: ReadingPosition, issue: Int? = nil, path: String? = nil
    ) {
        self.title = title
        self.issueName = issueName
        self.date = date
        self.position = position
        self.issue = issue
        self.path = path
    }

    /// `date` as YYYY-MM-DD (UTC), by the proleptic Gregorian calendar (days to civil
    /// date, H. Hinnant's algorithm: pure arithmetic, no clock or time zone).
    public var day: String {
        let days = Int(date >= 0 ? date / 86_400 : (date - 86_399) / 86_400) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
