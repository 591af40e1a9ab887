import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Environment variables and terminal size, read without Foundation.
package enum ProcessEnvironment {
    package static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Reader's cache directory as this process's environment names it
    /// (`CacheDirectory.path`), where the search index lives.
    static func cacheDirectory() -> String? {
        CacheDirectory.path(xdgCacheHome: value("XDG_CACHE_HOME"), home: value("HOME"))
    }

    /// The variables of `names` that are set, by name.
    static func values(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names { found[name] = value(name) }
        return found
    }

    /// What `HyperlinkChoice.auto` looks at to know the terminal.
    static let terminalNames = [
        "TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "TMUX", "STY", "KITTY_WINDOW_ID", "WT_SESSION", "VTE_VERSION",
    ]
}

package enum TerminalSize {
    /// The width of the terminal on standard output, or $COLUMNS, or nil.
    package static func columns() -> Int? {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return ProcessEnvironment.value("COLUMNS").flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }
}
