import CNcurses
import ReaderCore

/// How each `CellStyle` looks: color pairs (on the terminal's default background) or,
/// with --no-color / NO_COLOR or a terminal without colors, attributes only. Title,
/// heading, match and current match take the configured colors (`Configuration.Colors`).
struct TerminalStyles {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [CellStyle: Look] = [:]

    init(useColor: Bool, colors configured: Configuration.Colors = Configuration.Colors()) {
        if useColor {
            start_color()
            use_default_colors()
        }
        var next: Int16 = 1
        for style in CellStyle.allCases {
            let spec = TerminalStyles.spec(style, configured)
            if useColor, let colors = spec.colors {
                init_pair(next, colors.foreground, colors.background)
                looks[style] = Look(attributes: spec.colorAttributes, pair: next)
                next += 1
            } else {
                looks[style] = Look(attributes: useColor ? spec.colorAttributes : spec.plain, pair: 0)
            }
        }
    }

    func attributes(for style: CellStyle) -> Look {
        looks[style] ?? Look(attributes: reader_a_normal(), pair: 0)
    }

    /// Colors (nil: none) and attributes with colors, and attributes without.
    private static func spec(_ style: CellStyle, _ configured: Configuration.Colors) -> (
        colors: (foreground: Int16, background: Int16)?, colorAttributes: attr_t, plain: attr_t
    ) {
        let none = reader_a_normal()
        let bold = reader_a_bold()
        let reverse = reader_a_reverse()
        let underline = reader_a_underline()
        let black = Int16(COLOR_BLACK)
        switch style {
        case .normal: return (nil, none, none)
        case .title: return (foreground(configured.title), bold, bold)
        case .heading: return (foreground(configured.heading), bold, bold | underline)
        case .selection: return ((black, Int16(COLOR_CYAN)), none, reverse)
        case .match:
            let colors = highlight(configured.match)
            return (colors, colors == nil ? underline : none, underline)
        case .currentMatch:
            let colors = highlight(configured.currentMatch)
            return (colors, colors == nil ? reverse | bold : bold, reverse | bold)
        case .status: return (nil, reverse, reverse)
        case .unread: return (nil, bold, bold)
        case .dim: return (nil, reader_a_dim(), reader_a_dim())
        case .overlay: return ((Int16(COLOR_WHITE), Int16(COLOR_BLUE)), none, none)
        case .prompt: return (nil, bold, bold)
        case .message: return ((black, Int16(COLOR_YELLOW)), bold, reverse | bold)
        }
    }

    /// A configured text color on the default background (nil for `default`: no pair).
    private static func foreground(_ color: ReaderColor) -> (foreground: Int16, background: Int16)? {
        color == .default ? nil : (number(color), -1)
    }

    /// A configured highlight: the color as background, with black or white text,
    /// whichever reads better (nil for `default`: attributes only, the match stays visible).
    private static func highlight(_ color: ReaderColor) -> (foreground: Int16, background: Int16)? {
        guard color != .default else { return nil }
        return (Int16(color.isDark ? COLOR_WHITE : COLOR_BLACK), number(color))
    }

    /// The curses color number; bright colors fall back to the plain ones on terminals
    /// with fewer than 16 colors.
    private static func number(_ color: ReaderColor) -> Int16 {
        let number = color.cursesNumber
        return Int16(number >= 8 && reader_colors() < 16 ? number - 8 : number)
    }
}
