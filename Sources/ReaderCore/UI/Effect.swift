/// Work outside the state that an action asks for: running a program, writing a file,
/// the clipboard. `ReaderState.update(_:_:)` returns the effects of an action; the terminal
/// app carries them out (`EffectRunner`) and answers with an action (`.effectFinished`)
/// where the user should see the outcome. The state itself never does I/O
/// (ARCHITECTURE.md, "Effects").
///
/// Each feature adds its case here, its handling in `EffectRunner`, and a unit test that
/// the action returns exactly that effect.
public enum Effect: Hashable, Sendable {
    /// Fetch the subscribed feeds again (`R`); the app then opens the issues anew, with
    /// their saved states (`TerminalApp`, which owns the state it replaces).
    case reloadFeeds
    /// Open the issue file at `path` in place of the open issues, with its saved state, and
    /// show the article of `position` (`B` on a bookmark of an issue not open in this run;
    /// `TerminalApp`, which owns the state it replaces, then calls `showBookmark(at:)`).
    case openIssue(path: String, position: ReadingPosition)
    /// Build these search indexes off the main thread and answer with `.searchPrepared`
    /// (the event loop is woken when they are built; nothing polls).
    case prepareSearch([SearchIndexRequest])
    /// Search every issue of the archive for a query with the persistent index (`/` in
    /// the issue list); the app answers with `.archiveHits` as the hits come.
    case searchArchive(ArchiveSearchRequest)
    /// Put `text` on the clipboard (OSC 52, or the configured `clipboard` program);
    /// `what` names it for the status line ("paragraph", "article").
    case copy(text: String, what: String)
    /// Open a link (an `http`, `https` or `mailto` URL, `LinkTarget.isOpenable`) with the
    /// configured browser, the terminal handed over while it runs.
    case openLink(String)
    /// Write `text` to the file at `path` (atomically); an existing file only when
    /// `replacing` (otherwise the runner answers `.confirmOverwrite`).
    case saveArticle(path: String, text: String, replacing: Bool)
    /// Run `command` with `/bin/sh -c` (the user typed it), `text` on its standard input,
    /// the terminal handed over meanwhile.
    case pipeArticle(command: String, text: String)
}
