import ArgumentParser
import ReaderCore
import ReaderOpenCC

#if canImport(Glibc)
import Glibc
#endif

/// `reader`: the command line (README, "Command line"). Both executables run it: `reader`
/// without the stores, handing the commands that need them to `reader-store`
/// (`StoreProgram`), and `reader-store` with them (ARCHITECTURE.md, "Start-up").
package struct ReaderCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "A terminal reader for Chinese (and other CJK) newspapers.",
        discussion: """
            FILE is a newspaper issue as UTF-8 text: '## ' starts an article, '### ' a section, \
            blank lines separate paragraphs. With no FILE, or with '-', the issue is read from \
            standard input. When standard output is not a terminal, --dump is implied. \
            A directory, or several FILEs, open an archive: a list of the issues first.

            Examples:
              reader seeds/000_87085fd43abf9c5f.txt       read an issue
              reader ~/papers/                             browse an archive of issues
              reader --list issue.txt                      list the articles
              reader --search 空天 ~/papers/                 the articles that hold a word
              reader https://example.com/feed.xml          read a feed
              reader --fetch                               update the subscribed feeds
              reader --dump --width 40 issue.txt | less    lay out for a pipe
              cat issue.txt | reader -                     read from standard input
              reader --generate-completion-script bash     print a bash completion script

            Files:
              $XDG_STATE_HOME/reader/     reading state (default ~/.local/state/reader/)
              $XDG_CONFIG_HOME/reader/config.toml    settings (default ~/.config/reader/)
              $XDG_CACHE_HOME/reader/     the search index (default ~/.cache/reader/)
              $XDG_CONFIG_HOME/reader/feeds          subscriptions, newsboat's urls format
              $XDG_DATA_HOME/reader/      fetched feeds (default ~/.local/share/reader/)

            Exit status: 0 success; 64 usage error; 65 not a text file (binary, compressed, \
            not UTF-8), or an article over 64 MiB from a pipe; 66 cannot read the input \
            (missing, no permission, an empty directory); 74 cannot write the output. \
            With --search, as grep: 0 found, 1 not found, 2 an error. --fetch exits 1 when a feed failed.
            """,
        version: ReaderVersion.current
    )

    @Argument(help: ArgumentHelp(
        "The issue to read, '-' for standard input, or a directory or several files for an archive.",
        valueName: "FILE"))
    package var files: [String] = []

    @Flag(help: "Print the laid-out text instead of opening the reader.")
    package var dump = false

    @Option(help: ArgumentHelp("Columns for --dump (default: the terminal's width, or 80).", valueName: "N"))
    package var width: Int?

    @Flag(help: "With --dump, list each article's links (URLs and e-mail addresses) as numbered footnotes after it.")
    package var links = false

    @Flag(help: "Print one line per article: number, title and section count, separated by tabs.")
    package var list = false

    @Option(help: ArgumentHelp(
        "Print one line per article of the FILEs (and of the files under a directory) that holds QUERY: "
            + "issue, article number, title and hits, separated by tabs. Case, full/half width and "
            + "Simplified/Traditional are ignored, as in the reader's search.",
        valueName: "QUERY"))
    package var search: String?

    @Flag(help: "With --search: read every file instead of using the search index in $XDG_CACHE_HOME/reader/.")
    package var noIndex = false

    @Flag(help: "Show the text as it is, without joining paragraphs cut by page breaks.")
    package var raw = false

    @Option(help: ArgumentHelp(
        "Show the text converted between Simplified and Traditional Chinese with OpenCC's conversion NAME: "
            + "s2t, s2tw, s2twp (Taiwan phrases), s2hk, t2s, tw2s, hk2s, or none. The c key switches between it and the text as it is.",
        valueName: "NAME"))
    package var convert: String?

    @Option(help: ArgumentHelp(
        "Columns of East Asian ambiguous-width characters (curly quotes, middle dot, dashes, ellipsis): 1, 2 as CJK-locale terminals draw them, or auto (measured on the terminal; 1 for --dump).",
        valueName: "auto|1|2"))
    package var ambiguousWidth: AmbiguousWidthArgument?

    @Flag(help: "The same as --ambiguous-width 2.")
    package var ambiguousWide = false

    @Option(help: ArgumentHelp(
        "How strictly Chinese and Japanese text is broken, as CSS line-break: strict, normal (the default) or loose.",
        valueName: "MODE"))
    package var lineBreak: LineBreakStrictness?

    @Flag(help: "Do not read or write the reading state (last article, position, read marks).")
    package var noState = false

    @Flag(help: "Use no colors, only bold, underline and reverse (also when NO_COLOR is set).")
    package var noColor = false

    @Option(help: ArgumentHelp(
        "Read the settings from FILE instead of $XDG_CONFIG_HOME/reader/config.toml.", valueName: "FILE"))
    package var config: String?

    @Flag(help: "Ignore the configuration file and use the built-in settings.")
    package var noConfig = false

    @Flag(help: "Fetch every subscribed feed into the store without opening the reader: one line per failure on standard error, then a summary.")
    package var fetch = false

    @Option(help: ArgumentHelp("Add the feeds of the OPML file FILE to the subscriptions.", valueName: "FILE"))
    package var importOpml: String?

    @Flag(help: "Print the subscriptions as OPML.")
    package var exportOpml = false

    /// The FILE arguments as the bytes the shell gave (names that are not UTF-8 too).
    package var paths: [PathName] { PathName.commandLine(files) }

    package init() {}

    /// Installs the crash handlers (one line on stderr, never the runtime's backtrace),
    /// then parses the command line and runs it with `stores` (nil in `reader`). A usage
    /// error quotes the arguments: its message goes to stderr through `SafeText`, line by line.
    package static func main(stores: (any Stores)?) {
        TerminalScreen.installCrashHandlers()
        do {
            let parsed = try parseAsRoot()
            if var command = parsed as? ReaderCommand {
                try command.run(stores: stores)
            } else {
                var parsed = parsed
                try parsed.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            guard code != .success, !message.isEmpty else { exit(withError: error) }
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            FileHandleOutput.standardError.write(lines.map { SafeText.sanitize(String($0)) }.joined(separator: "\n") + "\n")
            exit(withError: ExitCode(code.rawValue))
        }
    }

    package func validate() throws {
        if let width, width < 1 || width > 10_000 {
            throw ValidationError("--width must be between 1 and 10000, not \(width).")
        }
        if dump && list {
            throw ValidationError("--dump and --list cannot be used together.")
        }
        if search != nil && (dump || list) {
            throw ValidationError("--search cannot be used with --dump or --list.")
        }
        if search == nil && noIndex {
            throw ValidationError("--no-index goes with --search.")
        }
        if search != nil && files.isEmpty {
            throw ValidationError("--search needs a FILE or a directory to search.")
        }
        if ambiguousWidth != nil && ambiguousWide {
            throw ValidationError("--ambiguous-width and --ambiguous-wide cannot be used together.")
        }
        if config != nil && noConfig {
            throw ValidationError("--config and --no-config cannot be used together.")
        }
        try validateFeedOptions()
        if let convert, ScriptConversionName.setting(convert) == nil {
            throw ValidationError("--convert must be one of \(ScriptConversionName.settings), not '\(SafeText.sanitize(convert))'.")
        }
    }

    /// Without stores (`reader`): the commands that need them replace this process with
    /// `reader-store` before anything is read or printed.
    package mutating func run() throws {
        try run(stores: nil)
    }

    mutating func run(stores: (any Stores)?) throws {
        if stores == nil, needsStores { StoreProgram.replaceProcess() }
        if let stores, try stores.runCommand(self) { return }
        let settings = loadSettings()
        if let search {
            throw ExitCode(runSearch(search, settings: settings))
        }
        let conversion = loadConversion(settings)
        /// The issue as shown: converted by --convert (or the configured conversion).
        func shown(_ document: Document) -> Document { conversion.map { document.withConversion($0) } ?? document }
        if let stores, try stores.runFeeds(self, settings: settings, shown: shown) { return }
        let isArchive = files.count > 1 || paths.contains(where: IssueInput.isDirectory)
        if isArchive {
            try runArchive(settings: settings, shown: shown)
            return
        }
        if !dump, !list, isatty(STDOUT_FILENO) != 0, let path = paths.first, !path.isStandardInput,
           let preview = IssueInput.loadPreview(path, repair: settings.repair && !raw) {
            try runWithPreview(shown(preview), path: path, settings: settings, shown: shown)
            return
        }
        if list {
            try runList(settings: settings, conversion: conversion)
            return
        }
        if dump || isatty(STDOUT_FILENO) == 0 {
            try runDump(settings: settings, conversion: conversion)
            return
        }
        let inputs: [IssueInput]
        do {
            inputs = [try IssueInput.load(paths.first)]
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
        let input = inputs[0]
        let document = shown(Document(bytes: input.bytes, name: input.name, repair: settings.repair && !raw && !input.isConverted))
        let status = TerminalApp.run(
            document: document, options: terminalOptions(settings), saver: stateSaver(for: input),
            notice: input.notice)
        if status != 0 { throw ExitCode(status) }
    }

    /// `--list`: one line per article, piece by piece as the input is read (`StreamingList`,
    /// with the page-break repair decision `--dump` uses).
    private func runList(settings: Configuration, conversion: ScriptConversion?) throws {
        do {
            let stream = try IssueInput.openStream(paths.first)
            let output = FileHandleOutput.standardOutput
            do {
                try StreamingList.write(
                    stream.pieces, firstPiece: stream.firstPiece, name: stream.name,
                    repair: settings.repair && !raw && !stream.isConverted, conversion: conversion
                ) { output.write($0) }
            } catch {
                output.flush()
                throw IssueInput.readFailure(error, name: stream.name)
            }
            output.flush()
        } catch let error as IssueInput.Failure {
            FileHandleOutput.standardError.write("reader: \(error.message)\n")
            throw ExitCode(error.exitCode)
        }
    }

    /// `--dump` (or output to a pipe): laid out piece by piece while the file is read.
    private func runDump(settings: Configuration, conversion: ScriptConversion?) throws {
        do {
            let stream = try IssueInput.openStream(paths.first, elidingHugeLines: conversion == nil && !links)
            let columns = width ?? TerminalSize.columns() ?? 80
            do {
                try StreamingDump.write(
                    stream.pieces, firstPiece: stream.firstPiece, firstElidedLines: stream.firstElidedLines,
                    name: stream.name,
                    repair: settings.repair && !raw && !stream.isConverted,
                    width: columns, ambiguousWide: ambiguous(settings).isWideWithoutMeasuring,
                    lineBreak: lineBreak ?? settings.lineBreak, conversion: conversion, links: links
                ) { FileHandleOutput.standardOutput.write(bytes: $0) }
            } catch {
                FileHandleOutput.standardOutput.flush()
                throw IssueInput.readFailure(error, name: stream.name)
            }
            FileHandleOutput.standardOutput.flush()
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
    }

    /// A large file: the reader opens on its first articles, then reads the whole file.
    private func runWithPreview(
        _ preview: Document, path: PathName, settings: Configuration, shown: @escaping (Document) -> Document
    ) throws {
        let status = TerminalApp.run(
            preview: preview, options: terminalOptions(settings),
            loadWhole: wholeIssueLoader(path, settings: settings, shown: shown))
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads the whole of the large file `path` (on another thread, while its preview is shown).
    private func wholeIssueLoader(
        _ path: PathName, settings: Configuration, shown: @escaping (Document) -> Document
    ) -> TerminalApp.WholeIssueLoader {
        {
            do {
                let input = try IssueInput.load(path)
                let document = shown(Document(bytes: input.bytes, name: input.name, repair: settings.repair && !raw && !input.isConverted))
                return .success((document, stateSaver(for: input)))
            } catch let error as IssueInput.Failure {
                return .failure(error)
            } catch {
                return .failure(IssueInput.Failure(message: "\(error)", exitCode: IssueInput.exitNoInput))
            }
        }
    }

    /// The ambiguous width: --ambiguous-width (or --ambiguous-wide), else the file's.
    package func ambiguous(_ settings: Configuration) -> AmbiguousWidth {
        if let ambiguousWidth { return ambiguousWidth.value }
        return ambiguousWide ? .wide : settings.ambiguousWidth
    }

    /// The flags win over the file: --ambiguous-width, --line-break, --raw, --no-color (and NO_COLOR).
    package func terminalOptions(_ settings: Configuration) -> TerminalApp.Options {
        let noColorEnv = ProcessEnvironment.value("NO_COLOR").map { !$0.isEmpty } ?? false
        var options = TerminalApp.Options(
            ambiguous: ambiguous(settings), lineBreak: lineBreak ?? settings.lineBreak,
            useColor: !(noColor || noColorEnv), theme: settings.theme,
            page: PageOptions(
                maxWidth: settings.maxWidth, cjkPunctuation: settings.cjkPunctuation, indent: settings.indent),
            colors: settings.colors, bindings: settings.bindings,
            scriptToggle: ScriptToggle(configured: conversionName(settings), makeConverter: OpenCCConverter.factory),
            clipboard: settings.clipboard, readingSpeed: settings.readingSpeed,
            browser: settings.browser, hyperlinks: settings.hyperlinks, saveDirectory: settings.saveDirectory)
        options.openIssue = { path in openBookmarkedIssue(path, settings: settings) }
        return options
    }

    /// The conversion asked for: --convert, else the configuration file's (nil: none).
    func conversionName(_ settings: Configuration) -> ScriptConversionName? {
        if let convert, let setting = ScriptConversionName.setting(convert) { return setting }
        return settings.conversion
    }

    /// The conversion the text is shown in from the start, loaded; nil for none, or (with
    /// a warning) when OpenCC cannot load it.
    private func loadConversion(_ settings: Configuration) -> ScriptConversion? {
        guard let name = conversionName(settings) else { return nil }
        guard let converter = OpenCCConverter.factory(name) else {
            FileHandleOutput.standardError.write(
                "reader: cannot load the OpenCC conversion \(name.rawValue) (\(OpenCCConverter.dataDirectory)/"
                    + "\(name.rawValue).json; Debian: libopencc-data); showing the text as it is\n")
            FileHandleOutput.standardError.flush()
            return nil
        }
        return ScriptConversion(name: name, converter: converter)
    }

    /// The configuration file's settings (--config FILE, or the default file if there is
    /// one; none with --no-config). Its warnings go to stderr now, before any screen.
    package func loadSettings() -> Configuration {
        if noConfig { return Configuration() }
        let path = config ?? ConfigurationFile.defaultPath(
            xdgConfigHome: ProcessEnvironment.value("XDG_CONFIG_HOME"), home: ProcessEnvironment.value("HOME"))
        guard let path else { return Configuration() }
        let loaded = ConfigurationFile.load(path: path, required: config != nil)
        for warning in loaded.warnings { FileHandleOutput.warn(warning) }
        FileHandleOutput.standardError.flush()
        return loaded.configuration
    }

    /// The reading-state saver for a file (none for standard input, with --no-state,
    /// or when there is no HOME to keep the state under).
    package func stateSaver(for input: IssueInput) -> ReadingStateSaver? {
        guard !noState, let path = input.absolutePath,
              let directory = StateStore.directory(
                xdgStateHome: ProcessEnvironment.value("XDG_STATE_HOME"), home: ProcessEnvironment.value("HOME"))
        else { return nil }
        return ReadingStateSaver(store: StateStore(directory: directory), path: path, source: input.bytes)
    }
}
