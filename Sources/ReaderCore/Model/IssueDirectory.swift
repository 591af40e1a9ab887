#if canImport(Glibc)
import Glibc
#endif

/// A directory of issues (an archive): what `reader DIR` opens.
public enum IssueDirectory {
    /// The names of the entries of `path` whose name does not start with '.', sorted by
    /// name in byte order (the order of the issue list); nil when the directory cannot be
    /// opened (`errno` says why).
    public static func entryNames(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
