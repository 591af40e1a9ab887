import Foundation
import Testing

/// --help, --version, completion scripts, the man page and the README agree.
@Suite struct ShellFitTests {
    /// Every `--option` name in `text`.
    static func options(in text: String) -> Set<String> {
        Set(text.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
    }

    /// Every option of a man page: mdoc writes `--name` as `Fl -name`.
    static func manOptions(in text: String) -> Set<String> {
        Set(text.matches(of: /Fl -([a-z][a-z-]+)/).map { "--" + String($0.output.1) })
    }

    /// The OPTIONS section of `reader --help`.
    static let helpOptions: Set<String> = {
        let help = ReaderBinary.run(["--help"]).standardOutput
        guard let range = help.range(of: "\nOPTIONS:\n") else { return [] }
        return options(in: String(help[range.upperBound...]))
    }()

    @Test func helpShowsUsageExamplesAndExitCodes() {
        let help = ReaderBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains(
            // Too long for one line with every option, so the argument parser shortens it.
            "USAGE: reader [<options>] [<FILE> ...]\n"))
        #expect(help.standardOutput.contains("  reader ~/papers/                             browse an archive of issues\n"))
        #expect(help.standardOutput.contains("Exit status: 0 success; 64 usage error; 65 not a text file (binary, compressed,"))
        #expect(help.standardOutput.contains("74 cannot write the output."))
        #expect(ShellFitTests.helpOptions == [
            "--dump", "--width", "--links", "--list", "--search", "--no-index", "--raw", "--convert", "--ambiguous-width",
            "--ambiguous-wide", "--line-break",
            "--no-state", "--no-color", "--config", "--no-config", "--fetch", "--import-opml", "--export-opml", "--version",
            "--help",
        ])
    }

    @Test func versionIsTheReleaseAndTheGitDescribe() throws {
        let output = ReaderBinary.run(["--version"]).standardOutput
        let pattern = try Regex("^0\\.1\\.0( \\([A-Za-z0-9._+-]+\\))?\n$")
        #expect(output.wholeMatch(of: pattern) != nil, "\(output)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameTheOptions(shell: String) {
        let result = ReaderBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        for option in ShellFitTests.helpOptions.subtracting(["--version", "--help"]) {
            // fish writes `-l 'no-state'`; bash and zsh write `--no-state`.
            let spelled = shell == "fish" ? "-l '\(option.dropFirst(2))'" : option
            #expect(result.standardOutput.contains(spelled), "\(shell): \(option)")
        }
    }

    @Test func manPageAndReadmeAgreeWithHelp() throws {
        let manual = ReaderBinary.readFile(ReaderBinary.packageRoot + "/reader.1")
        #expect(!manual.isEmpty, "reader.1 is missing: run make man")
        #expect(ShellFitTests.manOptions(in: manual) == ShellFitTests.helpOptions)
        // The man page carries each option's help text as --help shows it (it is current).
        let dump = ReaderBinary.run(["--experimental-dump-help"]).standardOutput
        let info = try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any]
        let command = info?["command"] as? [String: Any]
        let arguments = command?["arguments"] as? [[String: Any]] ?? []
        #expect(arguments.count >= 9)
        for argument in arguments {
            if let abstract = argument["abstract"] as? String {
                #expect(manual.contains(abstract), "\(abstract)")
            }
        }
        let readme = ReaderBinary.readFile(ReaderBinary.packageRoot + "/README.md")
        guard let table = readme.range(of: "| option | what it does |"),
              let end = readme.range(of: "\n\n", range: table.upperBound..<readme.endIndex)
        else {
            Issue.record("README.md has no options table")
            return
        }
        let documented = ShellFitTests.options(in: String(readme[table.upperBound..<end.lowerBound]))
        #expect(documented == ShellFitTests.helpOptions.union(["--generate-completion-script"]))
    }
}
