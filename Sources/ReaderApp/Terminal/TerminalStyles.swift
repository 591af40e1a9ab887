import CNcurses
import ReaderCore

/// How each `CellStyle` looks in curses: the `Theme`'s looks as attributes and color
/// pairs (on the terminal's default colors where a look names none). Without colors
/// (--no-color, NO_COLOR, `theme = "mono"`, a terminal without colors) the mono theme.
struct TerminalStyles {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [CellStyle: Look] = [:]

    init(theme: Theme) {
        let useColor = theme.kind != .mono
        if useColor {
            start_color()
            use_default_colors()
        }
        var pairs: [String: Int16] = [:]
        for (style, look) in theme.allLooks {
            var attributes = reader_a_normal()
            if look.bold { attributes |= reader_a_bold() }
            if look.underline { attributes |= reader_a_underline() }
            if look.reverse { attributes |= reader_a_reverse() }
            if look.dim { attributes |= reader_a_dim() }
            var pair: Int16 = 0
            if useColor, look.foreground != nil || look.background != nil {
                let foreground = look.foreground.map(TerminalStyles.number) ?? -1
                let background = look.background.map(TerminalStyles.number) ?? -1
                let key = "\(foreground)/\(background)"
                if let known = pairs[key] {
                    pair = known
                } else {
                    pair = Int16(pairs.count + 1)
                    init_pair(pair, foreground, background)
                    pairs[key] = pair
                }
            }
            looks[style] = Look(attributes: attributes, pair: pair)
        }
    }

    func attributes(for style: CellStyle) -> Look {
        looks[style] ?? Look(attributes: reader_a_normal(), pair: 0)
    }

    /// The curses color number; bright colors fall back to the plain ones on terminals
    /// with fewer than 16 colors.
    private static func number(_ color: ReaderColor) -> Int16 {
        let number = color.cursesNumber
        return Int16(number >= 8 && reader_colors() < 16 ? number - 8 : number)
    }
}
