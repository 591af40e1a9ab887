/// Finds the line of a setting in the configuration text. The TOML reader gives no
/// line numbers for values, so warnings about a value look its key up here: a scan of
/// the text that knows just enough TOML to get lines right — table headers (`[a.b]`,
/// `[[a]]`), dotted and quoted keys (`colors."title"`, `"a.b"`, escapes), and values
/// that span lines (multi-line strings and arrays), whose inner lines assign nothing.
public struct ConfigurationLines {
    /// Every header and assignment: its 1-based line and the full key path it defines
    /// (the table's path, then the key's).
    private var entries: [(line: Int, path: [String])] = []

    /// The first line the TOML reader (toml++) cannot be given, and why, or nil. It
    /// asserts that a table header starts with a key (`[=`, `[重庆]` and a lone `[` fail),
    /// that a list item does not start with `}` (`[1, }]`), that a number or date is not
    /// followed by a space and a digit unless it is a whole date and time
    /// (`a = 1979-05-27 2`, `a = 1979-05-x 2`) and that no Unicode line
    /// separator (U+0085, U+2028, U+2029) stands in a value outside a string (`h = [`
    /// U+0085) — the last two found by the config fuzz target; they aborted the release
    /// build too — so such a file is refused before it gets there.
    public private(set) var refusal: (line: Int, reason: String)?

    public init(text: String) {
        var table: [String] = []
        var value = ValueScanner()
        // Lines split at the scalar U+000A: split by `Character`, a CRLF is one character
        // that is not "\n", and a file with CRLF line ends was one line to this scan (its
        // `[=` header slipped past the refusal below; found by the config fuzz target).
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line
            // A byte-order mark before the first line (the TOML reader skips it too).
            if index == 0, rest.first == "\u{FEFF}" { rest.removeFirst() }
            // The inner lines of a multi-line string, array or inline table.
            if value.isOpen {
                value.scan(&rest)
                noteRefusal(of: value, line: index + 1)
                continue
            }
            rest.skipWhitespace()
            guard let first = rest.first, first != "#" else { continue }
            if first == "[" {
                let isArray = rest.dropFirst().first == "["
                rest.removeFirst(isArray ? 2 : 1)
                var key = rest
                while let blank = key.first, blank == " " || blank == "\t" { key.removeFirst() }
                if refusal == nil, !(key.first.map { $0 == "]" || $0 == "\"" || $0 == "'" || $0.isBareKey } ?? false) {
                    refusal = (index + 1, "a table header must start with a key (ASCII letters, digits, _ or -, "
                        + "or a quoted key)")
                }
                guard let path = ConfigurationLines.keyPath(&rest, until: "]") else { continue }
                table = path
                entries.append((index + 1, path))
            } else if let path = ConfigurationLines.keyPath(&rest, until: "=") {
                entries.append((index + 1, table + path))
                rest.removeFirst()
                value.scan(&rest)
                noteRefusal(of: value, line: index + 1)
            }
        }
    }

    private mutating func noteRefusal(of value: ValueScanner, line: Int) {
        if refusal == nil, value.hasItemStartingWithBrace { refusal = (line, "a list item cannot start with }") }
        if refusal == nil, value.hasSpacedNumber {
            refusal = (line, "a number or date followed by a space and a digit (a date and time is YYYY-MM-DD HH:MM:SS)")
        }
        if refusal == nil, value.hasLineSeparator {
            refusal = (line, "a line separator (U+0085, U+2028 or U+2029) in a value, outside a string")
        }
    }

    /// The 1-based line of `key` in `section` (nil: the top level): the first header or
    /// assignment that defines it or something inside it; failing that, the line of the
    /// nearest enclosing table that is there; failing that, line 1.
    func line(ofKey key: String, in section: String?) -> Int {
        line(of: (section.map { [$0] } ?? []) + [key])
    }

    /// The 1-based line of the `[section]` header (or of the first key inside it).
    func line(ofSection section: String) -> Int {
        line(of: [section])
    }

    private func line(of path: [String]) -> Int {
        var path = path
        while !path.isEmpty {
            if let entry = entries.first(where: { $0.path.starts(with: path) }) { return entry.line }
            path.removeLast()
        }
        return 1
    }

    /// Reads a key (`a`, `a.b`, `"a.b".'c'`) up to `terminator`, which is left in `rest`;
    /// nil when the line does not hold one.
    private static func keyPath(_ rest: inout Substring.UnicodeScalarView, until terminator: Unicode.Scalar) -> [String]? {
        var path: [String] = []
        while true {
            rest.skipWhitespace()
            guard let first = rest.first else { return nil }
            var part = ""
            if first == "\"" || first == "'" {
                rest.removeFirst()
                guard let text = rest.quoted(by: first) else { return nil }
                part = text
            } else {
                while let scalar = rest.first, scalar.isBareKey {
                    part.unicodeScalars.append(scalar)
                    rest.removeFirst()
                }
                if part.isEmpty { return nil }
            }
            path.append(part)
            rest.skipWhitespace()
            guard let next = rest.first else { return nil }
            if next == terminator { return path }
            guard next == "." else { return nil }
            rest.removeFirst()
        }
    }
}

