import Dispatch
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The issue files named on the command line for `--search`: a file as it is, a
/// directory's regular files and those of its subdirectories (as `grep -r` reads them),
/// names starting with '.' left out, in byte order, each directory's files before its
/// subdirectories' in name order. A directory met again below itself (a symbolic link to
/// it or to a directory above it) is not walked again: two such links made the walk
/// double at every level, for ever. The archive's issue list (`ArchiveFiles`) walks the
/// same way with `.namesOnly`: it needs no file's size or time.
package enum IssueTree {
    /// What the walk finds out about each file.
    package enum Lookup {
        /// Its size and modification time: a `stat` of every name (what the search index
        /// compares; `--search`).
        case status
        /// Only that it is a regular file: the type `readdir` gives (`d_type`), a `stat`
        /// only for a name whose type it does not say or a symbolic link (the issue list,
        /// `ArchiveFiles`); size and time are left 0.
        case namesOnly
    }

    /// A file found, with what `stat` says of it.
    package struct File {
        /// The path as the command line gave it, with the names below it appended.
        package var path: PathName
        /// Which root (command-line path) it was found under.
        package var root: Int
        /// Its size (0 when walked with `.namesOnly`).
        package var size: Int
        /// Modification time in nanoseconds (0 when walked with `.namesOnly`).
        package var modified: Int64
    }

    /// The files under `roots`, with what `lookup` asks of each; a root that cannot be read
    /// is reported through `warn` and counts as an error (`failed`).
    static func files(
        under roots: [PathName], lookup: Lookup = .status, warn: (String) -> Void
    ) -> (files: [File], failed: Bool) {
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
                let above = [DirectoryIdentity(info)]
                if !walk(root, root: number, lookup: lookup, into: &files, warn: warn, above: above) { failed = true }
            } else {
                files.append(File(path: root, root: number, size: Int(info.st_size), modified: modifiedTime(info)))
            }
        }
        return (files, failed)
    }

    /// A directory as the file system knows it (device and inode), whatever its path.
    private struct DirectoryIdentity: Equatable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Adds the files under the directory `directory` (false when some directory could not
    /// be read); `above` holds it and the directories it is under.
    private static func walk(
        _ directory: PathName, root: Int, lookup: Lookup, into files: inout [File], warn: (String) -> Void,
        above: [DirectoryIdentity]
    ) -> Bool {
        guard let names = directory.withCString({ IssueDirectory.entryNameList($0) }) else {
            warn("\(directory.shown): \(IssueInput.errorText(errno))")
            return false
        }
        // What is kept of each `stat` (not the whole 144 bytes: ten years' worth was
        // 10 MB of fresh pages to fault in).
        var statuses = [Status](repeating: Status(), count: names.count)
        // The names to `stat`: every one for `.status`; for `.namesOnly`, those whose
        // type `readdir` does not give as a regular file or a directory.
        var unknown: [Int]?
        if lookup == .namesOnly {
            var toLookUp: [Int] = []
            for index in 0..<names.count {
                switch Int32(names.type(index)) {
                case Int32(DT_REG): statuses[index].type = S_IFREG
                case Int32(DT_DIR): statuses[index].type = S_IFDIR
                case Int32(DT_UNKNOWN), Int32(DT_LNK): toLookUp.append(index)
                default: break
                }
            }
            unknown = toLookUp
        }
        let count = unknown?.count ?? names.count
        if count > 0 {
            // Each name is looked up in the directory opened once (`fstatat`), not from the
            // root again, a large directory's names on every core: on an archive searched
            // with its index, this is most of the work.
            let descriptor = directory.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            defer { if descriptor >= 0 { close(descriptor) } }
            let parts = count >= 512 ? 8 : 1
            statuses.withUnsafeMutableBufferPointer { statuses in
                nonisolated(unsafe) let statuses = statuses
                let unknown = unknown
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    var info = stat()
                    for position in part * count / parts..<(part + 1) * count / parts {
                        let index = unknown?[position] ?? position
                        let found = descriptor >= 0
                            ? names.withCString(index) { fstatat(descriptor, $0, &info, 0) == 0 }
                            : directory.appending(names[index]).withCString { stat($0, &info) == 0 }
                        if found { statuses[index] = Status(info) }
                    }
                }
            }
        }
        var subdirectories: [(path: PathName, above: [DirectoryIdentity])] = []
        for index in 0..<names.count {
            let status = statuses[index]
            switch status.type {
            case S_IFREG:
                files.append(File(
                    path: directory.appending(names[index]), root: root, size: status.size, modified: status.modified))
            case S_IFDIR:
                // Its identity (a `stat` per directory, not kept for every file): a
                // directory met again below itself is not walked again.
                let path = directory.appending(names[index])
                var info = stat()
                guard path.withCString({ stat($0, &info) }) == 0 else { break }
                let identity = DirectoryIdentity(info)
                if !above.contains(identity) { subdirectories.append((path, above + [identity])) }
            default: break
            }
        }
        guard subdirectories.count > 1 else {
            return subdirectories.allSatisfy {
                walk($0.path, root: root, lookup: lookup, into: &files, warn: warn, above: $0.above)
            }
        }
        // Subdirectories on every core too (one's names are read and sorted while
        // another's are looked up); their files and warnings are then taken in order.
        var walked = [(files: [File], warnings: [String], complete: Bool)](
            repeating: ([], [], true), count: subdirectories.count)
        let directories = subdirectories
        walked.withUnsafeMutableBufferPointer { walked in
            nonisolated(unsafe) let walked = walked
            DispatchQueue.concurrentPerform(iterations: directories.count) { number in
                var found: [File] = []
                var warnings: [String] = []
                let complete = walk(
                    directories[number].path, root: root, lookup: lookup, into: &found, warn: { warnings.append($0) },
                    above: directories[number].above)
                walked[number] = (found, warnings, complete)
            }
        }
        var complete = true
        for subtree in walked {
            files += subtree.files
            subtree.warnings.forEach(warn)
            complete = complete && subtree.complete
        }
        return complete
    }

    /// What the walk keeps of a name's `stat`: its file type (0: not found), size and
    /// modification time.
    private struct Status {
        var type: mode_t = 0
        var size = 0
        var modified: Int64 = 0

        init() {}

        init(_ info: stat) {
            type = info.st_mode & S_IFMT
            size = Int(info.st_size)
            modified = IssueTree.modifiedTime(info)
        }
    }

    /// The modification time of `info` in nanoseconds since 1970.
    static func modifiedTime(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
