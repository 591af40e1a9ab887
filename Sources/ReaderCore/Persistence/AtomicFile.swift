#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and crash-safe writes, with plain POSIX calls.
///
/// A write goes to a new temporary file in the same directory, is flushed to disk
/// (`fsync`), then renamed over the target: `rename` within one file system is atomic,
/// so a reader of the target sees the old content or the new, never a mix, even when
/// the writer is killed half-way.
public enum AtomicFile {
    /// A failed file operation: the path and the system's reason.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let path: String
        public let reason: String
        /// The `errno` value (0 when the failure is not a system call's).
        public var code: Int32 = 0
        public var description: String { "\(path): \(reason)" }
    }

    /// A temporary file written and synced but not yet renamed over its target.
    public struct Pending: Sendable {
        public let temporaryPath: String
        public let targetPath: String

        /// Renames the temporary file over the target (and syncs the directory).
        public func commit() throws(Failure) {
            guard rename(temporaryPath, targetPath) == 0 else {
                let failure = AtomicFile.failure(targetPath)
                unlink(temporaryPath)
                throw failure
            }
            AtomicFile.syncDirectory(of: targetPath)
        }

        /// Puts the temporary file at the target only when no file is there: false (and
        /// the temporary file removed) when one is. `link` makes the check and the write
        /// one step; where the file system has no hard links, a check then `rename`.
        public func commitUnlessExists() throws(Failure) -> Bool {
            if link(temporaryPath, targetPath) == 0 {
                unlink(temporaryPath)
                AtomicFile.syncDirectory(of: targetPath)
                return true
            }
            let code = errno
            var status = stat()
            if code == EEXIST || lstat(targetPath, &status) == 0 {
                unlink(temporaryPath)
                return false
            }
            try commit()
            return true
        }

        /// Removes the temporary file without touching the target.
        public func discard() { unlink(temporaryPath) }
    }

    /// Writes `bytes` to `path` atomically, creating missing parent directories.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try prepare(bytes, for: path).commit()
    }

    /// The first half of `write`: the temporary file, complete and synced. Tests use it
    /// to stop where a killed writer would have stopped.
    /// `mode` is the new file's (the umask applies): 0600 for the reader's own state.
    public static func prepare(_ bytes: [UInt8], for path: String, mode: mode_t = 0o600) throws(Failure) -> Pending {
        try makeDirectories(directory(of: path))
        let temporary = temporaryName(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure(temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure(temporary)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let error = failure(temporary)
            unlink(temporary)
            throw error
        }
        return Pending(temporaryPath: temporary, targetPath: path)
    }

    /// The bytes of the file at `path`, which must be a regular file of ours no larger
    /// than `limit` bytes. A state file is written only by the reader, so anything else is
    /// refused before it is read: a symbolic link (`O_NOFOLLOW`: one to /dev/zero would
    /// never end), a FIFO (`O_NONBLOCK` and `fstat`: opening one would wait for a writer
    /// before any screen), a device, another user's file, or a huge file.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw Failure(path: path, reason: "a symbolic link, not a state file", code: ELOOP) }
            throw failure(path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: path, reason: "not a regular file", code: EINVAL)
        }
        guard info.st_uid == geteuid() else {
            throw Failure(path: path, reason: "owned by another user", code: EPERM)
        }
        guard info.st_size <= limit else {
            throw Failure(path: path, reason: "larger than \(limit) bytes", code: EFBIG)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            bytes.append(contentsOf: buffer[0..<count])
            // The file grew after fstat.
            if bytes.count > limit { throw Failure(path: path, reason: "larger than \(limit) bytes", code: EFBIG) }
        }
        return bytes
    }

    /// Creates `path` and its missing parents (mode 0700, as XDG asks for state).
    public static func makeDirectories(_ path: String) throws(Failure) {
        guard !path.isEmpty else { return }
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw Failure(path: path, reason: "not a directory")
        }
        let parent = directory(of: path)
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw failure(path) }
    }

    /// The directory part of `path` ("." for a bare name, "/" for the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }

    /// A name next to `path` that no other writer uses: hidden, with the process id and a random part.
    static func temporaryName(for path: String) -> String {
        let directory = directory(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? "state"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(directory)/.\(base).tmp-\(getpid())-\(random)"
    }

    /// Whether `name` (a file name without its directory) is one `temporaryName` makes
    /// for a target named `base`-something ending in `suffix`.
    static func isTemporaryName(_ name: String, targetSuffix suffix: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.firstRange(of: ".tmp-") else { return false }
        return name[..<marker.lowerBound].hasSuffix(suffix)
    }

    /// Removes the temporary files that writers killed half-way (SIGKILL, a power cut)
    /// left in `directory` for targets ending in `suffix`, once they are older than
    /// `age` seconds (a live writer renames its file within moments). Returns how many.
    @discardableResult
    public static func removeStaleTemporaryFiles(in directory: String, targetSuffix suffix: String, age: Int) -> Int {
        guard let listing = opendir(directory) else { return 0 }
        defer { closedir(listing) }
        let descriptor = dirfd(listing)
        let now = time(nil)
        var removed = 0
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard isTemporaryName(name, targetSuffix: suffix) else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG,
                  info.st_uid == geteuid(), now - info.st_mtim.tv_sec > age
            else { continue }
            if unlinkat(descriptor, name, 0) == 0 { removed += 1 }
        }
        return removed
    }

    static func syncDirectory(of path: String) {
        let descriptor = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func failure(_ path: String) -> Failure {
        let code = errno
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return Failure(path: path, reason: reason, code: code)
    }
}
