/// A color the configuration file can name: the eight ANSI colors, their bright
/// variants, and `default` (the terminal's own foreground or background).
public enum ReaderColor: String, Sendable, Hashable, CaseIterable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The name as written in the file: `cyan`, `bright_red`.
    public var name: String {
        switch self {
        case .default: "default"
        case .brightBlack: "bright_black"
        case .brightRed: "bright_red"
        case .brightGreen: "bright_green"
        case .brightYellow: "bright_yellow"
        case .brightBlue: "bright_blue"
        case .brightMagenta: "bright_magenta"
        case .brightCyan: "bright_cyan"
        case .brightWhite: "bright_white"
        default: rawValue
        }
    }

    /// A color from its name, ignoring case; `bright-red` and `brightred` work too.
    public init?(name: String) {
        let folded = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if let color = ReaderColor.allCases.first(where: {
            $0.name == folded || $0.name.filter { $0 != "_" } == folded
        }) {
            self = color
        } else {
            return nil
        }
    }

    /// The curses color number (0…15), or -1 for the terminal's default.
    public var cursesNumber: Int {
        guard let index = ReaderColor.allCases.firstIndex(of: self) else { return -1 }
        return index - 1
    }

    /// Whether white text reads better on this color than black text.
    public var isDark: Bool {
        switch self {
        case .black, .red, .blue, .magenta, .brightBlack: true
        default: false
        }
    }
}
