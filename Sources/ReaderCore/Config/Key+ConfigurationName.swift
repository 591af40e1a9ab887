extension Key {
    /// A key from its name in the configuration file: a single character (`x`, `]`,
    /// `Q` — case matters), or a name as `displayName` writes it, in any case: Up, Down,
    /// Left, Right, PgUp, PgDn, Home, End, Enter, Esc, Backspace, Tab, Space, F1…F12,
    /// Ctrl-A…Ctrl-Z (also PageUp, PageDown, Return, Escape, and the arrows ↑↓←→ and ⏎).
    /// Nil for anything else, and for the digits 1–9, which always mean "article /
    /// section N".
    public init?(configurationName name: String) {
        if name.count == 1, let character = name.first {
            switch character {
            case "↑": self = .up
            case "↓": self = .down
            case "←": self = .left
            case "→": self = .right
            case "⏎": self = .enter
            case "1"..."9": return nil
            default:
                guard !KeyMap.isControl(character) else { return nil }
                self = .character(character)
            }
            return
        }
        let folded = name.lowercased()
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "backspace": .backspace, "tab": .tab, "space": .character(" "),
        ]
        if let key = named[folded] {
            self = key
        } else if folded.hasPrefix("f"), let number = Int(folded.dropFirst()), (1...12).contains(number),
                  !folded.dropFirst().hasPrefix("0"), !folded.dropFirst().hasPrefix("+") {
            self = .function(number)
        } else if folded.hasPrefix("ctrl-"), folded.count == 6, let letter = folded.last,
                  let ascii = letter.asciiValue, letter >= "a", letter <= "z" {
            // The terminal reports Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M as Backspace, Tab and Enter.
            switch letter {
            case "h": self = .backspace
            case "i": self = .tab
            case "j", "m": self = .enter
            default: self = .character(Character(Unicode.Scalar(ascii - 0x60)))
            }
        } else {
            return nil
        }
    }
}
