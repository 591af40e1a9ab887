import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The interactive reader on an ncurses screen. (Minimal: lists the titles; q quits.)
enum TerminalApp {
    struct Options {
        var ambiguousWide: Bool
        var useColor: Bool
    }

    /// Runs until the user quits; returns the process exit status.
    static func run(document: Document, options: Options) -> Int32 {
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        keypad(reader_stdscr(), true)
        defer { endwin() }
        while true {
            erase()
            for (index, article) in document.articles.enumerated() where index < Int(reader_lines()) {
                let line = TextWidth.truncate("\(index + 1) \(article.title)", to: Int(reader_cols()) - 1)
                var wide = line.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                mvaddnwstr(Int32(index), 0, &wide, -1)
            }
            refresh()
            var key: wint_t = 0
            let kind = get_wch(&key)
            if kind == OK && (key == wint_t(UInt8(ascii: "q")) || key == wint_t(UInt8(ascii: "Q"))) { return 0 }
        }
    }
}
