/// The looks of every `CellStyle`: one of four themes, with the configured colors on top.
///
/// Text colors are chosen for the background: a `light` theme for dark text on a light
/// terminal, `dark` for a dark one, and, when the background is not known, `neutral`
/// colors that keep a contrast of at least 3:1 on both black and white in xterm's default
/// palette (see `XtermPalette`). Highlights set both colors, so they read on any
/// background. `mono` uses attributes only, and keeps the same hierarchy (title, headings,
/// body, selection) without any color.
public struct Theme: Sendable, Equatable {
    /// The themes, once `ThemeChoice.auto` has been settled.
    public enum Kind: Sendable, Equatable, CaseIterable {
        case light, dark, neutral, mono
    }

    /// What the terminal said about its background (OSC 11), if anything.
    public enum Background: Sendable, Equatable {
        case light, dark, unknown
    }

    public let kind: Kind
    private let looks: [CellStyle: CellLook]

    /// The theme for `choice` on a terminal with `background`, with the configured
    /// `colors` (which do not apply to `mono`).
    public init(_ choice: ThemeChoice, background: Background, colors: ThemeColors = ThemeColors()) {
        let kind: Kind
        switch choice {
        case .mono: kind = .mono
        case .light: kind = .light
        case .dark: kind = .dark
        case .auto:
            switch background {
            case .light: kind = .light
            case .dark: kind = .dark
            case .unknown: kind = .neutral
            }
        }
        self.init(kind: kind, colors: colors)
    }

    public init(kind: Kind, colors: ThemeColors = ThemeColors()) {
        self.kind = kind
        var looks: [CellStyle: CellLook] = [:]
        for style in CellStyle.allCases { looks[style] = Theme.look(style, kind) }
        if kind != .mono {
            if let title = colors.title { looks[.title]?.foreground = title == .default ? nil : title }
            if let heading = colors.heading { looks[.heading]?.foreground = heading == .default ? nil : heading }
            if let match = colors.match { looks[.match] = Theme.highlight(match, fallback: CellLook(underline: true)) }
            if let current = colors.currentMatch {
                looks[.currentMatch] = Theme.highlight(current, fallback: CellLook(bold: true, reverse: true))
            }
        }
        self.looks = looks
    }

    public func look(_ style: CellStyle) -> CellLook {
        looks[style] ?? .plain
    }

    /// Every style's look, for the contrast test.
    public var allLooks: [(style: CellStyle, look: CellLook)] {
        CellStyle.allCases.map { ($0, look($0)) }
    }

    /// A configured highlight: the color as background with black or white text,
    /// whichever reads better; `default` keeps the match visible by attributes.
    static func highlight(_ color: ReaderColor, fallback: CellLook) -> CellLook {
        guard color != .default else { return fallback }
        return CellLook(foreground: color.isDark ? .brightWhite : .black, background: color, bold: true)
    }

    /// The built-in look of `style` in theme `kind`.
    static func look(_ style: CellStyle, _ kind: Kind) -> CellLook {
        let mono = kind == .mono
        switch style {
        case .normal: return .plain
        case .title:
            // The title is bold everywhere; without colors it is underlined as well,
            // headings are only bold, and the body is plain.
            switch kind {
            case .light: return CellLook(foreground: .blue, bold: true)
            case .dark: return CellLook(foreground: .brightYellow, bold: true)
            case .neutral: return CellLook(bold: true, underline: true)
            case .mono: return CellLook(bold: true, underline: true)
            }
        case .heading:
            switch kind {
            case .light: return CellLook(foreground: .magenta, bold: true)
            case .dark: return CellLook(foreground: .brightCyan, bold: true)
            case .neutral: return CellLook(foreground: .magenta, bold: true)
            case .mono: return CellLook(bold: true)
            }
        case .selection:
            // Reverse video: the terminal's own two colors, readable on any background (a
            // bold black on a color turns grey in xterm).
            return CellLook(reverse: true)
        case .selectedUnread:
            return CellLook(bold: true, reverse: true)
        case .match:
            return mono ? CellLook(underline: true) : CellLook(foreground: .black, background: .yellow)
        case .currentMatch:
            return mono ? CellLook(bold: true, reverse: true) : CellLook(foreground: .brightWhite, background: .red, bold: true)
        case .status: return CellLook(reverse: true)
        case .unread: return CellLook(bold: true)
        case .dim: return CellLook(dim: true)
        case .overlay: return mono ? .plain : CellLook(foreground: .white, background: .blue)
        case .overlayHeading:
            return mono ? CellLook(bold: true, underline: true) : CellLook(foreground: .brightWhite, background: .blue, bold: true)
        case .prompt: return CellLook(bold: true)
        case .message:
            return mono ? CellLook(bold: true, underline: true) : CellLook(foreground: .brightWhite, background: .red, bold: true)
        }
    }
}