/// Follows a value across lines: open brackets and braces, and multi-line strings.
private struct ValueScanner {
    /// The open `[` and `{`, innermost last.
    private var open: [Unicode.Scalar] = []
    /// Just after a list's `[` or `,`: an item (or `]`) comes next.
    private var expectsItem = false
    /// Whether a list item started with `}` (see `ConfigurationLines.refusal`).
    private(set) var hasItemStartingWithBrace = false
    /// Whether a number or date was followed by a space and a digit, not as a date and
    /// time (see `ConfigurationLines.refusal`).
    private(set) var hasSpacedNumber = false
    /// Whether the last scalar scanned was part of a bare value (a number, date, word).
    private var inToken = false
    /// Whether U+0085, U+2028 or U+2029 stood outside a string (see `ConfigurationLines.refusal`).
    private(set) var hasLineSeparator = false
    /// The delimiter of the multi-line string the scan is in (`"""` or `'''`), if any.
    private var openString: Unicode.Scalar?

    var isOpen: Bool { !open.isEmpty || openString != nil }

    /// Scans the rest of a line of a value.
    mutating func scan(_ rest: inout Substring.UnicodeScalarView) {
        // A line break ends a bare value: the previous line's last token does not go on
        // here (it did, and `q = 1` then `k =1979-05-27 5` slipped past the spaced-number
        // check; found by the config fuzz target).
        inToken = false
        while !rest.isEmpty {
            if let quote = openString {
                guard rest.skipPast(tripleQuote: quote) else { return }
                openString = nil
                continue
            }
            let scalar = rest.removeFirst()
            let startsToken = !inToken
            inToken = false
            if scalar == " " || scalar == "\t" || scalar == "\r" { continue }
            if scalar == "#" { return }
            if expectsItem, scalar == "}" { hasItemStartingWithBrace = true }
            expectsItem = false
            switch scalar {
            case "\"", "'":
                if rest.starts(with: [scalar, scalar]) {
                    rest.removeFirst(2)
                    openString = scalar
                } else {
                    _ = rest.quoted(by: scalar)
                }
            case "[":
                open.append(scalar)
                expectsItem = true
            case "{": open.append(scalar)
            case "]", "}": _ = open.popLast()
            case ",": expectsItem = open.last == "["
            case "\u{85}", "\u{2028}", "\u{2029}": hasLineSeparator = true
            default:
                inToken = true
                if startsToken, scalar.isDigit || scalar == "+" || scalar == "-",
                    rest.isRestOfTokenThenSpaceAndDigit(first: scalar)
                {
                    hasSpacedNumber = true
                }
            }
        }
    }
}

extension Unicode.Scalar {
    /// A character of a bare TOML key: ASCII letters and digits, `_` and `-`.
    fileprivate var isBareKey: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || isDigit || self == "_" || self == "-"
    }

    fileprivate var isDigit: Bool { ("0"..."9").contains(self) }
}

extension Substring.UnicodeScalarView {
    /// After the first scalar of a bare value: whether the value goes on to a space and a
    /// digit, other than as a whole date and time (`1979-05-27 07:32…`).
    fileprivate func isRestOfTokenThenSpaceAndDigit(first: Unicode.Scalar) -> Bool {
        // What ends a bare value for the TOML reader (`=` and quotes do not: `1=>8-05-27 1`).
        let ends = " \t\r,[]{}#".unicodeScalars
        var token = [first]
        var index = startIndex
        while index != endIndex, !ends.contains(self[index]) {
            token.append(self[index])
            index = self.index(after: index)
        }
        guard index != endIndex, self[index] == " " || self[index] == "\t" else { return false }
        let after = Array(self[index...].drop { $0 == " " || $0 == "\t" }.prefix(3))
        guard after.first?.isDigit == true else { return false }
        let isDate = token.count == 10
            && token.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 ? $0.element == "-" : $0.element.isDigit }
        let isTime = after.count == 3 && after[0].isDigit && after[1].isDigit && after[2] == ":"
        return !(isDate && isTime && self[index] == " ")
    }

    fileprivate mutating func skipWhitespace() {
        while let first, first == " " || first == "\t" || first == "\r" { removeFirst() }
    }

    /// Skips to just after the closing `"""` or `'''` (backslash escapes count in the
    /// first); false when the line ends first.
    fileprivate mutating func skipPast(tripleQuote quote: Unicode.Scalar) -> Bool {
        while let scalar = first {
            removeFirst()
            if scalar == "\\", quote == "\"" {
                if !isEmpty { removeFirst() }
            } else if scalar == quote, starts(with: [quote, quote]) {
                removeFirst(2)
                while first == quote { removeFirst() }  // up to two more quotes belong to the string
                return true
            }
        }
        return false
    }

    /// The rest of a one-line string after its opening `quote`, with a basic string's
    /// escapes decoded; the closing quote is consumed. Nil when the line ends first.
    fileprivate mutating func quoted(by quote: Unicode.Scalar) -> String? {
        var text = String.UnicodeScalarView()
        while let scalar = first {
            removeFirst()
            if scalar == quote { return String(text) }
            guard scalar == "\\", quote == "\"", let escape = first else {
                text.append(scalar)
                continue
            }
            removeFirst()
            switch escape {
            case "b": text.append("\u{8}")
            case "t": text.append("\t")
            case "n": text.append("\n")
            case "f": text.append("\u{C}")
            case "r": text.append("\r")
            case "e": text.append("\u{1B}")
            case "u", "U", "x":
                let count = escape == "u" ? 4 : escape == "U" ? 8 : 2
                let digits = String(String.UnicodeScalarView(prefix(count)))
                removeFirst(Swift.min(count, self.count))
                if let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) { text.append(decoded) }
            default: text.append(escape)
            }
        }
        return nil
    }
}
