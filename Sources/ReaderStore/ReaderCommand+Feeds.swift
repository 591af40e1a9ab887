import ArgumentParser
import ReaderApp
import ReaderCore
import ReaderFeeds
import ReaderSources

#if canImport(Glibc)
import Glibc
#endif

/// Feeds on the command line (ARCHITECTURE.md, "Feeds"): `--fetch`, `--import-opml`,
/// `--export-opml`, `reader URL`, and `reader` alone opening the subscribed feeds as the
/// issue list. The store is opened only here: reading a file never touches it.
extension ReaderCommand {
    /// Exit status of `--fetch` when a feed failed.
    static let exitFetchFailed: Int32 = 1

    /// Runs `--fetch`, `--import-opml` or `--export-opml`; false when none was given.
    func runFeedCommand() throws -> Bool {
        if fetch {
            try runFetch()
        } else if let importOpml {
            try runImport(importOpml)
        } else if exportOpml {
            let output = FileHandleOutput.standardOutput
            output.write(OPMLWriter.opml(try loadSubscriptions()))
            output.flush()
        } else {
            return false
        }
        return true
    }

    /// Opens `reader URL`, or the subscribed feeds when `reader` has no FILE, standard input
    /// is a terminal and there are subscriptions; false otherwise (a file is read as before).
    func runFeeds(settings: Configuration, shown: @escaping (Document) -> Document) throws -> Bool {
        if files.count == 1, FeedURL.isURLArgument(files[0]) {
            try runURL(files[0], settings: settings, shown: shown)
            return true
        }
        guard files.isEmpty, isatty(STDIN_FILENO) != 0 else { return false }
        let subscriptions = try loadSubscriptions()
        guard !subscriptions.isEmpty else { return false }
        if dump || list || isatty(STDOUT_FILENO) == 0 {
            FileHandleOutput.warn("the feed list needs a terminal; --dump and --list take one FILE or URL")
            throw ExitCode(IssueInput.exitUsage)
        }
        let store = try openStore()
        var stored = (try? store.feeds()) ?? []
        let unfetched = subscriptions.map(\.url).filter { url in !stored.contains { $0.url == url } }
        if !unfetched.isEmpty {
            _ = update(unfetched, store: store, keepDays: settings.keepDays, showsProgress: isatty(STDERR_FILENO) != 0)
            stored = (try? store.feeds()) ?? []
        }
        // The list is drawn from the store's counts; each feed's text is read after it,
        // in list order, on another thread (ARCHITECTURE.md, "Feeds").
        let unread = unreadFeedIssues(subscriptions, feeds: stored, store: store, shown: shown)
        var options = terminalOptions(settings)
        options.reload = {
            // As at start: the list from the store's counts, the texts read afterwards.
            let results = update(subscriptions.map(\.url), store: store, keepDays: settings.keepDays, showsProgress: false)
            let issues = unreadFeedIssues(subscriptions, feeds: (try? store.feeds()) ?? [], store: store, shown: shown)
            return TerminalApp.Reloaded(
                documents: issues.documents, archiveName: "feeds",
                savers: Array(repeating: nil, count: issues.documents.count), summary: FetchSummary.line(results),
                loads: issues.loads)
        }
        let status = TerminalApp.run(
            issues: unread.documents, archiveName: "feeds", options: options,
            savers: Array(repeating: nil, count: unread.documents.count), loadWhole: unread.loads)
        if status != 0 { throw ExitCode(status) }
        return true
    }

    /// The subscribed feeds as the list shows them at start and after `R` (`feeds`: the store's records):
    /// each an issue not read yet (`Document.unread`) with its article and unread counts, and the loader
    /// that reads its text (with its reading-state saver) when the list is on screen.
    private func unreadFeedIssues(
        _ subscriptions: [Subscription], feeds: [StoredFeed], store: FeedStore, shown: @escaping (Document) -> Document
    ) -> (documents: [Document], loads: [(issue: Int, load: TerminalApp.WholeIssueLoader)]) {
        let offset = FeedIssue.localUTCOffset()
        var documents: [Document] = []
        var loads: [(issue: Int, load: TerminalApp.WholeIssueLoader)] = []
        for (index, subscription) in subscriptions.enumerated() {
            let feed = feeds.first { $0.url == subscription.url }
            let name = FeedIssue.name(subscription, stored: feed, utcOffsetSeconds: offset)
            let counts = Document.KnownCounts(articles: feed?.itemCount ?? 0, unread: feed?.unreadCount ?? 0)
            documents.append(shown(Document.unread(name: name, counts: counts)))
            let url = subscription.url
            loads.append((index, { .success(self.feedIssue(url, name: name, store: store, shown: shown)) }))
        }
        return (documents, loads)
    }

