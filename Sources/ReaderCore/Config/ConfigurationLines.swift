/// Finds the line of a setting in the configuration text. The TOML reader gives no
/// line numbers for values, so warnings about a value scan the text for its key.
struct ConfigurationLines {
    /// Per line (0-based): the section it is in (nil before the first header), the
    /// header it opens, or the key it assigns.
    private var entries: [(section: String?, header: String?, key: String?)] = []

    init(text: String) {
        var section: String?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingWhitespace()
            if line.hasPrefix("["), !line.hasPrefix("[["), let close = line.firstIndex(of: "]") {
                let name = ConfigurationLines.unquoted(line[line.index(after: line.startIndex)..<close])
                section = name
                entries.append((section, name, nil))
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                entries.append((section, nil, ConfigurationLines.unquoted(line[..<equals])))
            } else {
                entries.append((section, nil, nil))
            }
        }
    }

    /// The 1-based line of `key` in `section` (nil: the top level). Dotted keys
    /// (`colors.title = …`) are found too. When the key is not found: the section's
    /// header line, or line 1.
    func line(ofKey key: String, in section: String?) -> Int {
        let dotted = section.map { "\($0).\(key)" }
        if let index = entries.indices.first(where: {
            entries[$0].header == nil
                && ((entries[$0].section == section && entries[$0].key == key)
                    || (entries[$0].section == nil && dotted != nil && entries[$0].key == dotted))
        }) {
            return index + 1
        }
        if let section { return line(ofSection: section) }
        return 1
    }

    /// The 1-based line of the `[section]` header (line 1 when there is none).
    func line(ofSection section: String) -> Int {
        if let index = entries.firstIndex(where: { $0.header == section }) { return index + 1 }
        if let index = entries.firstIndex(where: { $0.section == nil && $0.key?.hasPrefix(section + ".") == true }) {
            return index + 1
        }
        return 1
    }

    /// `"a b"` → `a b`; dotted parts lose their spaces (`colors . title` → `colors.title`).
    private static func unquoted(_ text: Substring) -> String {
        text.split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            var part = part.trimmingWhitespace()
            if part.count >= 2, let first = part.first, first == "\"" || first == "'", part.last == first {
                part = part.dropFirst().dropLast()
            }
            return String(part)
        }.joined(separator: ".")
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
