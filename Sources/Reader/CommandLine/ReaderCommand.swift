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
            standard input. When standard output is not a terminal, --dump is implied.

            Examples:
              reader seeds/000_87085fd43abf9c5f.txt       read an issue
              reader --list issue.txt                      list the articles
              reader --dump --width 40 issue.txt | less    lay out for a pipe
              cat issue.txt | reader -                     read from standard input
            """,
        version: ReaderVersion.current
    )

    @Argument(help: ArgumentHelp("The issue to read, or '-' for standard input.", valueName: "FILE"))
    var file: String?

    @Flag(help: "Print the laid-out text instead of opening the reader.")
    var dump = false

    @Option(help: ArgumentHelp("Columns for --dump (default: the terminal's width, or 80).", valueName: "N"))
    var width: Int?

    @Flag(help: "Print one line per article: number, title and section count, separated by tabs.")
    var list = false

    @Flag(help: "Show the text as it is, without joining paragraphs cut by page breaks.")
    var raw = false

    @Flag(help: "Give East Asian ambiguous-width characters (“ ” · — …) two columns, as CJK-locale terminals do.")
    var ambiguousWide = false

    @Flag(help: "Use no colors, only bold, underline and reverse (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if let width, width < 1 || width > 10_000 {
            throw ValidationError("--width must be between 1 and 10000, not \(width).")
        }
        if dump && list {
            throw ValidationError("--dump and --list cannot be used together.")
        }
    }

    func run() throws {
        let input: IssueInput
        do {
            input = try IssueInput.load(file)
        } catch let error as IssueInput.Failure {
            FileHandleOutput.standardError.write("reader: \(error.message)\n")
            throw ExitCode(error.exitCode)
        }
        let document = Document(source: input.bytes, name: input.name, repair: !raw)
        if list {
            writeList(document)
        } else if dump || isatty(STDOUT_FILENO) == 0 {
            let columns = width ?? TerminalSize.columns() ?? 80
            DocumentDump.writeBytes(document, width: columns, ambiguousWide: ambiguousWide) {
                FileHandleOutput.standardOutput.write(bytes: $0)
            }
            FileHandleOutput.standardOutput.flush()
        } else {
            let noColorEnv = ProcessEnvironment.value("NO_COLOR").map { !$0.isEmpty } ?? false
            let options = TerminalApp.Options(
                ambiguousWide: ambiguousWide, useColor: !(noColor || noColorEnv))
            let status = TerminalApp.run(document: document, options: options)
            if status != 0 { throw ExitCode(status) }
        }
    }

    private func writeList(_ document: Document) {
        let output = FileHandleOutput.standardOutput
        for (index, article) in document.articles.enumerated() {
            output.write("\(index + 1)\t\(article.title)\t\(article.sections.count)\n")
        }
        output.flush()
    }
}
