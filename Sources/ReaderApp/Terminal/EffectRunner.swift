import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Carries out the effects that `ReaderState.update` returns (ARCHITECTURE.md, "Effects"):
/// the only place where an action of the user reaches programs, files or the clipboard.
/// Each effect's outcome comes back as an action for the state to show (through the
/// status bar, which shows every text through `SafeText`).
struct EffectRunner {
    /// The screen, for effects that hand the terminal to another program meanwhile.
    let screen: TerminalScreen
    /// Where effects that take long run (answered later, through the event loop).
    let background: BackgroundWork
    /// How `/` in an archive's issue list searches (`Effect.searchArchive`).
    var archiveSearch = ArchiveIndexSearch(index: nil, file: { _ in nil }, read: { _ in nil })
    /// How `Effect.copy` reaches the clipboard (the `clipboard` setting).
    var clipboard = ClipboardCopy()
    /// The configured `browser` command (nil: `$BROWSER`, else `xdg-open`).
    var browser: [String]? = nil

    /// Carries out `effect`; returns the action that reports its outcome, if any.
    func run(_ effect: Effect) -> Action? {
        switch effect {
        case .reloadFeeds, .openIssue:
            // Not carried out here: they replace the whole state, which the app owns
            // (`TerminalApp.reloadFeeds`, `TerminalApp.openIssue`).
            return nil
        case .prepareSearch(let requests):
            background.prepareSearch(requests)
            return nil
        case .searchArchive(let request):
            background.searchArchive(request, with: archiveSearch)
            return nil
        case .copy(let text, let what):
            return .effectFinished(clipboard.copy(text, what: what))
        case .openLink(let url):
            return .effectFinished(openLink(url))
        case .saveArticle(let path, let text, let replacing):
            return save(text, to: path, replacing: replacing)
        case .pipeArticle(let command, let text):
            return .effectFinished(pipe(text, to: command))
        }
    }

    /// Opens `url` with the browser command, the terminal handed over until it ends;
    /// what the status bar then says. Only `http`, `https` and `mailto` URLs are opened
    /// (checked again here, whatever the state asked for).
    private func openLink(_ url: String) -> String {
        guard LinkTarget.isOpenable(url) else { return "not opened: only http, https and mailto links are opened" }
        let environment = ["BROWSER": ProcessEnvironment.value("BROWSER")].compactMapValues { $0 }
        let arguments = BrowserCommand.arguments(configured: browser, environment: environment, url: url)
        switch ExternalProgram.run(arguments, screen: screen) {
        case .success(let outcome):
            let program = arguments[0]
            return outcome.status == 0 ? "opened \(url)" : "\(program) ended with status \(outcome.status)"
        case .failure(let failure):
            return failure.message
        }
    }

    /// Writes `text` to `path` atomically (a leading `~/` is the home directory); an
    /// existing file is only replaced when `replacing`, otherwise the state is asked to
    /// confirm.
    private func save(_ text: String, to path: String, replacing: Bool) -> Action {
        var target = path
        if target.hasPrefix("~/"), let home = ProcessEnvironment.value("HOME"), !home.isEmpty {
            target = home + target.dropFirst()
        }
        do {
            let pending = try AtomicFile.prepare(Array(text.utf8), for: target, mode: 0o666)
            if replacing {
                try pending.commit()
            } else if try !pending.commitUnlessExists() {
                return .confirmOverwrite(path: path, text: text)
            }
            return .effectFinished("saved to \(path)")
        } catch {
            return .effectFinished("not saved: \(error.reason)")
        }
    }

    /// Runs `command` with `/bin/sh -c` (typed by the user, so a shell is what is asked
    /// for), `text` on its standard input and the terminal handed over; Enter brings
    /// Reader back. Returns "| COMMAND: exit N" (a long command cut to 16 characters).
    private func pipe(_ text: String, to command: String) -> String {
        // A long command is cut in the middle of the message, so that the status shows.
        let shown = command.count <= 16 ? command : command.prefix(8) + "..." + command.suffix(5)
        switch ExternalProgram.run(["/bin/sh", "-c", command], input: Array(text.utf8), pauseAfter: true, screen: screen) {
        case .success(let outcome):
            return "| \(shown): exit \(outcome.status)"
        case .failure(let failure):
            return "| \(shown): \(failure.message)"
        }
    }
}
