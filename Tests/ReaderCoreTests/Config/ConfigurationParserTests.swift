import ReaderConfig
import ReaderCore
import Testing

/// The configuration file: a valid file, and each kind of bad line (one warning naming
/// the file and line; that setting keeps its default, the rest still applies).
@Suite struct ConfigurationParserTests {
    static let example = """
        ambiguous_wide = false
        repair = true
        [colors]
        title = "cyan"
        heading = "yellow"
        match = "magenta"
        current_match = "red"
        [keys]
        next_section = ["]", "}"]
        search = ["/", "s"]
        quit = ["Q", "Ctrl-C", "x"]

        """

    func parse(_ text: String) -> (configuration: Configuration, warnings: [String]) {
        ConfigurationParser.parse(text: text, fileName: "config.toml")
    }

    @Test func fullValidFile() {
        let (configuration, warnings) = parse(ConfigurationParserTests.example)
        #expect(warnings == [])
        var expected = Configuration()
        expected.ambiguousWidth = .narrow
        expected.colors.title = .cyan
        expected.colors.heading = .yellow
        expected.colors.match = .magenta
        expected.colors.currentMatch = .red
        expected.keyOverrides = [
            .nextSection: [.character("]"), .character("}")],
            .search: [.character("/"), .character("s")],
            .quit: [.character("Q"), .controlC, .character("x")],
        ]
        #expect(configuration == expected)
    }

