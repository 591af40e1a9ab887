#if canImport(Glibc)
import Glibc
#endif

/// xterm's default 16 colors, and the WCAG contrast ratio between two of them: the
/// yardstick for the themes' text colors (see `Theme`).
public enum XtermPalette {
    /// The RGB of a color in xterm's default palette (`default` has none).
    public static func rgb(_ color: ReaderColor) -> (red: Int, green: Int, blue: Int)? {
        switch color {
        case .default: nil
        case .black: (0, 0, 0)
        case .red: (0xCD, 0, 0)
        case .green: (0, 0xCD, 0)
        case .yellow: (0xCD, 0xCD, 0)
        case .blue: (0, 0, 0xEE)
        case .magenta: (0xCD, 0, 0xCD)
        case .cyan: (0, 0xCD, 0xCD)
        case .white: (0xE5, 0xE5, 0xE5)
        case .brightBlack: (0x7F, 0x7F, 0x7F)
        case .brightRed: (0xFF, 0, 0)
        case .brightGreen: (0, 0xFF, 0)
        case .brightYellow: (0xFF, 0xFF, 0)
        case .brightBlue: (0x5C, 0x5C, 0xFF)
        case .brightMagenta: (0xFF, 0, 0xFF)
        case .brightCyan: (0, 0xFF, 0xFF)
        case .brightWhite: (0xFF, 0xFF, 0xFF)
        }
    }

    /// The relative luminance (WCAG 2) of an RGB color with 8-bit channels.
    public static func luminance(red: Int, green: Int, blue: Int) -> Double {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The contrast ratio (1…21) between two luminances.
    public static func contrast(_ first: Double, _ second: Double) -> Double {
        (max(first, second) + 0.05) / (min(first, second) + 0.05)
    }

    /// The contrast between two palette colors (nil when either is `default`).
    public static func contrast(_ first: ReaderColor, _ second: ReaderColor) -> Double? {
        guard let one = rgb(first), let two = rgb(second) else { return nil }
        return contrast(
            luminance(red: one.red, green: one.green, blue: one.blue),
            luminance(red: two.red, green: two.green, blue: two.blue))
    }

}
