/// Subscriptions as an OPML 2.0 subscription list: one `outline type="rss"` per feed,
/// grouped under an outline per first tag (what `OPMLReader` reads back as tags).
public enum OPMLWriter {
    public static func opml(_ subscriptions: [Subscription], title: String = "Reader subscriptions") -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">",
            "  <head><title>\(escaped(title))</title></head>", "  <body>",
        ]
        var groups: [String] = []
        var byGroup: [String: [Subscription]] = [:]
        for subscription in subscriptions {
            let group = subscription.tags.first ?? ""
            if byGroup[group] == nil { groups.append(group) }
            byGroup[group, default: []].append(subscription)
        }
        for group in groups {
            let indent = group.isEmpty ? "    " : "      "
            if !group.isEmpty { lines.append("    <outline text=\"\(escaped(group))\">") }
            for subscription in byGroup[group] ?? [] {
                let name = escaped(subscription.name ?? subscription.url)
                lines.append("\(indent)<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escaped(subscription.url))\"/>")
            }
            if !group.isEmpty { lines.append("    </outline>") }
        }
        lines += ["  </body>", "</opml>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` safe in an XML attribute or element.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // XML 1.0 has no C0 controls but tab, line feed and carriage return.
                if scalar.value < 0x20 { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
