import CNcurses
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The interactive reader on an ncurses screen: reads keys, turns them into actions
/// for `ReaderState`, and draws what `Renderer` renders. All the behaviour lives in
/// ReaderCore; this is only the terminal side (and loading and saving reading states).
package enum TerminalApp {
    package struct Options {
        var ambiguous: AmbiguousWidth
        /// How strictly Chinese and Japanese text is broken.
        var lineBreak: LineBreakStrictness = .normal
        var useColor: Bool
        var theme = ThemeChoice.auto
        /// The page's look (widest text column, punctuation).
        var page = PageOptions()
        /// The configured colors (used unless --no-color or NO_COLOR).
        var colors = Configuration.Colors()
        /// The key table with the configured overrides.
        var bindings = KeyMap.bindings
        /// What the `c` key switches to.
        var scriptToggle: ScriptToggle?
        /// The `clipboard` program (nil: OSC 52).
        var clipboard: [String]?
        /// The `reading_speed` settings.
        var readingSpeed = ReadingSpeed()
        /// The configured `browser` command.
        var browser: [String]?
        /// Whether links are written as OSC 8 hyperlinks.
        var hyperlinks = HyperlinkChoice.auto
        /// Where `s` saves an article (nil: the current directory).
        var saveDirectory: String?
        /// What `R` does: fetches the feeds again and gives the issues anew (nil: not feeds).
        package var reload: (() -> Reloaded)?
        /// Reads the issue file of a bookmark of another run (`Effect.openIssue`).
        var openIssue: IssueOpener?
        /// How `/` in an archive's issue list uses the persistent index (nil: without it,
        /// searching in the state).
        var archiveIndex: ArchiveIndexSearch?
    }

    /// Reads an issue file (by its absolute path) as the command line's files are read.
    typealias IssueOpener = (String) -> Result<(Document, ReadingStateSaver?), IssueInput.Failure>

    /// The issues after `R`: their documents (one and no archive name: a single feed),
    /// their savers, a one-line summary for the status bar, and the loaders of the issues
    /// not read yet (feeds shown by their counts, read one after another once the list is
    /// on screen, as at start).
    package struct Reloaded {
        var documents: [Document]
        var archiveName: String?
        var savers: [ReadingStateSaver?]
        var summary: String
        var loads: [(issue: Int, load: WholeIssueLoader)]

        package init(
            documents: [Document], archiveName: String?, savers: [ReadingStateSaver?], summary: String,
            loads: [(issue: Int, load: WholeIssueLoader)] = []
        ) {
            self.documents = documents
            self.archiveName = archiveName
            self.savers = savers
            self.summary = summary
            self.loads = loads
        }
    }

    /// Gives a new state the settings that are not its own (at start and after `R`).
    private static func configure(_ state: inout ReaderState, options: Options) {
        state.lineBreak = options.lineBreak
        state.readingSpeed = options.readingSpeed
        state.saveDirectory = options.saveDirectory
        state.canReload = options.reload != nil
        state.searchesArchiveWithIndex = options.archiveIndex != nil
    }

    /// One issue; runs until the user quits and returns the process exit status.
    /// `notice` is shown in the status bar of the first screen (standard input cut short).
    package static func run(
        document: Document, options: Options, saver: ReadingStateSaver? = nil, notice: String? = nil
    ) -> Int32 {
        run(options: options, savers: [saver]) { size, ambiguousWide in
            var state = ReaderState(
                document: document, size: size, ambiguousWide: ambiguousWide, bindings: options.bindings,
                page: options.page, scriptToggle: options.scriptToggle)
            if let notice { state.notify(notice) }
            return state
        }
    }

    /// Reads the whole of a large file, once the preview is on screen.
    package typealias WholeIssueLoader = () -> Result<(Document, ReadingStateSaver?), IssueInput.Failure>

    /// A large issue: the first screen shows `preview` (its first articles) while
    /// `loadWhole` reads the file on another thread; keys move through the preview, and
    /// the whole issue replaces it when it is read (a list-wide search waits for it).
    static func run(preview: Document, options: Options, loadWhole: @escaping WholeIssueLoader) -> Int32 {
        run(options: options, savers: [nil], loadWhole: loadWhole) { size, ambiguousWide in
            ReaderState(
                document: preview, size: size, ambiguousWide: ambiguousWide, bindings: options.bindings,
                page: options.page, scriptToggle: options.scriptToggle)
        }
    }

    /// Issues listed first, the feed list (`reader` with subscriptions): `savers[i]` keeps
    /// issue i's reading state. `loadWhole` reads the issues `issues` holds unread (their
    /// savers nil), one after another on another thread once the list is on screen. (An
    /// archive of files is `run(issues:archiveName:options:reader:)`.)
    package static func run(
        issues: [Document], archiveName: String, options: Options, savers: [ReadingStateSaver?],
        loadWhole: [(issue: Int, load: WholeIssueLoader)] = []
    ) -> Int32 {
        run(options: options, savers: savers, loadArchiveIssues: loadWhole) { size, ambiguousWide in
            ReaderState(
                issues: issues, archiveName: archiveName, size: size, ambiguousWide: ambiguousWide,
                bindings: options.bindings, page: options.page, scriptToggle: options.scriptToggle)
        }
    }

    /// An archive whose files are read after its issue list is on screen: issue i is
    /// `placeholder` (`Document.unread` with no counts) named `labels.label(i)`, which
    /// `reader` fills in as it reads the files (ARCHITECTURE.md, "Data flow", Input).
    static func run(
        labels: IssueLabels, placeholder: Document, archiveName: String, options: Options, reader: ArchiveReader
    ) -> Int32 {
        run(options: options, savers: Array(repeating: nil, count: labels.count), archiveReader: reader) {
            size, ambiguousWide in
            ReaderState(
                unreadIssues: labels, placeholder: placeholder, archiveName: archiveName, size: size,
                ambiguousWide: ambiguousWide, bindings: options.bindings, page: options.page,
                scriptToggle: options.scriptToggle)
        }
    }

    private static func run(
        options: Options, savers: [ReadingStateSaver?], loadWhole: WholeIssueLoader? = nil,
        loadArchiveIssues: [(issue: Int, load: WholeIssueLoader)] = [], archiveReader: ArchiveReader? = nil,
        makeState: (ScreenSize, Bool) -> ReaderState
    ) -> Int32 {
        var savers = savers
        var warnings: [String] = []
        // A large file's content hash (which names its saved state) is not worked out yet,
        // or the file is not read yet: show the first screen at once, then hash and restore
        // the saved state.
        let restoreLater = loadWhole != nil || savers.contains { $0.map { !$0.isHashReady } ?? false }
        var saved: [ReadingState?] = []
        // (None to load for an archive whose files are not read yet: no array of 73,000 nils.)
        if !restoreLater, savers.contains(where: { $0 != nil }) {
            saved = savers.map { $0?.load { warnings.append($0) } }
            for warning in warnings { FileHandleOutput.warn(warning) }
        }
        let screen: TerminalScreen
        switch TerminalScreen.open(
            ambiguous: options.ambiguous, theme: options.useColor ? options.theme : .mono, useColor: options.useColor,
            colors: options.colors)
        {
        case .success(let opened): screen = opened
        case .failure(let failure):
            FileHandleOutput.warn(failure.message)
            return 1
        }
        var state = makeState(screen.size(), screen.ambiguousWide)
        // Work on other threads (effects, the rest of a large file) wakes the event loop
        // when it is done.
        let background = BackgroundWork()
        // The feeds not read yet, read one at a time on another
        // thread (not all at once: each is read whole into memory); the bookmark index once
        // they are all read.
        let archiveLoads = BackgroundLoad.Queue(loadArchiveIssues)
        var effectRunner = EffectRunner(
            screen: screen, background: background, clipboard: ClipboardCopy(command: options.clipboard),
            browser: options.browser)
        if let archiveIndex = options.archiveIndex { effectRunner.archiveSearch = archiveIndex }
        screen.writesHyperlinks = options.hyperlinks.isEnabled(
            environment: ProcessEnvironment.values(ProcessEnvironment.terminalNames))
        configure(&state, options: options)
        // The first frame before any slow work (unless a saved state will replace it at once).
        if restoreLater || !saved.contains(where: { $0 != nil }) { screen.draw(Renderer.render(state)) }
        // A large file: the rest of it is read on another thread while its first articles
        // take keys (and signals) at once.
        if let loadWhole { BackgroundLoad.start(loadWhole, on: background) }
        /// Applies `action` and carries out the effects it asks for; each outcome is an
        /// action too (and may ask for more).
        func perform(_ action: Action) {
            state.apply(action)
            runEffects()
        }
        /// A bookmark of another issue to open (`Effect.openIssue`), at the next turn of the event loop.
        var issueToOpen: (path: String, position: ReadingPosition)?
        /// Carries out the effects the last action asked for.
        func runEffects() {
            var effects = state.takeEffects()
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .reloadFeeds, let reload = options.reload {
                    reloadFeeds(reload)
                } else if case .openIssue(let path, let position) = effect, options.openIssue != nil {
                    // Carried out by the event loop, before it draws: opening calls back
                    // into `perform` (which the compiler's region analysis cannot follow
                    // through these nested functions).
                    issueToOpen = (path, position)
                } else if let outcome = effectRunner.run(effect) {
                    state.apply(outcome)
                    effects += state.takeEffects()
                }
            }
        }
        /// Restores the saved states (once the hashes, or the whole issue, are there) and
        /// asks for the search indexes to be built in the background (`.prepareSearch`), so
        /// that the first list-wide `/` need not wait for them.
        func restoreAndPrepareSearch() {
            if restoreLater {
                saved = savers.map { $0?.load { warnings.append($0) } }
            }
            for (index, reading) in saved.enumerated() {
                guard let reading else { continue }
                if state.isArchive { state.restore(reading, issue: index) } else { state.restore(reading) }
            }
            for (index, saver) in savers.enumerated() {
                guard let saver else { continue }
                saver.noteOpeningState(state.readingState(ofIssue: index, contentHash: saver.contentHash))
            }
            if let warning = warnings.first { state.notify(warning) }
            perform(.prepareSearch)
        }
        if loadWhole == nil { restoreAndPrepareSearch() }
        // The bookmarks of the other issues, for `B` (a large file's once it is read).
        var bookmarkIndex: BookmarkIndexKeeper?
        func loadBookmarkIndex() {
            bookmarkIndex = BookmarkIndexKeeper(savers: savers)
            bookmarkIndex?.load(into: &state, savers: savers) { warnings.append($0) }
        }
        /// Puts a feed, now read, in place of its placeholder, with its
        /// saved state; starts reading the next one.
        func completeArchiveLoad(issue: Int, _ loaded: BackgroundLoad.Loaded) {
            defer { if !archiveLoads.startNext(on: background) { loadBookmarkIndex() } }
            // Read for a state replaced since (`R`, `B`), or already whole.
            guard archiveLoads.finish(), state.isArchive, state.issueCount > issue, !state.slot(issue).document.isComplete else { return }
            switch loaded {
            case .success(let (whole, saver)):
                state.completeLoading(with: whole, issue: issue)
                savers[issue] = saver
                if let saver {
                    if let reading = saver.load(warn: { warnings.append($0) }) { state.restore(reading, issue: issue) }
                    saver.noteOpeningState(state.readingState(ofIssue: issue, contentHash: saver.contentHash))
                }
                perform(.prepareSearch)
            case .failure(let failure):
                state.notify(failure.message)
            }
        }
        /// Puts a batch of an archive's files, read, in place (the first time with its saved
        /// state), keeping the texts within the state's budget; a file that cannot be read
        /// says so in its row.
        func completeArchiveReads(_ reads: [ArchiveReader.Read]) {
            for read in reads {
                let issue = read.issue
                switch read.result {
                case .success(let loaded):
                    // Read again: the same text keeps its session; a changed one starts anew.
                    var isFirst = savers[issue] == nil
                    if let saver = savers[issue], let new = loaded.saver, saver.contentHash != new.contentHash {
                        state.forgetSession(ofIssue: issue)
                        isFirst = true
                    }
                    state.receiveArchiveIssue(loaded.document, issue: issue)
                    if isFirst, let saver = loaded.saver {
                        savers[issue] = saver
                        if let saved = loaded.saved { state.restore(saved, issue: issue) }
                        // (Not the state now: the user may have opened the issue already.)
                        saver.noteOpeningState(
                            ReaderState.untouchedReadingState(of: loaded.document, contentHash: saver.contentHash))
                        if let warning = loaded.warnings.first {
                            warnings += loaded.warnings
                            state.notify(warning)
                        }
                    }
                    state.keepWithinBudget(issue: issue)
                case .failure(let failure):
                    state.markUnreadable(issue: issue, failure: IssueSession.Failure(
                        label: failure.exitCode == IssueInput.exitDataError ? "not a text file" : "cannot read",
                        message: failure.message))
                }
            }
            // A list search of the open issue may have waited for its text.
            perform(.prepareSearch)
        }
        /// Starts the next batch of the archive's files (those wanted first); once every
        /// file was read, the bookmark index (once).
        var archiveBookmarksLoaded = false
        func readArchiveFiles() {
            guard let archiveReader else { return }
            if let wanted = state.issueWanted { archiveReader.want(wanted) }
            if !archiveReader.startNext(on: background, onScreen: state.issuesOnScreen), !archiveBookmarksLoaded {
                archiveBookmarksLoaded = true
                loadBookmarkIndex()
            }
        }
        if archiveReader == nil, !archiveLoads.startNext(on: background), loadWhole == nil { loadBookmarkIndex() }
        func save(_ index: Int, force: Bool) {
            guard savers.indices.contains(index), let saver = savers[index] else { return }
            saver.save(state.readingState(ofIssue: index, contentHash: saver.contentHash), force: force)
        }
        /// Reads keys and draws until the user quits, a signal arrives or the input ends;
        /// returns the exit status.
        func eventLoop() -> Int32 {
            while !state.isFinished {
                for finished in background.takeFinished() {
                    if case .archiveIssue(let issue, let loaded) = finished { completeArchiveLoad(issue: issue, loaded) }
                    if case .archiveFiles(let reads) = finished, archiveReader?.finish(reads) == true {
                        completeArchiveReads(reads)
                    }
                    guard case .wholeIssue(let loaded) = finished else {
                        if case .action(let action) = finished { perform(action) }
                        continue
                    }
                    switch loaded {
                    case .success(let (whole, saver)):
                        state.completeLoading(with: whole)
                        savers = [saver]
                        restoreAndPrepareSearch()
                        loadBookmarkIndex()
                    case .failure(let failure):
                        screen.close()
                        FileHandleOutput.warn(failure.message)
                        return failure.exitCode
                    }
                }
                if let (path, position) = issueToOpen, let open = options.openIssue {
                    issueToOpen = nil
                    openIssue(path, at: position, open)
                }
                // An issue opened before it was read (a feed, a large file) is read next.
                if state.isArchive, state.screen != .issues, !state.document.isComplete { archiveLoads.prefer(state.issueIndex) }
                readArchiveFiles()
                save(state.issueIndex, force: false)
                bookmarkIndex?.save(state, savers: savers)
                screen.draw(Renderer.render(state))
                // Until a key, a signal, or work done on another thread (which wakes it).
                let event = screen.nextEvent()
                let signal = screen.receivedSignal
                if signal != 0 {
                    screen.close()
                    return 128 + signal
                }
                guard let event else { continue }
                // The date of a bookmark set by this key (the state reads no clock).
                state.setTime(Int64(Glibc.time(nil)))
                switch event {
                case .key(let key):
                    state.press(key)
                    runEffects()
                case .resize(let size):
                    screen.invalidate()
                    perform(.resize(size))
                case .action(let action):
                    perform(action)
                case .endOfInput:
                    return 0
                }
            }
            return 0
        }
        /// `R`: saves the states, shows that the feeds are being fetched, fetches, and
        /// opens the new issues with their saved states (read marks from the feed store).
        func reloadFeeds(_ reload: () -> Reloaded) {
            for index in savers.indices { save(index, force: true) }
            screen.draw(Renderer.render(state))
            archiveLoads.removeAll()
            let reloaded = reload()
            archiveLoads.replace(with: reloaded.loads)
            let size = screen.size()
            if let archiveName = reloaded.archiveName {
                state = ReaderState(
                    issues: reloaded.documents, archiveName: archiveName, size: size, ambiguousWide: screen.ambiguousWide,
                    bindings: options.bindings, page: options.page, scriptToggle: options.scriptToggle)
            } else if let document = reloaded.documents.first {
                state = ReaderState(
                    document: document, size: size, ambiguousWide: screen.ambiguousWide, bindings: options.bindings,
                    page: options.page, scriptToggle: options.scriptToggle)
            }
            configure(&state, options: options)
            savers = reloaded.savers
            warnings = []
            saved = savers.map { $0?.load { warnings.append($0) } }
            restoreAndPrepareSearch()
            state.notify(warnings.first ?? reloaded.summary)
            _ = archiveLoads.startNext(on: background)
        }
        /// `B` on a bookmark of an issue not open: saves the states and the bookmark index,
        /// opens the issue's file in their place with its saved state, and shows the
        /// bookmarked article; a file that cannot be read is one line in the status bar.
        func openIssue(_ path: String, at position: ReadingPosition, _ open: IssueOpener) {
            let opened: (document: Document, saver: ReadingStateSaver?)
            switch open(path) {
            case .success(let result): opened = result
            case .failure(let failure):
                state.notify("cannot open the bookmark: \(failure.message)")
                return
            }
            for index in savers.indices { save(index, force: true) }
            bookmarkIndex?.save(state, savers: savers)
            archiveLoads.removeAll()
            archiveReader?.removeAll()
            state = ReaderState(
                document: opened.document, size: screen.size(), ambiguousWide: screen.ambiguousWide,
                bindings: options.bindings, page: options.page, scriptToggle: options.scriptToggle)
            configure(&state, options: options)
            savers = [opened.saver]
            warnings = []
            saved = savers.map { $0?.load { warnings.append($0) } }
            restoreAndPrepareSearch()
            loadBookmarkIndex()
            state.showBookmark(at: position)
        }
        /// At quit (by a key or a signal): saves what changed, then closes the screen and
        /// prints what could not be printed while it was open. A signal that arrives
        /// meanwhile stops the saving and sets the exit status.
        func finish(_ status: Int32) -> Int32 {
            var status = status
            screen.clearSignal()
            for index in savers.indices {
                let signal = screen.takePendingSignal
                if signal != 0 {
                    status = 128 + signal
                    break
                }
                save(index, force: true)
            }
            bookmarkIndex?.save(state, savers: savers)
            savers.lazy.compactMap { $0 }.first?.removeStaleTemporaryFiles()
            screen.close()
            // Warnings found while the screen was open could not be printed then.
            if restoreLater {
                for warning in warnings { FileHandleOutput.warn(warning) }
            }
            if let failure = savers.lazy.compactMap({ $0?.failure }).first { FileHandleOutput.warn(failure) }
            if let failure = bookmarkIndex?.failure { FileHandleOutput.warn(failure) }
            return status
        }
        return finish(eventLoop())
    }
}
