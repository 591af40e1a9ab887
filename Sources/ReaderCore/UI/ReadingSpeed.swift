/// How fast the user reads, for the reading time of an article and the time left
/// (`reading_speed`, `reading_speed_words`): Chinese, Japanese and Korean text by the
/// character, other text by the word.
public struct ReadingSpeed: Sendable, Equatable {
    public static let defaultCharacters = 400
    public static let defaultWords = 200

    /// CJK characters (ideographs, kana, Hangul syllables) a minute.
    public var charactersPerMinute = ReadingSpeed.defaultCharacters
    /// Words of other scripts (runs of letters and digits) a minute.
    public var wordsPerMinute = ReadingSpeed.defaultWords

    public init(charactersPerMinute: Int = ReadingSpeed.defaultCharacters, wordsPerMinute: Int = ReadingSpeed.defaultWords) {
        self.charactersPerMinute = max(1, charactersPerMinute)
        self.wordsPerMinute = max(1, wordsPerMinute)
    }

    /// Whole minutes to read `length`, rounded up (0 only for no text).
    public func minutes(_ length: TextLength) -> Int {
        // characters / cpm + words / wpm, over the common denominator, rounded up once.
        let numerator = length.characters * wordsPerMinute + length.words * charactersPerMinute
        let denominator = charactersPerMinute * wordsPerMinute
        return (numerator + denominator - 1) / denominator
    }
}

/// The length of a text as reading time counts it.
public struct TextLength: Sendable, Equatable {
    /// CJK characters (ideographs, kana, Hangul syllables).
    public var characters = 0
    /// Runs of other letters and digits.
    public var words = 0

    public init(characters: Int = 0, words: Int = 0) {
        self.characters = characters
        self.words = words
    }

    public var isEmpty: Bool { characters == 0 && words == 0 }

    /// The most bytes looked at for an article's length: a longer one is counted on its
    /// first `sampleLimit` bytes and scaled by its size, so the list costs the same for
    /// any size of article.
    public static let sampleLimit = 64 << 10

    /// The length of the UTF-8 `bytes[range]` (invalid bytes count as nothing).
    public static func of(_ range: Range<Int>, in source: SourceBytes) -> TextLength {
        let sampled = range.lowerBound..<min(range.upperBound, range.lowerBound + sampleLimit)
        var length = TextLength()
        var inWord = false
        source.withUnsafeBufferPointer { buffer in
            var decoder = UTF8()
            var iterator = buffer[sampled].makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if isCJK(scalar) {
                        length.characters += 1
                        inWord = false
                    } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        if !inWord { length.words += 1 }
                        inWord = true
                    } else if scalar != "'" && scalar != "’" && scalar != "-" {
                        inWord = false
                    }
                case .emptyInput: break loop
                case .error: inWord = false
                }
            }
        }
        if sampled.count < range.count, sampled.count > 0 {
            length.characters = length.characters * range.count / sampled.count
            length.words = length.words * range.count / sampled.count
        }
        return length
    }

    /// Han ideographs, kana and Hangul (the scripts read by the character).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3131...0x318E, 0x31F0...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF66...0xFF9D, 0x20000...0x3FFFF:
            true
        default:
            false
        }
    }

    /// How the list shows it: "1234字" or "1.2k字" for CJK text, "830w" for other text.
    public var label: String {
        let (count, unit) = characters >= words ? (characters, "字") : (words, "w")
        if count < 1000 { return "\(count)\(unit)" }
        let tenths = (count + 50) / 100
        return tenths >= 100 ? "\(tenths / 10)k\(unit)" : "\(tenths / 10).\(tenths % 10)k\(unit)"
    }
}
