import ReaderCore
import Testing

/// The themes' colors read on the background they are meant for; the default (a terminal
/// that does not tell its background) on both black and white.
@Suite struct ThemeTests {
    /// The contrast of a look: its text color on `background` (the terminal's default
    /// one) or on its own background color; nil when it sets no text color.
    static func contrast(_ look: CellLook, on background: ReaderColor) -> Double? {
        guard let foreground = look.foreground else { return nil }
        return XtermPalette.contrast(foreground, look.background ?? background)
    }

    @Test func defaultThemeKeepsThreeToOneOnBlackAndWhite() {
        let theme = Theme(.auto, background: .unknown)
        #expect(theme.kind == .neutral)
        for (style, look) in theme.allLooks {
            for background in [ReaderColor.black, .brightWhite] {
                if let ratio = Self.contrast(look, on: background) {
                    #expect(ratio >= 3, "\(style) on \(background): \(ratio)")
                }
            }
            // A background color comes with a text color of its own.
            if look.background != nil { #expect(look.foreground != nil, "\(style)") }
        }
    }

    @Test func lightAndDarkThemesSuitTheirBackgrounds() {
        for (kind, background) in [(Theme.Kind.light, ReaderColor.brightWhite), (.dark, .black)] {
            for (style, look) in Theme(kind: kind).allLooks {
                if let ratio = Self.contrast(look, on: background) {
                    #expect(ratio >= 3, "\(kind) \(style): \(ratio)")
                }
            }
        }
        #expect(Theme(.auto, background: .light).kind == .light)
        #expect(Theme(.auto, background: .dark).kind == .dark)
        #expect(Theme(.dark, background: .light).kind == .dark)
    }

    @Test func monoUsesNoColorsAndKeepsTheHierarchy() {
        let theme = Theme(.mono, background: .light)
        #expect(theme.allLooks.allSatisfy { $0.look.foreground == nil && $0.look.background == nil })
        #expect(theme.look(.title) == CellLook(bold: true, underline: true))
        #expect(theme.look(.heading) == CellLook(bold: true))
        #expect(theme.look(.normal) == CellLook())
        #expect(theme.look(.selectedUnread) == CellLook(bold: true, reverse: true))
    }

    @Test func configuredColorsApplyOnTop() {
        var colors = Configuration.Colors()
        colors.title = .green
        colors.match = .blue
        colors.heading = .default
        let theme = Theme(.auto, background: .unknown, colors: colors)
        #expect(theme.look(.title).foreground == .green)
        #expect(theme.look(.heading).foreground == nil)
        #expect(theme.look(.match) == CellLook(foreground: .brightWhite, background: .blue, bold: true))
        #expect(Theme(.mono, background: .unknown, colors: colors).look(.title).foreground == nil)
    }

    @Test func xtermPaletteContrast() throws {
        // The figures the rule rests on: red and magenta pass on both, cyan not on white.
        #expect(try #require(XtermPalette.contrast(.red, .black)) >= 3)
        #expect(try #require(XtermPalette.contrast(.red, .brightWhite)) >= 3)
        #expect(try #require(XtermPalette.contrast(.magenta, .black)) >= 3)
        #expect(try #require(XtermPalette.contrast(.magenta, .brightWhite)) >= 3)
        #expect(try #require(XtermPalette.contrast(.cyan, .brightWhite)) < 3)
        #expect(try #require(XtermPalette.contrast(.blue, .black)) < 3)
    }
}
