/// What a terminal answered to the start-up probe: a cursor-position report after one
/// East Asian Ambiguous character (so how wide the terminal draws those), and, when it
/// answers OSC 11, its background color (so whether a light or a dark theme suits it).
///
/// The probe prints the character at the first column and asks `ESC [ 6 n`: the report
/// `ESC [ row ; column R` puts the cursor at column 2 (one cell) or 3 (two cells).
public struct TerminalReplies: Sendable, Equatable {
    /// The ambiguous character's width the report shows (1 or 2), or nil without one.
    public var ambiguousWidth: Int?
    public var background: Theme.Background
    /// What else arrived meanwhile (keys typed ahead), to be read as keys after all.
    public var typedAhead: [UInt8]

    /// The answers in `bytes`.
    public init(_ bytes: [UInt8]) {
        ambiguousWidth = nil
        background = .unknown
        typedAhead = TerminalReplies.withoutReplies(bytes)
        if let column = TerminalReplies.reportedColumn(bytes), column == 2 || column == 3 {
            ambiguousWidth = column - 1
        }
        if let luminance = TerminalReplies.backgroundLuminance(bytes) {
            background = luminance > 0.5 ? .light : .dark
        }
    }

    /// `bytes` without the cursor-position reports and OSC replies in them.
    static func withoutReplies(_ bytes: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x1B, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "]") {
                // OSC: up to BEL or ESC \.
                var end = index + 2
                while end < bytes.count, bytes[end] != 0x07, !(bytes[end] == 0x1B && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\\")) {
                    end += 1
                }
                index = end < bytes.count && bytes[end] == 0x1B ? end + 2 : end + 1
                continue
            }
            if bytes[index] == 0x1B, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                var end = index + 2
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) || bytes[end] == UInt8(ascii: ";") {
                    end += 1
                }
                if end < bytes.count, bytes[end] == UInt8(ascii: "R"), end > index + 2 {
                    index = end + 1
                    continue
                }
            }
            kept.append(bytes[index])
            index += 1
        }
        return kept
    }

    /// The column of the last cursor-position report `ESC [ row ; column R`.
    static func reportedColumn(_ bytes: [UInt8]) -> Int? {
        var found: Int?
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            var cursor = index + 2
            var numbers: [Int] = [0]
            var digits = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 6 {
                    numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                } else if byte == UInt8(ascii: ";"), numbers.count < 2 {
                    numbers.append(0)
                    digits = 0
                } else {
                    break
                }
                cursor += 1
            }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "R"), numbers.count == 2 {
                found = numbers[1]
            }
            index = cursor
        }
        return found
    }

    /// The relative luminance (0…1) of `ESC ] 11 ; rgb:R/G/B` (each 1 to 4 hex digits).
    static func backgroundLuminance(_ bytes: [UInt8]) -> Double? {
        let marker = Array("\u{1B}]11;rgb:".utf8)
        guard bytes.count >= marker.count,
              let start = (0...(bytes.count - marker.count)).last(where: { Array(bytes[$0..<$0 + marker.count]) == marker })
        else { return nil }
        var channels: [Double] = []
        var value = 0
        var digits = 0
        var index = start + marker.count
        while index < bytes.count, channels.count < 3 {
            let byte = bytes[index]
            if let digit = TerminalReplies.hexDigit(byte), digits < 4 {
                value = value * 16 + digit
                digits += 1
            } else if digits > 0, byte == UInt8(ascii: "/") || channels.count == 2 {
                channels.append(Double(value) / Double((1 << (4 * digits)) - 1))
                value = 0
                digits = 0
                if byte != UInt8(ascii: "/") { break }
            } else {
                return nil
            }
            index += 1
        }
        if channels.count == 2, digits > 0 { channels.append(Double(value) / Double((1 << (4 * digits)) - 1)) }
        guard channels.count == 3 else { return nil }
        return XtermPalette.luminance(
            red: Int(channels[0] * 255), green: Int(channels[1] * 255), blue: Int(channels[2] * 255))
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
