import CNcurses
import ReaderCore

/// How each `CellStyle` looks: color pairs (on the terminal's default background) or,
/// with --no-color / NO_COLOR or a terminal without colors, attributes only.
struct TerminalStyles {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [CellStyle: Look] = [:]

    init(useColor: Bool) {
        if useColor {
            start_color()
            use_default_colors()
        }
        var next: Int16 = 1
        for style in CellStyle.allCases {
            let spec = TerminalStyles.spec(style)
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
    private static func spec(_ style: CellStyle) -> (
        colors: (foreground: Int16, background: Int16)?, colorAttributes: attr_t, plain: attr_t
    ) {
        let none = reader_a_normal()
        let bold = reader_a_bold()
        let reverse = reader_a_reverse()
        let underline = reader_a_underline()
        let black = Int16(COLOR_BLACK)
        switch style {
        case .normal: return (nil, none, none)
        case .title: return ((Int16(COLOR_CYAN), -1), bold, bold)
        case .heading: return ((Int16(COLOR_YELLOW), -1), bold, bold | underline)
        case .selection: return ((black, Int16(COLOR_CYAN)), none, reverse)
        case .match: return ((black, Int16(COLOR_YELLOW)), none, underline)
        case .currentMatch: return ((Int16(COLOR_WHITE), Int16(COLOR_RED)), bold, reverse | bold)
        case .status: return (nil, reverse, reverse)
        case .unread: return (nil, bold, bold)
        case .dim: return (nil, reader_a_dim(), reader_a_dim())
        case .overlay: return ((Int16(COLOR_WHITE), Int16(COLOR_BLUE)), none, none)
        case .prompt: return (nil, bold, bold)
        case .message: return ((black, Int16(COLOR_YELLOW)), bold, reverse | bold)
        }
    }
}
