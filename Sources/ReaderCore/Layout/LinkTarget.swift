/// What a link found in the text opens, and which links may be opened at all
/// (ARCHITECTURE.md, "Links"). The link text itself is found by
/// `ChineseTailoring.forEachLink`, the rule that also keeps it whole when wrapping.
public enum LinkTarget {
    /// The only schemes Reader hands to a browser.
    public static let openableSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL a link written as `written` opens: itself when it has a scheme,
    /// `https://` before a bare `www.` name, `mailto:` before an e-mail address.
    public static func url(forWritten written: String) -> String {
        let lowered = written.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("ftp://") {
            return written
        }
        if lowered.hasPrefix("www.") { return "https://" + written }
        return "mailto:" + written
    }

    /// Whether `url` may be opened: an `http`, `https` or `mailto` URL of printable ASCII
    /// without spaces, with something after the scheme. Checked when the link is chosen
    /// and again by the effect runner before anything runs.
    public static func isOpenable(_ url: String) -> Bool {
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
              let colon = url.firstIndex(of: ":")
        else { return false }
        let scheme = url[..<colon].lowercased()
        let rest = url[url.index(after: colon)...]
        guard openableSchemes.contains(scheme) else { return false }
        if scheme == "mailto" { return rest.contains("@") && !rest.hasPrefix("-") }
        return rest.hasPrefix("//") && rest.count > 2
    }

    /// `url` as it may be written inside an OSC 8 escape sequence: every byte outside
    /// printable ASCII (controls, ESC, BEL, spaces, anything non-ASCII) percent-encoded,
    /// so that nothing in it can end the sequence or start another.
    public static func terminalSafe(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF")
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return result
    }
}
