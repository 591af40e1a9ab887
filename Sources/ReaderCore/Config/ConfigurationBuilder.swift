/// Turns the configuration file's values into a `Configuration`: every setting is
/// checked, a bad one gives a one-line warning ("FILE:LINE: reason") and keeps its
/// default, and the rest of the file still applies.
public enum ConfigurationBuilder {
    /// The configuration from the file's top-level table. `text` is the file's text
    /// (for line numbers) and `fileName` how warnings name it. The warnings are in line
    /// order, without the "reader: " prefix.
    public static func build(
        root: [String: ConfigurationValue], text: String, fileName: String
    ) -> (configuration: Configuration, warnings: [String]) {
        var builder = Run(lines: ConfigurationLines(text: text))
        for (key, value) in root { builder.topLevel(key, value) }
        let warnings = builder.warnings.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map { "\(fileName):\($0.element.line): \(SafeText.sanitize($0.element.reason))" }
        return (builder.configuration, warnings)
    }

    /// The color settings of `[colors]`, by their names in the file.
    static var colorSettings: [(name: String, path: WritableKeyPath<Configuration.Colors, ReaderColor?>)] {
        [("title", \.title), ("heading", \.heading), ("match", \.match), ("current_match", \.currentMatch)]
    }

    /// The default keys of `action` as the help overlay writes them: "q Q Ctrl-C".
    static func defaultKeys(of action: Action) -> String {
        var seen = Set<Key>()
        return KeyMap.bindings.filter { $0.action == action && !$0.contexts.contains(.prompt) }
            .flatMap(\.keys).filter { seen.insert($0).inserted }
            .map(\.displayName).joined(separator: " ")
    }

    /// One pass over a file.
    struct Run {
        let lines: ConfigurationLines
        var configuration = Configuration()
        var warnings: [(line: Int, reason: String)] = []

        init(lines: ConfigurationLines) {
            self.lines = lines
        }

        mutating func warn(_ reason: String, key: String, in section: String? = nil) {
            warnings.append((lines.line(ofKey: key, in: section), reason))
        }

        mutating func topLevel(_ key: String, _ value: ConfigurationValue) {
            switch key {
            case "ambiguous_wide":
                if case .bool(let flag) = value {
                    configuration.ambiguousWidth = flag ? .wide : .narrow
                } else {
                    warn("ambiguous_wide must be true or false, not \(value.typeDescription); using the default (auto)",
                         key: key)
                }
            case "ambiguous_width":
                switch value {
                case .integer(let number) where number == 1 || number == 2:
                    configuration.ambiguousWidth = number == 1 ? .narrow : .wide
                case .string(let name) where AmbiguousWidth(name: name) != nil:
                    configuration.ambiguousWidth = AmbiguousWidth(name: name) ?? .auto
                default:
                    warn("ambiguous_width must be \"auto\", 1 or 2, not \(value.description); using the default (auto)",
                         key: key)
                }
            case "theme":
                if case .string(let name) = value, let theme = ThemeChoice(rawValue: name.lowercased()) {
                    configuration.theme = theme
                } else {
                    warn("theme must be \"auto\", \"light\", \"dark\" or \"mono\", not \(value.description); "
                        + "using the default (auto)", key: key)
                }
            case "max_width":
                if case .integer(let number) = value, (20...10_000).contains(number) {
                    configuration.maxWidth = number
                } else {
                    warn("max_width must be a number of columns from 20 to 10000, not \(value.description); "
                        + "using the default (80)", key: key)
                }
            case "indent":
                switch value {
                case .string(let name) where name.lowercased() == "auto":
                    configuration.indent = .auto
                case .integer(let columns) where (0...8).contains(columns):
                    configuration.indent = .columns(columns)
                default:
                    warn("indent must be \"auto\" or a number of columns from 0 to 8, not \(value.description); "
                        + "using the default (auto)", key: key)
                }
            case "cjk_punctuation":
                if case .bool(let flag) = value {
                    configuration.cjkPunctuation = flag
                } else {
                    warn("cjk_punctuation must be true or false, not \(value.typeDescription); using the default (false)",
                         key: key)
                }
            case "line_break":
                if case .string(let name) = value, let strictness = LineBreakStrictness(rawValue: name) {
                    configuration.lineBreak = strictness
                } else {
                    let given: String
                    if case .string(let name) = value { given = "\"\(name)\"" } else { given = value.typeDescription }
                    warn("line_break must be \"strict\", \"normal\" or \"loose\", not \(given); using the default (\"normal\")",
                         key: key)
                }
            case "repair":
                if case .bool(let flag) = value {
                    configuration.repair = flag
                } else {
                    warn("repair must be true or false, not \(value.typeDescription); using the default (true)", key: key)
                }
            case "convert":
                if case .string(let text) = value, let setting = ScriptConversionName.setting(text) {
                    configuration.conversion = setting
                } else {
                    warn("convert must be one of \(ScriptConversionName.settings) in quotes; using the default (none)",
                         key: key)
                }
            case "browser", "hyperlinks", "save_dir":
                workflow(key, value)
            case "colors":
                if case .table(let entries) = value {
                    for (name, color) in entries { self.color(name, color) }
                } else {
                    warn("colors must be a section ([colors]), not \(value.typeDescription); using the default colors",
                         key: key)
                }
            case "keys":
                if case .table(let entries) = value {
                    for (name, keys) in entries { self.keys(name, keys) }
                } else {
                    warn("keys must be a section ([keys]), not \(value.typeDescription); using the default keys",
                         key: key)
                }
            default:
                if readingWorkflowSetting(key, value) { return }
                if case .table = value {
                    warnings.append((lines.line(ofSection: key), "unknown section [\(key)]; ignored"))
                } else {
                    warn("unknown setting \"\(key)\"; ignored", key: key)
                }
            }
        }

