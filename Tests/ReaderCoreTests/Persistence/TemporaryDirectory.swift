#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp, removed with everything in it by `remove()`.
struct TemporaryDirectory {
    let path: String

    /// Creates a new directory.
    init() {
        var template = Array("/tmp/reader-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp/reader-test-\(getpid())" }
            return String(cString: made)
        }
    }

    func remove() {
        _ = system("rm -rf '\(path)'")
    }

    /// Writes `text` to `name` inside the directory, not atomically (as a foreign writer would).
    func write(_ name: String, _ text: String) {
        guard let file = fopen(path + "/" + name, "wb") else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
        fclose(file)
    }

    /// The names in the directory, sorted, without . and ..
    func entries() -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
