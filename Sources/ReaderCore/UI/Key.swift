/// A key press, independent of the terminal library. The adapter maps what ncurses
/// reports (`get_wch`) to these; `KeyMap` maps them to actions.
public enum Key: Hashable, Sendable {
    /// A typed character (any script; control characters too, e.g. Ctrl-C as U+0003).
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// A function key: F1 is `function(1)`.
    case function(Int)

    /// Ctrl-C as it arrives when the terminal does not turn it into SIGINT.
    public static let controlC = Key.character("\u{3}")

    /// How the key is written in help texts.
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character):
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               (1...26).contains(scalar.value), let letter = Unicode.Scalar(scalar.value + 0x40) {
                "Ctrl-" + String(Character(letter))
            } else {
                String(character)
            }
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .function(let number): "F\(number)"
        }
    }
}
