import ArgumentParser
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The command-line rules of the feeds that `reader` checks without linking them
/// (ARCHITECTURE.md, "Start-up").
extension ReaderCommand {
    func validateFeedOptions() throws {
        let commands = [fetch, importOpml != nil, exportOpml].filter { $0 }.count
        if commands > 1 { throw ValidationError("--fetch, --import-opml and --export-opml cannot be used together.") }
        if commands == 1 && !files.isEmpty { throw ValidationError("--fetch, --import-opml and --export-opml take no FILE.") }
    }

    /// Whether the command may need the feed store: `--fetch`, `--import-opml`,
    /// `--export-opml`, `reader URL`, and `reader` alone on a terminal when there is a
    /// subscriptions file (`reader-store` opens the feeds, or reads standard input as
    /// `reader` would when the file lists none). The search index is `reader`'s own.
    var needsStores: Bool {
        if fetch || importOpml != nil || exportOpml { return true }
        if search != nil { return false }
        if files.count == 1, FeedArguments.isURL(files[0]) { return true }
        guard files.isEmpty, isatty(STDIN_FILENO) != 0,
              let path = FeedArguments.subscriptionsPath(
                xdgConfigHome: ProcessEnvironment.value("XDG_CONFIG_HOME"), home: ProcessEnvironment.value("HOME"))
        else { return false }
        var status = stat()
        return stat(path, &status) == 0
    }
}
