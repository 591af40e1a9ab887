import ReaderConfig
import ReaderCore
import Testing

/// `browser`, `hyperlinks` and `save_dir`: read, and each bad value a warning that keeps the default.
@Suite struct WorkflowSettingsTests {
    func parse(_ text: String) -> (configuration: Configuration, warnings: [String]) {
        ConfigurationParser.parse(text: text, fileName: "config.toml")
    }

    @Test func validSettings() {
        let (configuration, warnings) = parse("""
            browser = ["w3m", "-N"]
            hyperlinks = false
            save_dir = "~/articles"

            """)
        #expect(warnings == [])
        #expect(configuration.browser == ["w3m", "-N"])
        #expect(configuration.hyperlinks == .off)
        #expect(configuration.saveDirectory == "~/articles")
        #expect(parse("browser = \"lynx\"\nhyperlinks = \"auto\"\n").configuration.browser == ["lynx"])
        #expect(parse("hyperlinks = true\n").configuration.hyperlinks == .on)
        #expect(Configuration().hyperlinks == .auto)
        #expect(Configuration().browser == nil)
        #expect(Configuration().saveDirectory == nil)
    }

    @Test func badValuesKeepTheDefaults() {
        let (configuration, warnings) = parse("""
            browser = ["w3m", 3]
            hyperlinks = "sometimes"
            save_dir = 5

            """)
        #expect(configuration.browser == nil)
        #expect(configuration.hyperlinks == .auto)
        #expect(configuration.saveDirectory == nil)
        #expect(warnings == [
            "config.toml:1: browser must be a list of strings, the program first (such as [\"firefox\", \"--new-tab\"]); "
                + "using $BROWSER or xdg-open",
            "config.toml:2: hyperlinks must be \"auto\", true or false, not \"sometimes\"; using the default (auto)",
            "config.toml:3: save_dir must be a directory name in quotes, not 5; using the current directory",
        ])
        #expect(parse("browser = []\n").warnings.count == 1)
    }
}
