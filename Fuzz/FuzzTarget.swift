/// What one fuzz input exercises. The first byte picks the width (1…128) and whether
/// repair and ambiguous-wide are on; the rest is the document.
enum FuzzTarget {
    static func run(_ bytes: [UInt8]) {
        guard let control = bytes.first else { return }
        let width = Int(control & 0x7F) + 1
        let body = Array(bytes.dropFirst())
        let document = Document(source: body, name: "fuzz", repair: control & 0x80 == 0)
        let dump = DocumentDump.render(document, width: width, ambiguousWide: control & 1 == 1)
        for scalar in dump.unicodeScalars {
            let value = scalar.value
            // Nothing that reaches the terminal may be a control character.
            if (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) {
                fatalError("control character U+\(String(value, radix: 16)) in output")
            }
        }
        for line in dump.split(separator: "\n") where TextWidth.of(String(line)) > width {
            // A line may only be wider than the width when it is one grapheme.
            if line.count > 1 { fatalError("line wider than \(width): \(line)") }
        }
    }
}
