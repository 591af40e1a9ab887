import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The ncurses screen: set-up and tear-down, drawing a `ScreenGrid` cell by cell
/// (only the cells that changed since the last frame), and reading keys with `get_wch`.
final class TerminalScreen {
    struct Failure: Error {
        let message: String
    }

    private let screen: OpaquePointer
    private let input: UnsafeMutablePointer<FILE>?
    private let styles: TerminalStyles
    /// Whether East Asian Ambiguous characters take two columns on this terminal: as
    /// configured, or as the start-up probe measured (`AmbiguousWidth.auto`).
    let ambiguousWide: Bool
    /// The grid on the terminal now; nil after a resize, when everything is redrawn.
    private var shown: ScreenGrid?
    private var isOpen = true
    /// Consecutive `get_wch` failures.
    private var failedReads = 0

    private init(screen: OpaquePointer, input: UnsafeMutablePointer<FILE>?, styles: TerminalStyles, ambiguousWide: Bool) {
        self.screen = screen
        self.input = input
        self.styles = styles
        self.ambiguousWide = ambiguousWide
    }

    /// Starts curses mode on standard output, reading keys from the terminal (from
    /// /dev/tty when standard input is a pipe). Fails, without printing anything
    /// itself, when the terminal type is unknown. With `ambiguous` or `theme` set to
    /// auto, the terminal is asked (`TerminalProbe`) for its ambiguous width and background.
    static func open(
        ambiguous: AmbiguousWidth, theme: ThemeChoice, useColor: Bool, colors: Configuration.Colors = Configuration.Colors()
    ) -> Result<TerminalScreen, Failure> {
        setlocale(LC_ALL, "")
        guard reader_ensure_utf8_ctype() != 0 else {
            return .failure(Failure(message: "no UTF-8 locale is available to show the issue (try --dump)"))
        }
        var input: UnsafeMutablePointer<FILE>? = nil
        if isatty(STDIN_FILENO) == 0 {
            input = reader_open_tty()
            if input == nil {
                return .failure(Failure(message: "cannot open /dev/tty to read keys"))
            }
        }
        let term = ProcessEnvironment.value("TERM") ?? ""
        if term.isEmpty {
            if let input { fclose(input) }
            return .failure(Failure(message: "TERM is not set; cannot open the reader (try --dump)"))
        }
        guard let screen = newterm(nil, reader_stdout(), input ?? reader_stdin()) else {
            if let input { fclose(input) }
            return .failure(Failure(message: "unknown terminal type '\(SafeText.sanitize(term))' (try TERM=xterm-256color, or --dump)"))
        }
        set_term(screen)
        guard reader_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            if let input { fclose(input) }
            return .failure(Failure(message: "terminal type '\(SafeText.sanitize(term))' cannot show a full screen (try --dump)"))
        }
        cbreak()
        noecho()
        nonl()
        intrflush(reader_stdscr(), false)
        keypad(reader_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // Rows are drawn in place, never shifted (see DirectCells).
        idcok(reader_stdscr(), false)
        var replies = TerminalReplies([])
        if ambiguous == .auto || (theme == .auto && useColor) {
            refresh()
            replies = TerminalProbe.ask(input: input.map { fileno($0) } ?? STDIN_FILENO)
            clear()  // The next refresh clears the probe's character away.
        }
        let ambiguousWide = ambiguous == .auto ? replies.ambiguousWidth == 2 : ambiguous == .wide
        let kind = useColor && has_colors() ? Theme(theme, background: replies.background, colors: colors) : Theme(kind: .mono)
        let styles = TerminalStyles(theme: kind)
        mousemask(reader_mouse_wheel_up() | reader_mouse_wheel_down() | reader_mouse_click(), nil)
        mouseinterval(0)
        reader_install_signal_handlers()
        return .success(TerminalScreen(screen: screen, input: input, styles: styles, ambiguousWide: ambiguousWide))
    }

    /// Leaves curses mode; the terminal is as it was before.
    func close() {
        guard isOpen else { return }
        isOpen = false
        reader_terminal_closed()
        endwin()
        delscreen(screen)
        if let input { fclose(input) }
    }

    deinit { close() }

    func size() -> ScreenSize {
        ScreenSize(rows: Int(reader_lines()), columns: Int(reader_cols()))
    }

    /// The descriptor keys are read from (the terminal).
    var keyDescriptor: Int32 { input.map { fileno($0) } ?? STDIN_FILENO }

    /// Whether links are written as OSC 8 hyperlinks (`hyperlinks`, ARCHITECTURE.md, "Links").
    var writesHyperlinks = false

    /// Runs `body` with the terminal as the shell had it (curses mode left, the screen
    /// cleared of Reader), then takes it back: curses mode again, every cell redrawn by
    /// the next `draw`, and a size change meanwhile noticed (a resize event follows).
    func handOver<T>(_ body: () -> T) -> T {
        endwin()
        let result = body()
        refresh()
        reader_sync_size(STDOUT_FILENO)
        invalidate()
        return result
    }

    /// Forget what is on the screen: the next draw writes every cell.
    func invalidate() {
        shown = nil
        clear()
    }

