import ArgumentParser
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `reader`: the command line (design.md §5).
@main
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
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
              reader --dump --width 40 issue.txt | less    lay out for a pipe
              cat issue.txt | reader -                     read from standard input
              reader --generate-completion-script bash     print a bash completion script

            Files:
              $XDG_STATE_HOME/reader/     reading state (default ~/.local/state/reader/)
              $XDG_CONFIG_HOME/reader/config.toml    settings (default ~/.config/reader/)

            Exit status: 0 success; 64 usage error; 65 not a text file; 66 cannot read the \
            input (missing, no permission, an empty directory).
            """,
        version: ReaderVersion.current
    )

    @Argument(help: ArgumentHelp(
        "The issue to read, '-' for standard input, or a directory or several files for an archive.",
        valueName: "FILE"))
    var files: [String] = []

    @Flag(help: "Print the laid-out text instead of opening the reader.")
    var dump = false

    @Option(help: ArgumentHelp("Columns for --dump (default: the terminal's width, or 80).", valueName: "N"))
    var width: Int?

    @Flag(help: "Print one line per article: number, title and section count, separated by tabs.")
    var list = false

    @Flag(help: "Show the text as it is, without joining paragraphs cut by page breaks.")
    var raw = false

    @Flag(help: "Give East Asian ambiguous-width characters (curly quotes, middle dot, dashes, ellipsis) two columns, as CJK-locale terminals do.")
    var ambiguousWide = false

    @Flag(help: "Do not read or write the reading state (last article, position, read marks).")
    var noState = false

    @Flag(help: "Use no colors, only bold, underline and reverse (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: ArgumentHelp(
        "Read the settings from FILE instead of $XDG_CONFIG_HOME/reader/config.toml.", valueName: "FILE"))
    var config: String?

    @Flag(help: "Ignore the configuration file and use the built-in settings.")
    var noConfig = false

    /// Installs the crash handlers (one line on stderr, never the runtime's backtrace),
    /// then parses the command line and runs. A usage error quotes the arguments: its
    /// message goes to stderr through `SafeText`, line by line.
    static func main() {
        TerminalScreen.installCrashHandlers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            guard code != .success, !message.isEmpty else { exit(withError: error) }
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            FileHandleOutput.standardError.write(lines.map { SafeText.sanitize(String($0)) }.joined(separator: "\n") + "\n")
            exit(withError: ExitCode(code.rawValue))
        }
    }

    func validate() throws {
        if let width, width < 1 || width > 10_000 {
            throw ValidationError("--width must be between 1 and 10000, not \(width).")
        }
        if dump && list {
            throw ValidationError("--dump and --list cannot be used together.")
        }
        if config != nil && noConfig {
            throw ValidationError("--config and --no-config cannot be used together.")
        }
    }

    func run() throws {
        let settings = loadSettings()
        let inputs: [IssueInput]
        let isArchive = files.count > 1 || files.contains(where: IssueInput.isDirectory)
        if !isArchive, !dump, !list, isatty(STDOUT_FILENO) != 0, let path = files.first, path != "-",
           let preview = IssueInput.loadPreview(path, repair: settings.repair && !raw) {
            try runWithPreview(preview, path: path, settings: settings)
            return
        }
        if !isArchive, !list, dump || isatty(STDOUT_FILENO) == 0 {
            try runDump(settings: settings)
            return
        }
        do {
            if isArchive {
                // An archive needs the terminal: with --dump, --list or output to a pipe,
                // one issue read is enough to know the input itself is not what to report.
                let needed = dump || list || isatty(STDOUT_FILENO) == 0 ? 1 : Int.max
                var loaded: [IssueInput] = []
                for path in files where loaded.count < needed {
                    loaded += IssueInput.isDirectory(path)
                        ? try IssueInput.loadDirectory(path, limit: needed - loaded.count) {
                            FileHandleOutput.warn($0)
                        }
                        : [try IssueInput.load(path)]
                }
                inputs = loaded
            } else {
                inputs = [try IssueInput.load(files.first)]
            }
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
        if isArchive {
            try runArchive(inputs, settings: settings)
            return
        }
        let input = inputs[0]
        let document = Document(bytes: input.bytes, name: input.name, repair: settings.repair && !raw)
        if list {
            writeList(document)
        } else {
            let status = TerminalApp.run(
                document: document, options: terminalOptions(settings), saver: stateSaver(for: input))
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// `--dump` (or output to a pipe): laid out piece by piece while the file is read.
    private func runDump(settings: Configuration) throws {
        do {
            let stream = try IssueInput.openStream(files.first)
            let columns = width ?? TerminalSize.columns() ?? 80
            do {
                try StreamingDump.write(
                    stream.pieces, firstPiece: stream.firstPiece, name: stream.name, repair: settings.repair && !raw,
                    width: columns, ambiguousWide: ambiguousWide || settings.ambiguousWide
                ) { FileHandleOutput.standardOutput.write(bytes: $0) }
            } catch {
                FileHandleOutput.standardOutput.flush()
                throw IssueInput.Failure(
                    message: "\(SafeText.sanitize(stream.name)): \(IssueInput.errorText(error.code))",
                    exitCode: IssueInput.exitNoInput)
            }
            FileHandleOutput.standardOutput.flush()
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
    }

    /// A large file: the reader opens on its first articles, then reads the whole file.
    private func runWithPreview(_ preview: Document, path: String, settings: Configuration) throws {
        let status = TerminalApp.run(preview: preview, options: terminalOptions(settings)) {
            do {
                let input = try IssueInput.load(path)
                let document = Document(bytes: input.bytes, name: input.name, repair: settings.repair && !raw)
                return .success((document, stateSaver(for: input)))
            } catch let error as IssueInput.Failure {
                return .failure(error)
            } catch {
                return .failure(IssueInput.Failure(message: "\(error)", exitCode: IssueInput.exitNoInput))
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Several issues: the interactive reader on the issue list (no --dump or --list).
    private func runArchive(_ inputs: [IssueInput], settings: Configuration) throws {
        if dump || list || isatty(STDOUT_FILENO) == 0 {
            FileHandleOutput.warn("--dump and --list (and output to a pipe) take one FILE, not a directory or several")
            throw ExitCode(IssueInput.exitUsage)
        }
        let documents = inputs.map { Document(bytes: $0.bytes, name: $0.name, repair: settings.repair && !raw) }
        let name = files.count == 1 ? IssueInput.baseName(of: files[0]) + "/"
            : "\(files.count) files"
        let status = TerminalApp.run(
            issues: documents, archiveName: name, options: terminalOptions(settings),
            savers: inputs.map(stateSaver(for:)))
        if status != 0 { throw ExitCode(status) }
    }

    /// The flags win over the file: --ambiguous-wide, --raw, --no-color (and NO_COLOR).
    private func terminalOptions(_ settings: Configuration) -> TerminalApp.Options {
        let noColorEnv = ProcessEnvironment.value("NO_COLOR").map { !$0.isEmpty } ?? false
        return TerminalApp.Options(
            ambiguousWide: ambiguousWide || settings.ambiguousWide, useColor: !(noColor || noColorEnv),
            colors: settings.colors, bindings: settings.bindings)
    }

    /// The configuration file's settings (--config FILE, or the default file if there is
    /// one; none with --no-config). Its warnings go to stderr now, before any screen.
    private func loadSettings() -> Configuration {
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
    private func stateSaver(for input: IssueInput) -> ReadingStateSaver? {
        guard !noState, let path = input.absolutePath,
              let directory = StateStore.directory(
                xdgStateHome: ProcessEnvironment.value("XDG_STATE_HOME"), home: ProcessEnvironment.value("HOME"))
        else { return nil }
        return ReadingStateSaver(store: StateStore(directory: directory), path: path, source: input.bytes)
    }

    private func writeList(_ document: Document) {
        let output = FileHandleOutput.standardOutput
        for (index, article) in document.articles.enumerated() {
            output.write("\(index + 1)\t\(article.title)\t\(article.sections.count)\n")
        }
        output.flush()
    }
}
