#if canImport(Glibc)
import Glibc
#endif

/// Starting another program, for every effect that runs one (`ExternalProgram`: a browser
/// or a pipe command with the terminal handed over; `ClipboardCopy`: a clipboard program):
/// `posix_spawnp` from an argument vector, never through a shell, with the signal mask
/// cleared and every signal at its default, as `exec` after a fresh `fork` in a shell
/// would have them (Reader's own handlers and masks are not the child's).
enum ChildProcess {
    /// Starts `arguments` (the first looked up in `PATH`) with the file actions `actions`;
    /// the child's pid, or the error number of the failure.
    static func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t) -> Result<pid_t, SpawnError> {
        guard let program = arguments.first else { return .failure(SpawnError(number: EINVAL)) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, &attributes, &argv, Glibc.environ)
        return spawned == 0 ? .success(pid) : .failure(SpawnError(number: spawned))
    }

    /// Why a program could not be started (an `errno` value).
    struct SpawnError: Error {
        let number: Int32
        /// The system's words for it ("No such file or directory").
        var reason: String { String(cString: strerror(number)) }
    }

    /// A `waitpid` status as a shell gives it: the exit status, or 128 + the signal that
    /// ended the program.
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Writes all of `bytes` to `descriptor` (retrying after signals); false when the
    /// descriptor takes no more (a full disk, or a pipe whose reader is gone: callers that
    /// write to a pipe ignore `SIGPIPE` meanwhile).
    @discardableResult
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, base + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return false }
            written += count
        }
        return true
    }
}
