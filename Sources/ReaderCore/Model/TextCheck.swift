/// Tells text the reader can show from data it cannot, from the first bytes of an input
/// (`sampleBytes` of them): an input is refused when it starts with the signature of a
/// known binary format (compressed, image, executable), or when over a tenth of the
/// sample (and more than `strayBytes`) is NUL bytes or bytes that are not part of valid
/// UTF-8. A few stray bytes in a text are fine (they show as U+FFFD).
///
/// The decision needs only the sample, so that an input with no end (`/dev/zero`, a
/// pipe) is refused before more of it is read.
public enum TextCheck {
    /// How much of the start of an input the check looks at.
    public static let sampleBytes = 65_536

    /// Why an input is not text, for the one-line error ("not a text file (…)").
    public enum Refusal: Equatable, Sendable {
        /// A known binary format, by its signature ("gzip", "PNG", …).
        case format(String)
        /// NUL bytes or invalid UTF-8 (binary data, or text in another encoding).
        case notUTF8

        /// The words after "not a text file".
        public var reason: String {
            switch self {
            case .format(let name): "\(name) data"
            case .notUTF8: "binary data, or not UTF-8"
            }
        }
    }

    /// The signatures of binary formats an issue is most often mistaken for.
    static let signatures: [(name: String, bytes: [UInt8])] = [
        ("gzip", [0x1F, 0x8B]),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("bzip2", Array("BZh".utf8)),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD]),
        ("lz4", [0x04, 0x22, 0x4D, 0x18]),
        ("7z", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("zip", [0x50, 0x4B, 0x03, 0x04]),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("JPEG", [0xFF, 0xD8, 0xFF]),
        ("GIF", Array("GIF8".utf8)),
        ("PDF", Array("%PDF-".utf8)),
        ("ELF", [0x7F, 0x45, 0x4C, 0x46]),
    ]

    /// Why `sample` (the first bytes of an input, all of it when `isWhole`) is not text,
    /// or nil when it is. A UTF-8 sequence cut by the end of a sample that is not the
    /// whole input is not counted.
    public static func refusal(of sample: [UInt8], isWhole: Bool) -> Refusal? {
        let sample = sample.prefix(sampleBytes)
        guard !sample.isEmpty else { return nil }
        for signature in signatures where sample.starts(with: signature.bytes) {
            // "BZh" alone could start a text; bzip2 goes on with the block size digit.
            if signature.name == "bzip2", sample.count > 3, !(0x31...0x39).contains(sample[sample.startIndex + 3]) {
                continue
            }
            return .format(signature.name)
        }
        let suspicious = suspiciousByteCount(Array(sample), isWhole: isWhole || sample.count < sampleBytes)
        return suspicious * 10 > sample.count && suspicious > strayBytes ? .notUTF8 : nil
    }

    /// Bad bytes a short text may hold (a few cut characters) however short it is.
    static let strayBytes = 8

    /// The NUL bytes and the bytes that are not part of a valid UTF-8 sequence
    /// (overlong forms, surrogates and values past U+10FFFF are invalid).
    static func suspiciousByteCount(_ bytes: [UInt8], isWhole: Bool) -> Int {
        bytes.withUnsafeBufferPointer { suspiciousByteCount($0, isWhole: isWhole) }
    }

    /// `suspiciousByteCount` over the buffer (no bounds checks: every file read for
    /// indexing is checked).
    private static func suspiciousByteCount(_ bytes: UnsafeBufferPointer<UInt8>, isWhole: Bool) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { count += 1 }
                index += 1
                continue
            }
            // Most of CJK text: a lead E1…EC or EE…EF and two continuation bytes (what the
            // general case below checks for these leads).
            if lead >= 0xE1 && lead <= 0xEC || lead >= 0xEE && lead <= 0xEF, index + 2 < bytes.count,
               bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                index += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            guard length > 0 else {
                count += 1
                index += 1
                continue
            }
            var valid = 1
            while valid < length, index + valid < bytes.count {
                let byte = bytes[index + valid]
                let range = valid == 1 ? low...high : 0x80...0xBF
                guard range.contains(byte) else { break }
                valid += 1
            }
            if valid == length || (index + valid == bytes.count && !isWhole) {
                index += valid
            } else {
                count += 1
                index += 1
            }
        }
        return count
    }
}
