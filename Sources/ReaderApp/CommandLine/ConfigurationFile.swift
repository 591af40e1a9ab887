import ReaderConfig
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Finds and reads the configuration file (README "Configuration").
enum ConfigurationFile {
    /// Larger files are not read (a settings file is a few hundred bytes; the TOML
    /// reader's time and memory grow with the file).
    static let sizeLimit = 64 << 10

    /// `$XDG_CONFIG_HOME/reader/config.toml` (an absolute XDG_CONFIG_HOME only, as the
    /// XDG spec says), else `~/.config/reader/config.toml`; nil without either.
    static func defaultPath(xdgConfigHome: String?, home: String?) -> String? {
        if let xdg = xdgConfigHome, xdg.hasPrefix("/") { return trimmed(xdg) + "/reader/config.toml" }
        if let home, !home.isEmpty { return trimmed(home) + "/.config/reader/config.toml" }
        return nil
    }

    /// The configuration in the file at `path`, and warnings ("FILE:LINE: reason").
    /// A missing file is no warning unless it was named with --config (`required`).
    static func load(path: String, required: Bool) -> (configuration: Configuration, warnings: [String]) {
        let shown = SafeText.sanitize(path)
        let defaults = "using the default settings"
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT && !required { return (Configuration(), []) }
            return (Configuration(), ["\(shown): \(IssueInput.errorText(code)); \(defaults)"])
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return (Configuration(), ["\(shown): not a regular file; \(defaults)"])
        }
        guard info.st_size <= sizeLimit else {
            return (Configuration(), ["\(shown): larger than 64 KiB, not a settings file; \(defaults)"])
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return (Configuration(), ["\(shown): \(IssueInput.errorText(errno)); \(defaults)"])
        }
        defer { close(descriptor) }
        let bytes: [UInt8]
        do {
            bytes = try IssueInput.readAll(descriptor, name: shown)
        } catch let failure as IssueInput.Failure {
            return (Configuration(), ["\(failure.message); \(defaults)"])
        } catch {
            return (Configuration(), ["\(shown): cannot be read; \(defaults)"])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (Configuration(), ["\(shown): not UTF-8 text; \(defaults)"])
        }
        return ConfigurationParser.parse(text: text, fileName: shown)
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