    /// The feed at `url` read from the store as the issue `name`, with its reading-state saver.
    private func feedIssue(
        _ url: String, name: String, store: FeedStore, shown: (Document) -> Document
    ) -> (document: Document, saver: ReadingStateSaver?) {
        let issue = (try? store.issue(url)) ?? StoredIssue()
        let marks = FeedReadMarks(store: store, url: url, issue: issue)
        return (shown(Document(source: issue.text, name: name, repair: false)), feedStateSaver(url, text: issue.text, marks: marks))
    }

    /// `reader URL`: the feed fetched (into the store when there is one) and opened, or
    /// laid out with `--dump` / listed with `--list`.
    private func runURL(_ url: String, settings: Configuration, shown: @escaping (Document) -> Document) throws {
        var notice: String?
        let document: Document
        var saver: ReadingStateSaver?
        var options = terminalOptions(settings)
        if let store = try? openStore() {
            let result = update([url], store: store, keepDays: settings.keepDays, showsProgress: isatty(STDERR_FILENO) != 0)[0]
            if case .failed(let message) = result {
                guard (try? store.items(url))?.isEmpty == false else { throw failure(url, message) }
                notice = "\(SafeText.sanitize(url)): \(SafeText.sanitize(message)); showing what was fetched before"
            }
            (document, saver) = storedIssue(url, store: store, shown: shown)
            options.reload = {
                let results = update([url], store: store, keepDays: settings.keepDays, showsProgress: false)
                let issue = storedIssue(url, store: store, shown: shown)
                return TerminalApp.Reloaded(
                    documents: [issue.document], archiveName: nil, savers: [issue.saver], summary: FetchSummary.line(results))
            }
        } else {
            switch FeedFetcher().fetch(FetchRequest(url: url)) {
            case .fetched(let body):
                do {
                    let converted = try FeedUpdater.convert(body, url: url)
                    document = shown(Document(source: converted.text, name: converted.name ?? url, repair: false))
                } catch {
                    throw failure(url, error.message)
                }
            case .notModified: throw failure(url, "HTTP 304 without a conditional request")
            case .failed(let message): throw failure(url, message)
            }
        }
        if let notice, list || dump || isatty(STDOUT_FILENO) == 0 { FileHandleOutput.warn(notice) }
        if list {
            let output = FileHandleOutput.standardOutput
            for (index, article) in document.articles.enumerated() {
                output.write("\(index + 1)\t\(article.title)\t\(article.sections.count)\n")
            }
            output.flush()
        } else if dump || isatty(STDOUT_FILENO) == 0 {
            DocumentDump.writeBytes(
                document, width: width ?? TerminalSize.columns() ?? 80, ambiguousWide: ambiguous(settings).isWideWithoutMeasuring,
                lineBreak: lineBreak ?? settings.lineBreak
            ) { FileHandleOutput.standardOutput.write(bytes: $0) }
            FileHandleOutput.standardOutput.flush()
        } else {
            let status = TerminalApp.run(document: document, options: options, saver: saver, notice: notice)
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// The feed at `url` as the store has it: its issue and reading-state saver.
    private func storedIssue(
        _ url: String, store: FeedStore, shown: (Document) -> Document
    ) -> (document: Document, saver: ReadingStateSaver?) {
        let issue = (try? store.issue(url)) ?? StoredIssue()
        let name = (try? store.feed(url))?.title ?? url
        let marks = FeedReadMarks(store: store, url: url, issue: issue)
        return (
            shown(Document(source: issue.text, name: name, repair: false)),
            feedStateSaver(url, text: issue.text, marks: marks)
        )
    }

    /// `--fetch`: every subscription updated, a line per failure on standard error, a
    /// summary line on standard output; exit 1 when a feed failed.
    private func runFetch() throws {
        let settings = loadSettings()
        let subscriptions = try loadSubscriptions()
        let store = try openStore()
        let results = update(
            subscriptions.map(\.url), store: store, keepDays: settings.keepDays, showsProgress: isatty(STDERR_FILENO) != 0)
        for (subscription, result) in zip(subscriptions, results) {
            if case .failed(let message) = result { FileHandleOutput.warn("\(subscription.url): \(message)") }
        }
        let output = FileHandleOutput.standardOutput
        output.write(FetchSummary.line(results) + "\n")
        output.flush()
        if results.contains(where: { if case .failed = $0 { true } else { false } }) { throw ExitCode(Self.exitFetchFailed) }
    }

    /// `--import-opml FILE`: the file's feeds added to the subscriptions.
    private func runImport(_ file: String) throws {
        guard let path = subscriptionsPath() else { throw failure("subscriptions", "no HOME or XDG_CONFIG_HOME") }
        let bytes: [UInt8]
        do {
            let descriptor = try IssueInput.openFile(PathName.commandLine([file])[0])
            defer { close(descriptor) }
            bytes = try IssueInput.readAll(descriptor, name: SafeText.sanitize(file))
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
        do {
            let merged = try SubscriptionFile.adding(opml: bytes, to: try loadSubscriptions())
            try SubscriptionFile.save(merged.subscriptions, to: path)
            let output = FileHandleOutput.standardOutput
            output.write("\(merged.added) feeds added to \(SafeText.sanitize(path))\n")
            output.flush()
        } catch let error as SourceConverter.Failure {
            throw failure(file, error.message, exitCode: IssueInput.exitDataError)
        } catch let error as SubscriptionFile.Failure {
            throw failure("subscriptions", error.message, exitCode: FileHandleOutput.exitOutputError)
        }
    }

    /// The subscriptions file's path for this environment.
    private func subscriptionsPath() -> String? {
        SubscriptionList.path(
            xdgConfigHome: ProcessEnvironment.value("XDG_CONFIG_HOME"), home: ProcessEnvironment.value("HOME"))
    }

    /// The subscriptions (none when there is no file); skipped lines are warned about.
    private func loadSubscriptions() throws -> [Subscription] {
        guard let path = subscriptionsPath() else { return [] }
        do {
            let loaded = try SubscriptionFile.load(path)
            for warning in loaded.warnings { FileHandleOutput.warn(warning) }
            return loaded.subscriptions
        } catch {
            throw failure("subscriptions", error.message)
        }
    }

    /// The store, opened (a warning when a damaged one was moved aside).
    private func openStore() throws -> FeedStore {
        guard let directory = FeedStore.directory(
            xdgDataHome: ProcessEnvironment.value("XDG_DATA_HOME"), home: ProcessEnvironment.value("HOME"))
        else { throw failure("feed store", "no HOME or XDG_DATA_HOME") }
        do {
            let opened = try FeedStore.open(directory: directory)
            if let warning = opened.warning { FileHandleOutput.warn(warning) }
            return opened.store
        } catch {
            throw failure("feed store", error.message)
        }
    }

    /// Fetches `urls` into `store`, with a progress line on standard error when `showsProgress`
    /// (a terminal, and no screen open); then the items that no feed has listed for
    /// `keepDays` days (`keep_days`) leave the store, bookmarked ones never.
    private func update(_ urls: [String], store: FeedStore, keepDays: Int, showsProgress: Bool) -> [FeedUpdater.Result] {
        let now = Double(time(nil))
        defer { _ = try? store.removeItems(olderThanDays: keepDays, now: now) }
        let results = FeedUpdater(store: store).update(urls, now: now) { done, total in
            guard showsProgress else { return }
            let line = "\rreader: fetched \(done) of \(total) feeds"
            _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        }
        if showsProgress { FileHandleOutput.standardError.write("\r\u{1B}[K") }
        return results
    }

    /// The reading-state saver of the feed at `url` (none with --no-state or no HOME);
    /// `marks` keeps its read marks in the store.
    private func feedStateSaver(_ url: String, text: [UInt8], marks: FeedReadMarks?) -> ReadingStateSaver? {
        guard !noState, let directory = StateStore.directory(
            xdgStateHome: ProcessEnvironment.value("XDG_STATE_HOME"), home: ProcessEnvironment.value("HOME"))
        else { return nil }
        return ReadingStateSaver(
            store: StateStore(directory: directory), path: FeedIssue.statePath(url), source: SourceBytes(text),
            feedMarks: marks)
    }

    /// Says "`subject`: `message`" on standard error and gives the exit status to end with.
    private func failure(_ subject: String, _ message: String, exitCode: Int32 = IssueInput.exitNoInput) -> ExitCode {
        FileHandleOutput.warn("\(subject): \(message)")
        return ExitCode(exitCode)
    }
}
