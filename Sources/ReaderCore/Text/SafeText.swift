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
        if value >= 0x20 && value < 0x7F {
            emit(scalar)
            return
        }
        switch value {
        case 0x09:
            emit(" ")
        case 0x00..<0x20:
            emit("^")
            emit(Unicode.Scalar(UInt8(value + 0x40)))
        case 0x7F:
            emit("^")
            emit("?")
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
            emit(replacement)
        default:
            emit(DisplayWidth.of(scalar) < 0 ? replacement : scalar)
        }
    }

    /// The safe display form of a whole string (for titles, file names, messages).
    public static func sanitize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            visible(scalar) { result.append($0) }
        }
        return String(result)
    }
}
