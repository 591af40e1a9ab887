/// The program a link is opened with, as an argument vector (ARCHITECTURE.md, "Links"):
/// the configured `browser`, else `$BROWSER`, else `xdg-open`. It is run without a shell,
/// so the URL is one argument whatever it holds.
public enum BrowserCommand {
    /// The arguments that open `url`: each `%s` in the command replaced by the URL, or
    /// the URL added as the last argument. `$BROWSER` may list several commands separated
    /// by `:` (the first is used) and is split at spaces (no quoting: it is not a shell line).
    public static func arguments(configured: [String]?, environment: [String: String], url: String) -> [String] {
        var command = configured ?? []
        if command.isEmpty, let browser = environment["BROWSER"] {
            let first = browser.split(separator: ":", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            command = first.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        if command.isEmpty { command = ["xdg-open"] }
        guard command.dropFirst().contains(where: { $0.contains("%s") }) else { return command + [url] }
        return [command[0]] + command.dropFirst().map { $0.replacing("%s", with: url) }
    }
}
