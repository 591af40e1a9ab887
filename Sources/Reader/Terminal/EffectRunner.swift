import ReaderCore

/// Carries out the effects that `ReaderState.update` returns (ARCHITECTURE.md, "Effects"):
/// the only place where an action of the user reaches programs, files or the clipboard.
/// Each effect's outcome comes back as an action for the state to show.
struct EffectRunner {
    /// The screen, for effects that hand the terminal to another program meanwhile.
    let screen: TerminalScreen
    /// The configured `browser` command (nil: `$BROWSER`, else `xdg-open`).
    var browser: [String]? = nil

    /// Carries out `effect`; returns the action that reports its outcome, if any.
    func run(_ effect: Effect) -> Action? {
        switch effect {
        case .openLink(let url):
            return .effectFinished(openLink(url))
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
}
