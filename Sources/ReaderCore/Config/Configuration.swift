/// The settings of the optional configuration file (`$XDG_CONFIG_HOME/reader/config.toml`).
/// A plain value: reading the file is the executable's job (`ConfigurationParser` in
/// ReaderConfig), and command-line flags are applied on top of it there.
public struct Configuration: Sendable, Equatable {
    /// The colors of `[colors]`: the theme's own type (Config names UI's types, never the
    /// other way round; ARCHITECTURE.md, "Layers").
    public typealias Colors = ThemeColors

    public var colors = Colors()
    /// The colors' theme (`theme`): auto, light, dark or mono.
    public var theme = ThemeChoice.auto
    /// Columns East Asian ambiguous characters take (`ambiguous_width`, or the older
    /// `ambiguous_wide = true`, like `--ambiguous-width 2`).
    public var ambiguousWidth = AmbiguousWidth.auto
    /// The widest the article text is laid out on screen (`max_width`); the column is
    /// centred on a wider terminal.
    public var maxWidth = 80
    /// Show `, . ; : ? ! ( )` between Chinese characters as their full-width forms
    /// (`cjk_punctuation`; the screen only, never the text itself).
    public var cjkPunctuation = false
    /// The paragraphs' first-line indent on screen (`indent`: "auto" or columns).
    public var indent = ParagraphIndent.auto
    /// How strictly Chinese and Japanese text is broken (`line_break`, like `--line-break`).
    public var lineBreak = LineBreakStrictness.normal
    /// Page-break repair when an issue is opened (`--raw` turns it off).
    public var repair = true
    /// The conversion between Chinese scripts the text is shown in (like `--convert`);
    /// nil for none (then `c` converts to the other script).
    public var conversion: ScriptConversionName?
    /// The program links are opened with, as an argument vector (`browser`); nil for
    /// `$BROWSER`, else `xdg-open` (`BrowserCommand`).
    public var browser: [String]?
    /// Whether links are OSC 8 hyperlinks on the terminal (`hyperlinks`).
    public var hyperlinks = HyperlinkChoice.auto
    /// Where `s` saves an article (`save_dir`); nil for the current directory.
    public var saveDirectory: String?
    /// Per action, the keys that replace its default keys (see `KeyMap.bindings(overriding:)`).
    public var keyOverrides: [Action: [Key]] = [:]

    /// The program `y` and `Y` copy with (`clipboard`: its name and arguments, run without
    /// a shell, the text on its standard input); nil: OSC 52 through the terminal.
    public var clipboard: [String]?
    /// Reading speed for the time left (`reading_speed`): Chinese, Japanese and Korean
    /// characters a minute.
    public var readingSpeed = ReadingSpeed()
    /// How many days a fetched article stays in the feed store after its feed last listed
    /// it (`keep_days`); bookmarked articles stay for ever (ARCHITECTURE.md, "Feeds").
    public var keepDays = Configuration.defaultKeepDays

    /// `keep_days` unless the file says otherwise, and its bounds (a day to a century).
    public static let defaultKeepDays = 90
    public static let keepDaysRange = 1...36_500

    public init() {}

    /// The built-in settings (what is used without a file).
    public static let defaults = Configuration()

    /// The key table with this configuration's overrides applied.
    public var bindings: [KeyBinding] { KeyMap.bindings(overriding: keyOverrides) }
}
