extension ConfigurationBuilder.Run {
    /// The settings of copying, progress and the feed store: `clipboard`, `reading_speed`,
    /// `reading_speed_words`, `keep_days`. Returns false for a key that is none of them.
    mutating func readingWorkflowSetting(_ key: String, _ value: ConfigurationValue) -> Bool {
        switch key {
        case "clipboard":
            var words: [String] = []
            switch value {
            case .string(let text): words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            case .array(let items):
                for item in items {
                    guard case .string(let word) = item else { words = []; break }
                    words.append(word)
                }
            default: break
            }
            if words.isEmpty || words.contains(where: \.isEmpty) {
                warn("clipboard must be a program and its arguments (\"wl-copy\" or [\"xclip\", \"-selection\", "
                    + "\"clipboard\"]), not \(value.description); copying through the terminal (OSC 52)", key: key)
            } else {
                configuration.clipboard = words
            }
        case "reading_speed", "reading_speed_words":
            let isWords = key == "reading_speed_words"
            let fallback = isWords ? ReadingSpeed.defaultWords : ReadingSpeed.defaultCharacters
            if case .integer(let number) = value, (10...10_000).contains(number) {
                if isWords { configuration.readingSpeed.wordsPerMinute = number }
                else { configuration.readingSpeed.charactersPerMinute = number }
            } else {
                warn("\(key) must be a number from 10 to 10000 (\(isWords ? "words" : "characters") a minute), "
                    + "not \(value.description); using the default (\(fallback))", key: key)
            }
        case "keep_days":
            if case .integer(let number) = value, Configuration.keepDaysRange.contains(number) {
                configuration.keepDays = number
            } else {
                warn("keep_days must be a number of days from 1 to 36500, not \(value.description); "
                    + "using the default (\(Configuration.defaultKeepDays))", key: key)
            }
        default:
            return false
        }
        return true
    }
}
