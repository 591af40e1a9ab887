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
    static func run(document: Document, options: Options, saver: ReadingStateSaver? = nil) -> Int32 {
        var warning: String?
        let saved = saver?.load { warning = $0 }
        if let warning { FileHandleOutput.standardError.write("reader: \(warning)\n") }
        let screen: TerminalScreen
        switch TerminalScreen.open(useColor: options.useColor) {
        case .success(let opened): screen = opened
        case .failure(let failure):
            FileHandleOutput.standardError.write("reader: \(failure.message)\n")
            return 1
        }
        var state = ReaderState(document: document, size: screen.size(), ambiguousWide: options.ambiguousWide)
        if let saved { state.restore(saved) }
        if let warning { state.notify(warning) }
        defer {
            saver?.save(state, force: true)
            screen.close()
            if let failure = saver?.failure { FileHandleOutput.standardError.write("reader: \(failure)\n") }
        }
        while !state.isFinished {
            saver?.save(state)
            screen.draw(Renderer.render(state))
            guard let event = screen.nextEvent() else { continue }
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
