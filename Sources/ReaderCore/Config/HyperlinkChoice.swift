/// Whether links are written as OSC 8 hyperlinks (`hyperlinks = "auto" | true | false`;
/// ARCHITECTURE.md, "Links").
public enum HyperlinkChoice: Sendable, Equatable {
    case auto, on, off

    /// Whether to write hyperlinks on the terminal the environment `environment`
    /// describes. `auto` is conservative: on only for terminals known to show OSC 8 and
    /// to ignore it cleanly, off under GNU screen and under tmux before 3.4 (which drop
    /// or mangle it), and off for everything unknown.
    public func isEnabled(environment: [String: String]) -> Bool {
        switch self {
        case .on: return true
        case .off: return false
        case .auto: return Self.terminalSupportsHyperlinks(environment)
        }
    }

    static func terminalSupportsHyperlinks(_ environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        let program = environment["TERM_PROGRAM"] ?? ""
        if environment["STY"] != nil || term.hasPrefix("screen") && environment["TMUX"] == nil { return false }
        if environment["TMUX"] != nil || term.hasPrefix("tmux") {
            // tmux passes hyperlinks on from 3.4 (it says its version in TERM_PROGRAM_VERSION).
            guard program == "tmux", let version = environment["TERM_PROGRAM_VERSION"] else { return false }
            return Self.version(version, isAtLeast: [3, 4])
        }
        if term == "xterm-kitty" || term.hasPrefix("foot") || term == "xterm-ghostty" || term == "wezterm" { return true }
        if ["WezTerm", "iTerm.app", "ghostty", "vscode"].contains(program) { return true }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
        // GNOME Terminal, Tilix and the other VTE terminals since VTE 0.50.
        if let vte = environment["VTE_VERSION"].flatMap({ Int($0) }), vte >= 5000 { return true }
        return false
    }

    /// Whether a dotted version ("3.4", "3.3a", "next-3.5") is at least `minimum`.
    static func version(_ text: String, isAtLeast minimum: [Int]) -> Bool {
        let digits = text.drop { !$0.isNumber }
        let parts = digits.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        for (index, wanted) in minimum.enumerated() {
            let part = index < parts.count ? parts[index] : 0
            if part != wanted { return part > wanted }
        }
        return true
    }
}
