import ArgumentParser
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The command-line rules of the feeds and the index that `reader` checks without linking
/// them (ARCHITECTURE.md, "Start-up").
extension ReaderCommand {
    func validateFeedOptions() throws {
        let commands = [fetch, importOpml != nil, exportOpml].filter { $0 }.count
        if commands > 1 { throw ValidationError("--fetch, --import-opml and --export-opml cannot be used together.") }
        if commands == 1 && !files.isEmpty { throw ValidationError("--fetch, --import-opml and --export-opml take no FILE.") }
    }

    /// Whether the command may need the feed store or the search index: `--fetch`,
    /// `--import-opml`, `--export-opml`, `--search` without `--no-index`, `reader URL`, an
    /// archive (a directory or several files) read on a terminal when the search index is
    /// there (for `/` in its issue list), and `reader` alone on a terminal when there is a
    /// subscriptions file (`reader-store` opens the feeds, or reads standard input as
    /// `reader` would when the file lists none).
    var needsStores: Bool {
        if fetch || importOpml != nil || exportOpml { return true }
        if search != nil { return !noIndex }
        if files.count == 1, FeedArguments.isURL(files[0]) { return true }
        if !files.isEmpty {
            return isInteractiveArchive && hasSearchIndex
        }
        guard files.isEmpty, isatty(STDIN_FILENO) != 0,
              let path = FeedArguments.subscriptionsPath(
                xdgConfigHome: ProcessEnvironment.value("XDG_CONFIG_HOME"), home: ProcessEnvironment.value("HOME"))
        else { return false }
        var status = stat()
        return stat(path, &status) == 0
    }

    /// An archive (a directory, or several files) to be read on the terminal.
    private var isInteractiveArchive: Bool {
        guard !dump, !list, isatty(STDOUT_FILENO) != 0 else { return false }
        return files.count > 1 || paths.contains(where: IssueInput.isDirectory)
    }

    /// Whether the search index's file is there (`CacheDirectory`).
    private var hasSearchIndex: Bool {
        guard let directory = CacheDirectory.path(
            xdgCacheHome: ProcessEnvironment.value("XDG_CACHE_HOME"), home: ProcessEnvironment.value("HOME"))
        else { return false }
        var status = stat()
        return stat(directory + "/" + CacheDirectory.searchIndexFileName, &status) == 0
    }
}
