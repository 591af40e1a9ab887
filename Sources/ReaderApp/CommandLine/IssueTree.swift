import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The issue files named on the command line for `--search`: a file as it is, a
/// directory's regular files and those of its subdirectories (as `grep -r` reads them),
/// names starting with '.' left out, in byte order, each directory's files before its
/// subdirectories' in name order.
package enum IssueTree {
    /// A file found, with what `stat` says of it.
    package struct File {
        /// The path as the command line gave it, with the names below it appended.
        package var path: PathName
        /// Which root (command-line path) it was found under.
        package var root: Int
        package var size: Int
        /// Modification time in nanoseconds.
        package var modified: Int64
    }

    /// The files under `roots`; a root that cannot be read is reported through `warn`
    /// and counts as an error (`failed`).
    static func files(under roots: [PathName], warn: (String) -> Void) -> (files: [File], failed: Bool) {
        var files: [File] = []
        var failed = false
        for (number, root) in roots.enumerated() {
            var info = stat()
            guard root.withCString({ stat($0, &info) }) == 0 else {
                warn("\(root.shown): \(IssueInput.errorText(errno))")
                failed = true
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                if !walk(root, root: number, into: &files, warn: warn) { failed = true }
            } else {
                files.append(File(path: root, root: number, size: Int(info.st_size), modified: modifiedTime(info)))
            }
        }
        return (files, failed)
    }

    /// Adds the files under the directory `directory` (false when some directory could not be read).
    private static func walk(_ directory: PathName, root: Int, into files: inout [File], warn: (String) -> Void) -> Bool {
        guard let names = directory.withCString({ IssueDirectory.entryNameBytes($0) }) else {
            warn("\(directory.shown): \(IssueInput.errorText(errno))")
            return false
        }
        // Each name is looked up in the directory opened once (`fstatat`), not from the root again.
        let descriptor = directory.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { if descriptor >= 0 { close(descriptor) } }
        var subdirectories: [PathName] = []
        for name in names {
            let path = directory.appending(name)
            var info = stat()
            let found = descriptor >= 0
                ? PathName(bytes: name).withCString { fstatat(descriptor, $0, &info, 0) }
                : path.withCString { stat($0, &info) }
            guard found == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: files.append(File(path: path, root: root, size: Int(info.st_size), modified: modifiedTime(info)))
            case S_IFDIR: subdirectories.append(path)
            default: break
            }
        }
        var complete = true
        for subdirectory in subdirectories where !walk(subdirectory, root: root, into: &files, warn: warn) {
            complete = false
        }
        return complete
    }

    /// The modification time of `info` in nanoseconds since 1970.
    static func modifiedTime(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
