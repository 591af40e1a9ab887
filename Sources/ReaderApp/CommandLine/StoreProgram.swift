import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `reader-store`, the executable with the feed store and the search index, which `reader`
/// becomes (`execv`, the same arguments and environment) for the commands that need them
/// (ARCHITECTURE.md, "Start-up"). It is found from `/proc/self/exe`: beside `reader` (the
/// build directory), else in `../libexec/reader/` (`make install`, the Debian package).
enum StoreProgram {
    static let name = "reader-store"
    /// The exit status when it cannot be run (as a shell's "command not found").
    static let exitNotFound: Int32 = 127

    /// Where to look for it, first first, given the running program's path (bytes: a
    /// directory name need not be UTF-8).
    static func candidates(executable: [UInt8]) -> [[UInt8]] {
        guard let slash = executable.lastIndex(of: UInt8(ascii: "/")) else { return [] }
        let directory = Array(executable[...slash])
        return [directory + Array(name.utf8), directory + Array("../libexec/reader/\(name)".utf8)]
    }

    /// Replaces this process with `reader-store` and the same arguments; never returns:
    /// when it cannot be run, says so in one line and exits with `exitNotFound`.
    static func replaceProcess() -> Never {
        let executable = runningExecutable()
        let paths = candidates(executable: executable).map { $0.map { CChar(bitPattern: $0) } + [0] }
        guard let found = paths.first(where: { access($0, X_OK) == 0 }) else {
            let shown = executable.isEmpty ? "reader" : String(decoding: executable, as: UTF8.self)
            FileHandleOutput.warn("\(name) is not installed beside \(shown) (the feeds and the search index need it)")
            exit(exitNotFound)
        }
        FileHandleOutput.standardOutput.flush()
        FileHandleOutput.standardError.flush()
        execv(found, CommandLine.unsafeArgv)
        let reason = String(cString: strerror(errno))
        FileHandleOutput.warn("cannot run \(String(decoding: found.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)): \(reason)")
        exit(exitNotFound)
    }

    /// The running program's path (`/proc/self/exe`; empty when it cannot be read).
    private static func runningExecutable() -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return [] }
        return buffer[..<length].map { UInt8(bitPattern: $0) }
    }
}
