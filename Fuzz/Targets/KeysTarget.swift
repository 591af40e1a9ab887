@testable import ReaderCore

/// The key/state machine: byte 0 picks the screen (1…16 rows, 1…48 columns) and
/// ambiguous-wide, byte 1 the number of keys (0…15), then the keys (through `keys`),
/// then the document. After every key the rendered screen has its rows, none wider than
/// the screen, and nothing in it is a control character; `c` converts with a stand-in
/// for OpenCC (`FuzzConverter`) and the offsets of what is shown never go backwards.
/// (Effects the keys ask for, such as opening a link, are only returned, never carried out.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let control = input.byte()
    let screen = ScreenSize(rows: Int(control & 0x0F) + 1, columns: Int(control >> 4) * 3 + 3)
    let ambiguousWide = input.byte() & 0x80 != 0
    let keyBytes = input.take(Int(input.byte() & 0x0F))
    let document = Document(source: input.rest(), name: "fuzz")
    var state = ReaderState(
        document: document, size: screen, ambiguousWide: ambiguousWide, scriptToggle: FuzzConverter.toggle)
    for byte in keyBytes where !state.isFinished {
        state.press(FuzzKeys.keys[Int(byte) % FuzzKeys.keys.count])
        if state.screen == .article {
            // Converted or not (`c`), offsets never go backwards in a text.
            for text in state.currentLayout.texts where zip(text.offsets, text.offsets.dropFirst()).contains(where: >) {
                fatalError("offsets go backwards in \(text.string)")
            }
        }
        FuzzCheck.screen(Renderer.render(state), rows: screen.rows, columns: screen.columns, ambiguousWide: ambiguousWide)
    }
    return 0
}

enum FuzzKeys {
    /// The keys a byte stands for: every kind the key map knows, and typed text (CJK, a
    /// bidi override, a control).
    static let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .tab,
        .function(1), .character("/"), .character("n"), .character("N"), .character("t"), .character("["),
        .character("]"), .character("r"), .character("?"), .character("1"), .character("3"), .character("9"),
        .character("g"), .character("G"), .character("重"), .character("庆"), .character("a"), .character("2"),
        .character("，"), .character("q"), .character("c"), .character("\u{202E}"), .character("\u{1B}"), .controlC,
        // The link list, the save and pipe prompts and the overwrite answer.
        .character("o"), .character("s"), .character("|"), .character("y"),
    ]
}