    @Test func everySettingChanged() {
        let (configuration, warnings) = parse("""
            ambiguous_wide = true
            repair = false
            [colors]
            title = "Bright-Green"
            heading = "default"
            match = "bright_blue"
            current_match = "brightwhite"
            [keys]
            help = "h"
            back = ["Esc", "BACKSPACE", "pgup", "F12", "ctrl-x", "Space", "⏎"]
            """)
        #expect(warnings == [])
        #expect(configuration.ambiguousWidth == .wide)
        #expect(!configuration.repair)
        #expect(configuration.colors.title == .brightGreen)
        #expect(configuration.colors.heading == .default)
        #expect(configuration.colors.match == .brightBlue)
        #expect(configuration.colors.currentMatch == .brightWhite)
        #expect(configuration.keyOverrides == [
            .help: [.character("h")],
            .back: [.escape, .backspace, .pageUp, .function(12), .character("\u{18}"), .character(" "), .enter],
        ])
    }

    /// `line_break` (CSS line-break strictness); a bad value keeps "normal".
    @Test func lineBreakSetting() {
        #expect(parse("line_break = \"strict\"").configuration.lineBreak == .strict)
        #expect(parse("line_break = \"loose\"").configuration.lineBreak == .loose)
        #expect(Configuration().lineBreak == .normal)
        let (configuration, warnings) = parse("repair = true\nline_break = \"tight\"\n")
        #expect(configuration.lineBreak == .normal)
        #expect(warnings == ["config.toml:2: line_break must be \"strict\", \"normal\" or \"loose\", not \"tight\"; using the default (\"normal\")"])
        #expect(parse("line_break = 1").warnings
            == ["config.toml:1: line_break must be \"strict\", \"normal\" or \"loose\", not an integer; using the default (\"normal\")"])
    }

    @Test func emptyFileIsTheDefaults() {
        #expect(parse("") == (Configuration(), []))
        #expect(parse("# nothing\n\n") == (Configuration(), []))
    }

    @Test func syntaxErrorIgnoresTheWholeFile() {
        let (configuration, warnings) = parse("repair = false\n[colors]\ntitle = \"red\n")
        #expect(configuration == Configuration())
        #expect(warnings == [
            "config.toml:3: TOML syntax error: Error while parsing string: unescaped control characters "
                + "other than TAB (U+0009) are explicitly prohibited; the file is ignored, using the default settings",
        ])
        #expect(parse("ambiguous_wide = \n").warnings == [
            "config.toml:1: TOML syntax error: Error while parsing key-value pair: expected value, saw '\\n'; "
                + "the file is ignored, using the default settings",
        ])
    }

    @Test func unknownSettingsAndSections() {
        let (configuration, warnings) = parse("""
            repair = false
            colour = "red"
            [colors]
            titel = "red"
            [extra]
            a = 1
            """)
        #expect(configuration.repair == false)
        #expect(warnings == [
            "config.toml:2: unknown setting \"colour\"; ignored",
            "config.toml:4: unknown color setting \"titel\" in [colors] (known: title, heading, match, current_match); ignored",
            "config.toml:5: unknown section [extra]; ignored",
        ])
    }

    @Test func wrongValueTypesKeepTheDefaults() {
        let (configuration, warnings) = parse("""
            ambiguous_wide = "yes"
            repair = 0
            [colors]
            title = 3
            match = "blue"
            [keys]
            search = 5
            quit = ["x", 1]
            help = ["h"]
            """)
        var expected = Configuration()
        expected.colors.match = .blue
        expected.keyOverrides = [.help: [.character("h")]]
        #expect(configuration == expected)
        #expect(warnings == [
            "config.toml:1: ambiguous_wide must be true or false, not a string; using the default (auto)",
            "config.toml:2: repair must be true or false, not an integer; using the default (true)",
            "config.toml:4: colors.title must be a color name in quotes, not an integer; using the theme's color",
            "config.toml:7: keys.search must be a list of key names, not an integer; using the default keys (/)",
            "config.toml:8: keys.quit must be a list of key names, not a list with an integer in it; "
                + "using the default keys (q Q Ctrl-C)",
        ])
    }

    @Test func pageAndTerminalSettings() {
        let (configuration, warnings) = parse("""
            ambiguous_width = 2
            theme = "light"
            max_width = 66
            cjk_punctuation = true
            indent = 0
            """)
        #expect(warnings == [])
        #expect(configuration.indent == .columns(0))
        #expect(configuration.ambiguousWidth == .wide)
        #expect(configuration.theme == .light)
        #expect(configuration.maxWidth == 66)
        #expect(configuration.cjkPunctuation)
        #expect(parse("ambiguous_width = \"auto\"\n").configuration.ambiguousWidth == .auto)
        #expect(parse("ambiguous_width = 1\n").configuration.ambiguousWidth == .narrow)
        #expect(parse("ambiguous_wide = true\n").configuration.ambiguousWidth == .wide)
    }

    @Test func badPageAndTerminalSettingsKeepTheDefaults() {
        let (configuration, warnings) = parse("""
            ambiguous_width = 3
            theme = "sepia"
            max_width = 5
            cjk_punctuation = "yes"
            indent = 9
            """)
        #expect(configuration == Configuration())
        #expect(warnings == [
            "config.toml:1: ambiguous_width must be \"auto\", 1 or 2, not 3; using the default (auto)",
            "config.toml:2: theme must be \"auto\", \"light\", \"dark\" or \"mono\", not \"sepia\"; using the default (auto)",
            "config.toml:3: max_width must be a number of columns from 20 to 10000, not 5; using the default (80)",
            "config.toml:4: cjk_punctuation must be true or false, not a string; using the default (false)",
            "config.toml:5: indent must be \"auto\" or a number of columns from 0 to 8, not 9; using the default (auto)",
        ])
    }

    @Test func sectionsOfTheWrongType() {
        let (configuration, warnings) = parse("colors = \"red\"\nkeys = true\n")
        #expect(configuration == Configuration())
        #expect(warnings == [
            "config.toml:1: colors must be a section ([colors]), not a string; using the default colors",
            "config.toml:2: keys must be a section ([keys]), not a boolean; using the default keys",
        ])
    }

    @Test func unknownColorName() {
        let (configuration, warnings) = parse("[colors]\nheading = \"purple\"\ntitle = \"red\"\n")
        #expect(configuration.colors.heading == nil)
        #expect(configuration.colors.title == .red)
        #expect(warnings == ["config.toml:2: unknown color \"purple\" for colors.heading; using the theme's color"])
    }

    @Test func unknownActionsAndKeys() {
        let (configuration, warnings) = parse("""
            [keys]
            frobnicate = ["f"]
            insert = ["i"]
            back = ["Esc", "Hyper-X"]
            next_match = ["5"]
            previous_match = []
            search = ["s"]
            """)
        #expect(configuration.keyOverrides == [.search: [.character("s")]])
        #expect(warnings == [
            "config.toml:2: unknown action \"frobnicate\" in [keys]; ignored",
            "config.toml:3: unknown action \"insert\" in [keys]; ignored",
            "config.toml:4: unknown key \"Hyper-X\" for keys.back; using the default keys (Esc Backspace q)",
            "config.toml:5: key \"5\" for keys.next_match cannot be rebound (1…9 choose articles and sections); "
                + "using the default keys (n)",
            "config.toml:6: keys.previous_match has no keys; using the default keys (N)",
        ])
    }

    @Test func dottedAndQuotedKeysAreFoundForTheLine() {
        let (_, warnings) = parse("""
            # settings
            colors.title = "nope"
            [keys]
            "search" = ["Ctrl-"]
            """)
        #expect(warnings == [
            "config.toml:2: unknown color \"nope\" for colors.title; using the theme's color",
            "config.toml:4: unknown key \"Ctrl-\" for keys.search; using the default keys (/)",
        ])
    }

    /// Quoted keys with a dot, an `=` or an escape in them, sub-tables, dotted keys inside
    /// a section, and lines inside multi-line strings and arrays: each warning names the
    /// line of its key (they used to name line 1, or a line inside a string).
    @Test func linesOfQuotedKeysSubTablesAndMultiLineValues() {
        let (_, warnings) = parse("""
            # settings
            [colors]
            "ti.tle" = "red"
            "a=b" = "red"
            sub.x = 1
            [colors.deeper]
            q = 1
            [keys]
            help = '''
            search = 1
            '''
            quit = [
              "x = y",
            ]
            "se\\u0061rch" = 5
            """)
        let known = "(known: title, heading, match, current_match); ignored"
        #expect(warnings == [
            "config.toml:3: unknown color setting \"ti.tle\" in [colors] \(known)",
            "config.toml:4: unknown color setting \"a=b\" in [colors] \(known)",
            "config.toml:5: unknown color setting \"sub\" in [colors] \(known)",
            "config.toml:6: unknown color setting \"deeper\" in [colors] \(known)",
            "config.toml:9: unknown key \"search = 1^J\" for keys.help; using the default keys (? F1)",
            "config.toml:12: unknown key \"x = y\" for keys.quit; using the default keys (q Q Ctrl-C)",
            "config.toml:15: keys.search must be a list of key names, not an integer; using the default keys (/)",
        ])
    }

    /// A table header that does not start with a key (after a byte-order mark too), and a
    /// list item that starts with `}` — found by the config fuzz target: `[重庆]`, `[=`,
    /// `\u{FEFF}[` or `[1, }]` failed an assertion in the TOML reader (SIGABRT in a debug
    /// build, undefined behaviour in an optimised one). Refused before it is parsed.
    @Test func inputsThatFailAssertionsOfTheTOMLReaderAreSyntaxErrors() {
        for text in ["repair = true\n[重庆]\n", "repair = true\n[=\n", "repair = true\n[[ #]]\n", "repair = true\n[\n",
                     "\r\n[= \nlp = '''\nV\n]\n"] {
            let (configuration, warnings) = parse(text)
            #expect(configuration == Configuration())
            #expect(warnings == [
                "config.toml:2: TOML syntax error: a table header must start with a key (ASCII letters, digits, _ or -, "
                    + "or a quoted key); the file is ignored, using the default settings",
            ], "\(text)")
        }
        let (_, afterMark) = parse("\u{FEFF}[\nrepair = true\n")
        #expect(afterMark == [
            "config.toml:1: TOML syntax error: a table header must start with a key (ASCII letters, digits, _ or -, "
                + "or a quoted key); the file is ignored, using the default settings",
        ])
        for (text, line) in [("repair = true\nquit = [\"]\", \n}\"\"]\n", 3), ("repair = true\na = [1, }]\n", 2),
                             ("repair = true\na = [ # c\n}]\n", 3)] {
            let (configuration, warnings) = parse(text)
            #expect(configuration == Configuration())
            #expect(warnings == [
                "config.toml:\(line): TOML syntax error: a list item cannot start with }; "
                    + "the file is ignored, using the default settings",
            ], "\(text)")
        }
        // With CRLF line ends, warnings name the right line too.
        #expect(parse("repair = true\r\n\r\nzz = 1\r\n").warnings == ["config.toml:3: unknown setting \"zz\"; ignored"])
        let (_, quoted) = parse("[ \"重庆\" ]\n")
        #expect(quoted == ["config.toml:1: unknown section [重庆]; ignored"])
    }

    /// A date, a space and a one-digit time (`1979-05-27 2`, or a broken date before it)
    /// aborted the TOML reader, in the release build too (found by the config fuzz target).
    /// Any number or date followed by a space and a digit is refused before it is parsed,
    /// unless it is a whole date and time; the same text in a string or a comment is not.
    @Test func aDateWithAOneDigitTimeIsASyntaxError() {
        for (text, line) in [("repair = true\nhelp1 = 1979-05-27 2\n", 2), ("a = [1979-05-27 2]\n", 1),
                             ("a = 1979-05-27 2 # c\n", 1), ("a = [\n  1, 1979-05-27 7,\n]\n", 2),
                             ("cololors=1979-05-\u{FFFD}\u{FFFD} 2\n", 1), ("a = 1 2\n", 1), ("a = -1\t2\n", 1),
                             ("gode =1=>8-05-27 1\n", 1), ("q = 1\n\"se\\u0061rch\" =1979-05-27 5\n", 2)] {
            let (configuration, warnings) = parse(text)
            #expect(configuration == Configuration())
            #expect(warnings == [
                "config.toml:\(line): TOML syntax error: a number or date followed by a space and a digit "
                    + "(a date and time is YYYY-MM-DD HH:MM:SS); the file is ignored, using the default settings",
            ], "\(text)")
        }
        #expect(parse("a = 1979-05-27 07:32:00\n").warnings == ["config.toml:1: unknown setting \"a\"; ignored"])
        #expect(parse("a = \"1979-05-27 2\"\n").warnings == ["config.toml:1: unknown setting \"a\"; ignored"])
        #expect(parse("# 1979-05-27 2\n").warnings == [])
        #expect(parse("a = 1979-05-27 07\n").warnings.first?.hasPrefix("config.toml:1: TOML syntax error: ") == true)
    }

    /// U+0085, U+2028 or U+2029 in a list (`h=[` U+0085) aborted the TOML reader, release
    /// build too (found by the config fuzz target); refused before it is parsed. In a
    /// string or a comment it is only text.
    @Test func aLineSeparatorInAValueIsASyntaxError() {
        for (text, line) in [("h=[\u{85}\n", 1), ("repair = true\nh=[1,\u{2028} 2]\n", 2), ("h = [\n 1,\u{2029}\n]\n", 2)] {
            let (configuration, warnings) = parse(text)
            #expect(configuration == Configuration())
            #expect(warnings == [
                "config.toml:\(line): TOML syntax error: a line separator (U+0085, U+2028 or U+2029) in a value, "
                    + "outside a string; the file is ignored, using the default settings",
            ], "\(text)")
        }
        #expect(parse("h = \"\u{85}\"\n").warnings == ["config.toml:1: unknown setting \"h\"; ignored"])
        #expect(parse("# \u{2028}\n").warnings == [])
    }

    /// A dotted key 30,000 levels deep (60 KB) overflowed the stack of the TOML reader
    /// (SIGSEGV); the file is now refused before it is parsed, at the line that passes the limit.
    @Test func deeplyNestedKeysAreRefusedBeforeParsing() {
        let deep = "# " + String(repeating: ".", count: 2_000) + "\nx" + String(repeating: ".a", count: 30_000) + " = 1\n"
        let (configuration, warnings) = parse(deep)
        #expect(configuration == Configuration())
        #expect(warnings == [
            "config.toml:2: more than 1000 dots, [ and { (tables nested that deep are not settings); "
                + "the file is ignored, using the default settings",
        ])
    }

    @Test func controlCharactersInWarningsAreShownSafely() {
        let (_, warnings) = parse("[colors]\ntitle = \"red\\u001b[2J\"\n")
        #expect(warnings == ["config.toml:2: unknown color \"red^[[2J\" for colors.title; using the theme's color"])
    }

    @Test func keyNames() {
        #expect(Key(configurationName: "x") == .character("x"))
        #expect(Key(configurationName: "Q") == .character("Q"))
        #expect(Key(configurationName: "重") == .character("重"))
        #expect(Key(configurationName: "up") == .up)
        #expect(Key(configurationName: "↓") == .down)
        #expect(Key(configurationName: "PageDown") == .pageDown)
        #expect(Key(configurationName: "PGDN") == .pageDown)
        #expect(Key(configurationName: "Return") == .enter)
        #expect(Key(configurationName: "escape") == .escape)
        #expect(Key(configurationName: "f1") == .function(1))
        #expect(Key(configurationName: "F13") == nil)
        #expect(Key(configurationName: "F01") == nil)
        #expect(Key(configurationName: "Ctrl-C") == .controlC)
        #expect(Key(configurationName: "Ctrl-I") == .tab)
        #expect(Key(configurationName: "Ctrl-M") == .enter)
        #expect(Key(configurationName: "Ctrl-1") == nil)
        #expect(Key(configurationName: "") == nil)
        #expect(Key(configurationName: "\u{7}") == nil)
        #expect(Key(configurationName: "7") == nil)
        #expect(Key(configurationName: "0") == .character("0"))
        #expect(Key.character("\u{18}").displayName == "Ctrl-X")
        #expect(Key.controlC.displayName == "Ctrl-C")
    }

    @Test func colorNames() {
        #expect(ReaderColor(name: "MAGENTA") == .magenta)
        #expect(ReaderColor(name: "bright-black") == .brightBlack)
        #expect(ReaderColor(name: "purple") == nil)
        #expect(ReaderColor.default.cursesNumber == -1)
        #expect(ReaderColor.black.cursesNumber == 0)
        #expect(ReaderColor.white.cursesNumber == 7)
        #expect(ReaderColor.brightWhite.cursesNumber == 15)
    }
}
