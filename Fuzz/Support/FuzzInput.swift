@testable import ReaderCore

/// A fuzz input read front to back: a few control bytes, then the rest (a document, a
/// state file, a configuration). Reading past the end gives zeros, so every input is usable.
struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The next byte (0 past the end).
    mutating func byte() -> UInt8 {
        defer { position += 1 }
        return position < bytes.count ? bytes[position] : 0
    }

    /// The next `count` bytes (fewer at the end).
    mutating func take(_ count: Int) -> [UInt8] {
        let start = min(position, bytes.count)
        let end = min(bytes.count, start + max(0, count))
        position = end
        return Array(bytes[start..<end])
    }

    /// Everything not read yet.
    mutating func rest() -> [UInt8] {
        take(bytes.count)
    }
}

/// The invariants every target checks on what would reach the terminal.
enum FuzzCheck {
    /// Nothing that reaches the terminal may be a control character or a bidi control.
    static func safe(_ text: String, _ what: @autoclosure () -> String) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) {
                fatalError("\(what()): control U+\(String(value, radix: 16)) in output")
            }
        }
    }

    /// A screen: `rows` lines, none wider than `columns`, all safe.
    static func screen(_ grid: ScreenGrid, rows: Int, columns: Int, ambiguousWide: Bool) {
        let lines = grid.lines()
        if lines.count != rows { fatalError("\(lines.count) rows on a screen of \(rows)") }
        for line in lines {
            safe(line, "screen")
            if TextWidth.of(line, ambiguousWide: ambiguousWide) > columns {
                fatalError("screen line wider than \(columns): \(line)")
            }
        }
    }
}