    /// Writes the rows of `grid` that differ from the last frame, then refreshes. The
    /// cells curses cannot draw are written after the refresh (`DirectCells`); a row that
    /// has or had such cells is rewritten whole, so no cell of the last frame stays behind.
    func draw(_ grid: ScreenGrid) {
        let previous = shown.flatMap { $0.rows == grid.rows && $0.columns == grid.columns ? $0 : nil }
        if previous == nil { erase() }
        var text = [wchar_t](repeating: 0, count: 16)
        let space: [wchar_t] = [wchar_t(32), 0]
        var directRows: [Int] = []
        var linkRows: [Int] = []
        for row in 0..<grid.rows {
            if let previous, (0..<grid.columns).allSatisfy({ previous[row, $0] == grid[row, $0] }) { continue }
            let hasDirect = DirectCells.rowHasDirect(grid, row: row)
            let hasLinks = writesHyperlinks && grid.hyperlinks.contains { $0.row == row }
            let hadLinks = writesHyperlinks && previous?.hyperlinks.contains { $0.row == row } == true
            if hasLinks { linkRows.append(row) }
            if hasDirect || hasLinks || hadLinks || previous.map({ DirectCells.rowHasDirect($0, row: row) }) == true {
                // curses forgets what it believes the row shows, and writes all of it.
                wredrawln(reader_stdscr(), Int32(row), 1)
            }
            if hasDirect { directRows.append(row) }
            var column = 0
            while column < grid.columns {
                let cell = grid[row, column]
                let span = DirectCells.span(grid, row: row, column: column)
                defer { column += span }
                if cell.isContinuation || (previous == nil && cell == .blank) { continue }
                let style = styles.attributes(for: cell.style)
                if DirectCells.isDirect(grid, row: row, column: column) {
                    for covered in column..<min(grid.columns, column + span) {
                        _ = reader_put_cell(Int32(row), Int32(covered), space, style.attributes, style.pair)
                    }
                    continue
                }
                let scalars = cell.text.unicodeScalars
                if scalars.count + 1 > text.count {
                    text = [wchar_t](repeating: 0, count: scalars.count + 1)
                }
                var index = 0
                for scalar in scalars {
                    text[index] = wchar_t(bitPattern: scalar.value)
                    index += 1
                }
                text[index] = 0
                _ = reader_put_cell(Int32(row), Int32(column), &text, style.attributes, style.pair)
            }
        }
        shown = grid
        if let cursor = grid.cursor {
            curs_set(1)
            move(Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        refresh()
        DirectCells.write(grid, rows: directRows, styles: styles)
        TerminalHyperlinks.write(grid, rows: linkRows, styles: styles)
    }

    /// The quit signal that arrived (then the reader must quit), or 0.
    var receivedSignal: Int32 { reader_pending_signal() }

    /// The quit signal received, or one waiting while blocked (signals are blocked outside
    /// of the wait for a key): long work between two waits, such as saving every
    /// reading state at quit, asks this to stop for it. 0 when there is none.
    var takePendingSignal: Int32 { reader_take_pending_signal() }

    /// Forgets the quit signal that ended the event loop: `takePendingSignal` then reports
    /// only one that arrives later.
    func clearSignal() { reader_clear_signal() }

    /// Replaces the Swift runtime's crash reporter (a multi-page backtrace that, on a
    /// terminal, waits 30 s) with one line on stderr, after the terminal is put back.
    /// First thing in main, before anything can crash.
    static func installCrashHandlers() { reader_install_crash_handlers() }

    /// Ends the wait of `nextEvent` early (from any thread): it returns nil.
    static func wake() { reader_wake() }

    /// Waits for the next key, resize or mouse event, or (when not negative) for
    /// `timeoutMilliseconds`; nil for an event that means nothing, or for the timeout.
    func nextEvent(timeoutMilliseconds: Int32 = -1) -> TerminalEvent? {
        var value: wint_t = 0
        // Keys ncurses already holds come first; otherwise wait (in ppoll, where a quit
        // signal or a resize can interrupt) and read what arrived without blocking.
        nodelay(reader_stdscr(), true)
        defer { nodelay(reader_stdscr(), false) }
        var kind = get_wch(&value)
        if kind == ERR {
            let descriptor = input.map { fileno($0) } ?? STDIN_FILENO
            if reader_wait_for_input(descriptor, timeoutMilliseconds) == 0 { return nil }
            reader_sync_size(STDOUT_FILENO)
            kind = get_wch(&value)
        }
        if kind == ERR {
            // A signal interrupts a read now and then; only a run of failures means the
            // terminal is gone (end of file), and the reader quits rather than spin.
            failedReads += 1
            return failedReads >= 100 ? .endOfInput : nil
        }
        failedReads = 0
        if kind == KEY_CODE_YES {
            return functionKey(Int32(value))
        }
        if value == 27, LateReplies.skip() { return nil }
        return character(UInt32(value))
    }

    private func character(_ value: UInt32) -> TerminalEvent? {
        switch value {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func functionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.tab)
        case KEY_RESIZE: return .resize(size())
        case KEY_MOUSE: return mouseEvent()
        default:
            for number in 1...12 where code == reader_key_f(Int32(number)) {
                return .key(.function(number))
            }
            return nil
        }
    }

    private func mouseEvent() -> TerminalEvent? {
        var row: Int32 = 0
        var column: Int32 = 0
        var buttons: mmask_t = 0
        guard reader_get_mouse(&row, &column, &buttons) == OK else { return nil }
        if buttons & reader_mouse_wheel_up() != 0 { return .action(.scroll(-3)) }
        let down = reader_mouse_wheel_down()
        if down != 0, buttons & down != 0 { return .action(.scroll(3)) }
        if buttons & reader_mouse_click() != 0 {
            return .action(.click(row: Int(row), column: Int(column)))
        }
        return nil
    }
}
