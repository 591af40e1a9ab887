import ReaderConfig
import ReaderCore
import Testing

/// `clipboard`, `reading_speed` and `reading_speed_words`: good values, and bad ones
/// (one warning each, the default kept).
@Suite struct ReadingWorkflowConfigurationTests {
    func parse(_ text: String) -> (configuration: Configuration, warnings: [String]) {
        ConfigurationParser.parse(text: text, fileName: "config.toml")
    }

    @Test func clipboardAsAStringOrAnArgumentVector() {
        #expect(parse("clipboard = \"xclip -selection clipboard\"\n").configuration.clipboard
            == ["xclip", "-selection", "clipboard"])
        let vector = parse("clipboard = [\"wl-copy\", \"--type\", \"text/plain\"]\n")
        #expect(vector.configuration.clipboard == ["wl-copy", "--type", "text/plain"])
        #expect(vector.warnings == [])
        #expect(Configuration().clipboard == nil)
    }

    @Test func badClipboardKeepsOSC52() {
        let (configuration, warnings) = parse("repair = true\nclipboard = [\"xclip\", 3]\n")
        #expect(configuration.clipboard == nil)
        #expect(warnings == [
            "config.toml:2: clipboard must be a program and its arguments (\"wl-copy\" or [\"xclip\", \"-selection\", "
                + "\"clipboard\"]), not a list; copying through the terminal (OSC 52)",
        ])
        #expect(parse("clipboard = \"  \"\n").configuration.clipboard == nil)
    }

    @Test func keepDaysOfTheFeedStore() {
        #expect(Configuration().keepDays == 90)
        let (configuration, warnings) = parse("keep_days = 30\n")
        #expect(warnings == [])
        #expect(configuration.keepDays == 30)
        let (zero, zeroWarnings) = parse("keep_days = 0\n")
        #expect(zero.keepDays == 90)
        #expect(zeroWarnings == [
            "config.toml:1: keep_days must be a number of days from 1 to 36500, not 0; using the default (90)",
        ])
        let (word, wordWarnings) = parse("repair = true\nkeep_days = \"week\"\n")
        #expect(word.keepDays == 90)
        #expect(wordWarnings == [
            "config.toml:2: keep_days must be a number of days from 1 to 36500, not \"week\"; using the default (90)",
        ])
    }

    @Test func readingSpeeds() {
        let (configuration, warnings) = parse("reading_speed = 600\nreading_speed_words = 250\n")
        #expect(warnings == [])
        #expect(configuration.readingSpeed == ReadingSpeed(charactersPerMinute: 600, wordsPerMinute: 250))
        #expect(Configuration().readingSpeed == ReadingSpeed(charactersPerMinute: 400, wordsPerMinute: 200))
    }

    @Test func badReadingSpeedKeepsTheDefault() {
        let (configuration, warnings) = parse("reading_speed = 0\nreading_speed_words = \"fast\"\n")
        #expect(configuration.readingSpeed == ReadingSpeed())
        #expect(warnings == [
            "config.toml:1: reading_speed must be a number from 10 to 10000 (characters a minute), not 0; "
                + "using the default (400)",
            "config.toml:2: reading_speed_words must be a number from 10 to 10000 (words a minute), not \"fast\"; "
                + "using the default (200)",
        ])
    }
}