        /// The settings of opening links and saving articles.
        mutating func workflow(_ key: String, _ value: ConfigurationValue) {
            switch (key, value) {
            case ("browser", .array(let items)):
                let words = items.compactMap { item -> String? in
                    if case .string(let word) = item { return word } else { return nil }
                }
                if words.count == items.count, let program = words.first, !program.isEmpty {
                    configuration.browser = words
                } else {
                    warn("browser must be a list of strings, the program first (such as [\"firefox\", \"--new-tab\"]); "
                        + "using $BROWSER or xdg-open", key: key)
                }
            case ("browser", .string(let program)) where !program.isEmpty:
                configuration.browser = [program]
            case ("browser", _):
                warn("browser must be a list of strings, the program first (such as [\"firefox\", \"--new-tab\"]); "
                    + "using $BROWSER or xdg-open", key: key)
            case ("hyperlinks", .bool(let flag)):
                configuration.hyperlinks = flag ? .on : .off
            case ("hyperlinks", .string(let name)) where name.lowercased() == "auto":
                configuration.hyperlinks = .auto
            case ("hyperlinks", _):
                warn("hyperlinks must be \"auto\", true or false, not \(value.description); using the default (auto)",
                     key: key)
            case ("save_dir", .string(let directory)) where !directory.isEmpty && !directory.contains("\0"):
                configuration.saveDirectory = directory
            default:
                warn("save_dir must be a directory name in quotes, not \(value.description); "
                    + "using the current directory", key: key)
            }
        }

        mutating func color(_ name: String, _ value: ConfigurationValue) {
            guard let setting = ConfigurationBuilder.colorSettings.first(where: { $0.name == name }) else {
                let known = ConfigurationBuilder.colorSettings.map(\.name).joined(separator: ", ")
                warn("unknown color setting \"\(name)\" in [colors] (known: \(known)); ignored", key: name, in: "colors")
                return
            }
            guard case .string(let text) = value else {
                warn("colors.\(name) must be a color name in quotes, not \(value.typeDescription); "
                    + "using the theme's color", key: name, in: "colors")
                return
            }
            guard let color = ReaderColor(name: text) else {
                warn("unknown color \"\(text)\" for colors.\(name); using the theme's color",
                     key: name, in: "colors")
                return
            }
            configuration.colors[keyPath: setting.path] = color
        }

        mutating func keys(_ name: String, _ value: ConfigurationValue) {
            guard let action = Action(configurationName: name) else {
                warn("unknown action \"\(name)\" in [keys]; ignored", key: name, in: "keys")
                return
            }
            let fallback = "using the default keys (\(ConfigurationBuilder.defaultKeys(of: action)))"
            let items: [ConfigurationValue]
            switch value {
            case .string: items = [value]
            case .array(let values): items = values
            default:
                warn("keys.\(name) must be a list of key names, not \(value.typeDescription); \(fallback)",
                     key: name, in: "keys")
                return
            }
            guard !items.isEmpty else {
                warn("keys.\(name) has no keys; \(fallback)", key: name, in: "keys")
                return
            }
            var keys: [Key] = []
            for item in items {
                guard case .string(let keyName) = item else {
                    warn("keys.\(name) must be a list of key names, not a list with \(item.typeDescription) in it; "
                        + fallback, key: name, in: "keys")
                    return
                }
                if let digit = keyName.first, keyName.count == 1, ("1"..."9").contains(digit) {
                    warn("key \"\(keyName)\" for keys.\(name) cannot be rebound (1…9 choose articles and sections); "
                        + fallback, key: name, in: "keys")
                    return
                }
                guard let key = Key(configurationName: keyName) else {
                    warn("unknown key \"\(keyName)\" for keys.\(name); \(fallback)", key: name, in: "keys")
                    return
                }
                keys.append(key)
            }
            configuration.keyOverrides[action] = keys
        }
    }
}
