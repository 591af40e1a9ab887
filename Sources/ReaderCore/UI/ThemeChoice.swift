/// Which set of colors the reader uses (`theme` in the configuration file).
public enum ThemeChoice: String, Sendable, Equatable, CaseIterable {
    /// Light or dark after the terminal's background colour, where the terminal tells it
    /// (an OSC 11 query at start-up); otherwise colors that read on either background.
    case auto
    case light
    case dark
    /// No colors at all: bold, underline and reverse video only (as with NO_COLOR).
    case mono
}
