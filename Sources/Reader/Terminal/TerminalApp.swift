import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The interactive reader on an ncurses screen: reads keys, turns them into actions
/// for `ReaderState`, and draws what `Renderer` renders. All the behaviour lives in
/// ReaderCore; this is only the terminal side.
enum TerminalApp {
    struct Options {
        var ambiguousWide: Bool
        var useColor: Bool
    }

    /// Runs until the user quits; returns the process exit status.
    static func run(document: Document, options: Options) -> Int32 {
        let screen: TerminalScreen
        switch TerminalScreen.open(useColor: options.useColor) {
        case .success(let opened): screen = opened
        case .failure(let failure):
            FileHandleOutput.standardError.write("reader: \(failure.message)\n")
            return 1
        }
        defer { screen.close() }
        var state = ReaderState(document: document, size: screen.size(), ambiguousWide: options.ambiguousWide)
        while !state.isFinished {
            screen.draw(Renderer.render(state))
            let event = screen.nextEvent()
            let signal = screen.receivedSignal
            if signal != 0 {
                screen.close()
                return 128 + signal
            }
            guard let event else { continue }
            switch event {
            case .key(let key):
                state.press(key)
            case .resize(let size):
                screen.invalidate()
                state.apply(.resize(size))
            case .action(let action):
                state.apply(action)
            case .endOfInput:
                return 0
            }
        }
        return 0
    }
}
