/// Turns source scalars into scalars that are safe to send to a terminal.
///
/// Nothing from the input may reach the terminal as a control sequence: C0 controls
/// (other than tab, which becomes a space) and DEL are shown in caret notation (`^[`,
/// `^?`), C1 controls, bidi embedding/override/isolate controls and anything the C
/// library considers non-printable become U+FFFD.
public enum SafeText {
    /// The replacement shown for scalars that cannot be displayed.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Calls `emit` with the safe display form of `scalar` (one or two scalars).
    @inline(__always)
    public static func visible(_ scalar: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        if isShownAsIs(value) {
            emit(scalar)
        } else if value == 0x09 {
            emit(" ")
        } else if value < 0x80 {
            emit("^")
            emit(caretPartner(UInt8(value)))
        } else {
            emit(visibleNonASCII(scalar, widths: UnicodeTables.width))
        }
    }

    /// Whether an ASCII code is shown as it is: printable ASCII, space to `~` (a text of
    /// those alone is its own safe form: `sanitize` returns it at once).
    @inline(__always)
    static func isShownAsIs(_ value: UInt32) -> Bool {
        value >= 0x20 && value < 0x7F
    }

    /// The character after `^` in the caret notation of an ASCII control byte (below
    /// 0x20, or DEL).
    @inline(__always)
    static func caretPartner(_ byte: UInt8) -> Unicode.Scalar {
        byte == 0x7F ? "?" : Unicode.Scalar(byte &+ 0x40)
    }

    /// The display form of a scalar from U+0080 up, with the width table already in hand
    /// (for hot loops).
    @inline(__always)
    static func visibleNonASCII(_ scalar: Unicode.Scalar, widths: CodePointTable) -> Unicode.Scalar {
        // CJK Unified Ideographs, most of a Chinese text, are all printable (a test checks
        // the width table says so): no look-up.
        if scalar.value &- ScalarPropertyTable.firstIdeograph < ScalarPropertyTable.ideographCount { return scalar }
        switch scalar.value {
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
            return replacement
        default:
            return DisplayWidth.of(scalar, ambiguousWide: false, in: widths) < 0 ? replacement : scalar
        }
    }

    /// The safe display form of a whole string (for titles, file names, messages).
    public static func sanitize(_ text: String) -> String {
        if text.utf8.allSatisfy({ isShownAsIs(UInt32($0)) }) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            visible(scalar) { result.append($0) }
        }
        return String(result)
    }

    /// The safe display form of bytes that should be UTF-8 but may not be (a file name in
    /// GBK or Big5): valid UTF-8 is decoded and made safe as `sanitize` does, each byte of
    /// an invalid sequence is shown as `\xHH`.
    public static func sanitize(bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ isShownAsIs(UInt32($0)) }) { return String(decoding: bytes, as: UTF8.self) }
        var result = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                visible(Unicode.UTF8.decode(encoded)) { result.append($0) }
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result.append(contentsOf: ("\\x" + (hex.count == 1 ? "0" : "") + hex).unicodeScalars)
                }
                offset += length
            case .emptyInput:
                return String(result)
            }
        }
    }
}
