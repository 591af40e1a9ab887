import ReaderCore

/// What the terminal reported: a key, a new size, a mouse action, or the end of input.
enum TerminalEvent {
    case key(Key)
    case resize(ScreenSize)
    case action(Action)
    /// The input is gone (the terminal was closed): quit.
    case endOfInput
}
