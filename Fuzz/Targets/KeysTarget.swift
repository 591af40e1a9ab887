@testable import ReaderCore

/// The key/state machine: byte 0 picks the screen (`FuzzKeys.screen`), byte 1
/// ambiguous-wide, byte 2 how many of the next 15 bytes are pressed (0…15, through
/// `keys`); the document follows them. After the eighth key and after the last one, the
/// rendered screen has its rows, none wider than the screen, and nothing in it is a
/// control character; `c` converts with a stand-in for OpenCC (`FuzzConverter`) and the
/// offsets of what is shown never go backwards. Checking after every key would reach no
/// other state: the state after any key is the last state of the same input with a
/// smaller count (same keys, same document), which the fuzzer runs as well.
/// (Effects the keys ask for, such as opening a link, are only returned, never carried out.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let screen = FuzzKeys.screen(input.byte())
    let ambiguousWide = input.byte() & 0x80 != 0
    let keyCount = Int(input.byte() & 0x0F)
    let keyBytes = input.take(FuzzKeys.keySlots).prefix(keyCount)
    let document = Document(source: input.rest(), name: "fuzz")
    var state = ReaderState(
        document: document, size: screen, ambiguousWide: ambiguousWide, scriptToggle: FuzzConverter.toggle)
    for (index, byte) in keyBytes.enumerated() where !state.isFinished {
        state.press(FuzzKeys.keys[Int(byte) % FuzzKeys.keys.count])
        if index == 7 { FuzzKeys.check(state, screen: screen, ambiguousWide: ambiguousWide) }
    }
    FuzzKeys.check(state, screen: screen, ambiguousWide: ambiguousWide)
    return 0
}

enum FuzzKeys {
    /// The bytes kept for keys, pressed or not, before the document.
    static let keySlots = 15

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

    /// The screen a byte picks: low four bits the rows (1, then 5…19), high four bits the
    /// columns (7, then 20…62, three apart). About one screen in eight is below
    /// `ScreenSize.minimum` ("terminal too small", cut or on two lines, which shows no
    /// state); the others show the issue.
    static func screen(_ byte: UInt8) -> ScreenSize {
        let rows = Int(byte & 0x0F)
        let columns = Int(byte >> 4)
        return ScreenSize(rows: rows == 0 ? 1 : rows + 4, columns: columns == 0 ? 7 : columns * 3 + 17)
    }

    /// The invariants of the state reached: offsets in order, a safe screen that fits.
    static func check(_ state: ReaderState, screen: ScreenSize, ambiguousWide: Bool) {
        if state.screen == .article {
            // Converted or not (`c`), offsets never go backwards in a text.
            for text in state.currentLayout.texts where zip(text.offsets, text.offsets.dropFirst()).contains(where: >) {
                fatalError("offsets go backwards in \(text.string)")
            }
        }
        FuzzCheck.screen(Renderer.render(state), rows: screen.rows, columns: screen.columns, ambiguousWide: ambiguousWide)
    }
}
