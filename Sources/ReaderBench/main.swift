import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `reader-bench`: headless, in-process timings for `make bench` (Scripts/bench.sh).
///
///     reader-bench load FILE              parse + first list render
///     reader-bench search FILE QUERY      type `/QUERY` in the list: time until the hits show,
///                                         right after opening and with the index built
///     reader-bench keys FILE [COUNT]      replay COUNT keys through update + render
///     reader-bench archive DIR [QUERY]    open a directory of issues, search them all
///
/// Each prints `name=value` lines (milliseconds) for the script to pick up.

/// Monotonic wall-clock time in milliseconds.
func nowMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

/// User + system CPU time of this process in milliseconds.
func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
}

func fail(_ message: String) -> Never {
    let line = Array("reader-bench: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(64)
}

/// The whole file, read with one `read` loop.
func readFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { fail("cannot open \(path)") }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { fail("cannot stat \(path)") }
    let size = Int(info.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    bytes.withUnsafeMutableBytes { buffer in
        while filled < size {
            let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
            if count <= 0 { break }
            filled += count
        }
    }
    return Array(bytes[0..<filled])
}

/// Presses each key of `keys` and renders after each, as the app would: the time of
/// each key in milliseconds.
func timedPresses(_ keys: [Key], on state: inout ReaderState) -> [Double] {
    keys.map { key in
        let start = nowMilliseconds()
        state.press(key)
        _ = Renderer.render(state)
        return nowMilliseconds() - start
    }
}

/// `/` then `query`, a key a character: the time of each character's key.
func typeSearch(_ query: String, on state: inout ReaderState) -> [Double] {
    state.press(.character("/"))
    return timedPresses(query.map { .character($0) }, on: &state)
}

/// Waits for a list-wide search that waits for its index, as the app's loop does.
func finishPendingSearch(_ state: inout ReaderState, _ preparation: BenchSearchPreparation) {
    preparation.deliver(to: &state, wait: true)
    _ = Renderer.render(state)
}

let size = ScreenSize(rows: 24, columns: 80)
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    fail("usage: reader-bench load|search|keys FILE [QUERY|COUNT]")
}
let path = arguments[2]
let name = String(path.split(separator: "/").last ?? "")

switch arguments[1] {
case "load":
    let start = nowMilliseconds()
    let document = Document(source: readFile(path), name: name)
    let parsed = nowMilliseconds()
    let state = ReaderState(document: document, size: size)
    _ = Renderer.render(state)
    let shown = nowMilliseconds()
    print("load_ms=\(parsed - start)")
    print("first_screen_ms=\(shown - start)")
    print("articles=\(document.articles.count)")

case "search":
    let query = arguments.count > 3 ? arguments[3] : "空天信息"
    // Right after opening: the index is being built while the query is typed; the keys
    // do not wait for it (the app answers `.prepareSearch` with `.searchPrepared`), the
    // hits show when it is built.
    var fresh = ReaderState(document: Document(source: readFile(path), name: name), size: size)
    _ = Renderer.render(fresh)
    let opened = nowMilliseconds()
    let freshPreparation = BenchSearchPreparation(&fresh)  // as the app does after its first frame
    let typed = typeSearch(query, on: &fresh)
    finishPendingSearch(&fresh, freshPreparation)
    print("search_after_open_ms=\(nowMilliseconds() - opened)")
    print("search_after_open_slowest_key_ms=\(typed.max() ?? 0)")

    // With the index built: every keystroke of the query re-runs the search, as typing does.
    var state = ReaderState(document: Document(source: readFile(path), name: name), size: size)
    _ = Renderer.render(state)
    let indexStart = nowMilliseconds()
    BenchSearchPreparation(&state).deliver(to: &state, wait: true)
    print("index_build_ms=\(nowMilliseconds() - indexStart)")
    let perKey = typeSearch(query, on: &state) + timedPresses([.enter], on: &state)
    print("search_first_key_ms=\(perKey[0])")
    print("search_last_key_ms=\(perKey[perKey.count - 2])")
    print("search_max_key_ms=\(perKey.max() ?? 0)")
    print("hits=\(state.listFilter?.hits.count ?? 0)")

case "keys":
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000
    var state = ReaderState(document: Document(source: readFile(path), name: name), size: size)
    _ = Renderer.render(state)
    let preparation = BenchSearchPreparation(&state)  // as the app does after its first frame
    // A reading session: browse the list, open, scroll and page, step through search
    // hits, go to the next article, back to the list; then the same with a list search.
    let browse: [Key] = [
        .down, .down, .pageDown, .down, .enter, .down, .down, .character(" "), .character(" "), .character("b"),
        .character("j"), .character("k"), .character("]"), .character("["), .character("l"), .character(" "),
        .character("n"), .character("G"), .character("g"), .escape,
    ]
    let searching: [Key] = [
        .character("n"), .enter, .character("n"), .character("n"), .character(" "), .character("N"),
        .character("j"), .character("l"), .character("n"), .character("n"), .character("b"), .escape,
        .character("n"), .down,
    ]
    var keys: [Key] = []
    while keys.count < count / 2 { keys += browse }
    // Set up a list-wide search, then keep browsing with it.
    keys += [.escape, .character("g"), .character("/")] + "重庆".map { .character($0) } + [.enter]
    while keys.count < count { keys += searching }
    keys = Array(keys.prefix(count))

    var maxKey = 0.0
    var slowest = Key.enter
    let cpuStart = cpuMilliseconds()
    let wallStart = nowMilliseconds()
    for key in keys {
        let start = nowMilliseconds()
        // As the terminal app's loop: a list search typed while the index was being
        // built runs once it is (its time counts as this key's).
        preparation.deliver(to: &state, wait: false)
        state.press(key)
        _ = Renderer.render(state)
        let elapsed = nowMilliseconds() - start
        if elapsed > maxKey {
            maxKey = elapsed
            slowest = key
        }
    }
    let cpu = cpuMilliseconds() - cpuStart
    let wall = nowMilliseconds() - wallStart
    print("keys=\(keys.count)")
    print("cpu_ms_per_key=\(cpu / Double(keys.count))")
    print("wall_ms_per_key=\(wall / Double(keys.count))")
    print("max_key_ms=\(maxKey)")
    print("slowest_key=\(slowest.displayName)")

case "archive":
    // PATH is a directory of issues: open them as the reader does, then search them all.
    let query = arguments.count > 3 ? arguments[3] : "空天信息"
    let start = nowMilliseconds()
    guard let names = IssueDirectory.entryNames(path) else { fail("cannot open \(path)") }
    let documents = names.map { Document(source: readFile(path + "/" + $0), name: $0) }
    var state = ReaderState(issues: documents, archiveName: name, size: size)
    _ = Renderer.render(state)
    print("archive_first_screen_ms=\(nowMilliseconds() - start)")
    let opened = nowMilliseconds()
    let preparation = BenchSearchPreparation(&state)  // as the app does after its first frame
    let perKey = typeSearch(query, on: &state)
    finishPendingSearch(&state, preparation)
    print("archive_search_after_open_ms=\(nowMilliseconds() - opened)")
    // Again with the indexes built.
    state.press(.escape)
    let readyKeys = typeSearch(query, on: &state)
    print("archive_search_ready_max_key_ms=\(readyKeys.max() ?? 0)")
    print("archive_search_max_key_ms=\(perKey.max() ?? 0)")
    print("archive_search_last_key_ms=\(perKey.last ?? 0)")
    print("hits=\(state.archiveFilter?.hits.count ?? 0)")

default:
    fail("unknown scenario \(arguments[1])")
}
