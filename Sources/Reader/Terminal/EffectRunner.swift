import ReaderCore

/// Carries out the effects that `ReaderState.update` returns (ARCHITECTURE.md, "Effects"):
/// the only place where an action of the user reaches programs, files or the clipboard.
/// Each effect's outcome comes back as an action for the state to show.
struct EffectRunner {
    /// The screen, for effects that hand the terminal to another program meanwhile.
    let screen: TerminalScreen

    /// Carries out `effect`; returns the action that reports its outcome, if any.
    func run(_ effect: Effect) -> Action? {
        switch effect {}
    }
}
