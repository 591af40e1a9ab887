/// The settings of the optional configuration file (`$XDG_CONFIG_HOME/reader/config.toml`).
/// A plain value: reading the file is the executable's job (`ConfigurationParser` in
/// ReaderConfig), and command-line flags are applied on top of it there.
public struct Configuration: Sendable, Equatable {
    /// The four configurable colors. Title and heading are text colors; match and
    /// current match are the highlight (background) colors of search matches.
    public struct Colors: Sendable, Equatable {
        public var title: ReaderColor = .cyan
        public var heading: ReaderColor = .yellow
        public var match: ReaderColor = .yellow
        public var currentMatch: ReaderColor = .red

        public init() {}
    }

    public var colors = Colors()
    /// East Asian ambiguous characters take two columns (like `--ambiguous-wide`).
    public var ambiguousWide = false
    /// How strictly Chinese and Japanese text is broken (`line_break`, like `--line-break`).
    public var lineBreak = LineBreakStrictness.normal
    /// Page-break repair when an issue is opened (`--raw` turns it off).
    public var repair = true
    /// The conversion between Chinese scripts the text is shown in (like `--convert`);
    /// nil for none (then `c` converts to the other script).
    public var conversion: ScriptConversionName?
    /// Per action, the keys that replace its default keys (see `KeyMap.bindings(overriding:)`).
    public var keyOverrides: [Action: [Key]] = [:]

    public init() {}

    /// The built-in settings (what is used without a file).
    public static let defaults = Configuration()

    /// The key table with this configuration's overrides applied.
    public var bindings: [KeyBinding] { KeyMap.bindings(overriding: keyOverrides) }
}
