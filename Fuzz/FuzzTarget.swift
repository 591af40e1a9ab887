/// What one fuzz input exercises. Byte 0 picks the width (1…128), repair and
/// ambiguous-wide; byte 1 the number of key presses k (0…63); the next k bytes are the
/// keys (mapped through `keys`), then comes the document. The dump, the search over
/// every article and the interactive state (keys through `press`, each frame rendered at
/// a size drawn from the width) must never crash, emit a control character, or draw a
/// line wider than the screen.
enum FuzzTarget {
    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab,
        .function(1), .character("/"), .character("n"), .character("N"), .character("t"), .character("["),
        .character("]"), .character("r"), .character("?"), .character("1"), .character("3"), .character("9"),
        .character("g"), .character("G"), .character("重"), .character("庆"), .character("a"), .character("2"),
        .character("，"), .character("q"), .character("c"),
    ]

    static func run(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        let control = bytes[0]
        let width = Int(control & 0x7F) + 1
        let ambiguousWide = control & 1 == 1
        let keyCount = min(Int(bytes[1] & 0x3F), bytes.count - 2)
        let keyBytes = bytes[2..<(2 + keyCount)]
        let body = Array(bytes[(2 + keyCount)...])
        let document = Document(source: body, name: "fuzz", repair: control & 0x80 == 0)

        let dump = DocumentDump.render(document, width: width, ambiguousWide: ambiguousWide)
        checkSafe(dump)
        for line in dump.split(separator: "\n") where TextWidth.of(String(line), ambiguousWide: ambiguousWide) > width {
            // A line may only be wider than the width when it is one grapheme.
            if line.count > 1 { fatalError("dump line wider than \(width): \(line)") }
        }

        let query = String(decoding: keyBytes.prefix(4), as: UTF8.self)
        for article in document.articles {
            for match in ArticleSearch.matches(of: query, in: article, document: document) where match.start > match.last {
                fatalError("match with start \(match.start) after last \(match.last)")
            }
        }

        let size = ScreenSize(rows: width % 30 + 1, columns: width)
        var state = ReaderState(
            document: document, size: size, ambiguousWide: ambiguousWide, scriptToggle: FuzzConverter.toggle)
        for byte in keyBytes where !state.isFinished {
            state.press(keys[Int(byte) % keys.count])
            if state.screen == .article {
                // Converted or not, offsets never go backwards in a text.
                for text in state.currentLayout.texts where zip(text.offsets, text.offsets.dropFirst()).contains(where: >) {
                    fatalError("offsets go backwards in \(text.string)")
                }
            }
            let grid = Renderer.render(state)
            for line in grid.lines() {
                checkSafe(line)
                if TextWidth.of(line, ambiguousWide: ambiguousWide) > size.columns {
                    fatalError("screen line wider than \(size.columns): \(line)")
                }
            }
        }
    }

    /// Nothing that reaches the terminal may be a control character.
    static func checkSafe(_ text: String) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) {
                fatalError("control character U+\(String(value, radix: 16)) in output")
            }
        }
    }
}
