import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Saving and loading reading states on disk: locations, round trip, atomic writes,
/// and damaged or unreadable files (ignored with a warning, never a crash).
@Suite struct StateStoreTests {
    let documentPath = "/home/reader/papers/000_87085fd43abf9c5f.txt"
    let hash: UInt64 = 0x8708_5fd4_3abf_9c5f
    let first = ReadingState(contentHash: 0x8708_5fd4_3abf_9c5f, screen: .article, article: 3, offset: 4000, read: [0, 3])
    let second = ReadingState(contentHash: 0x8708_5fd4_3abf_9c5f, screen: .list, article: 5, offset: 9000, read: [0, 3, 5])

    @Test func directoryFollowsXDGThenHome() {
        #expect(StateStore.directory(xdgStateHome: "/x/state/", home: "/home/a") == "/x/state/reader")
        #expect(StateStore.directory(xdgStateHome: nil, home: "/home/a") == "/home/a/.local/state/reader")
        // A relative XDG_STATE_HOME is invalid by the spec and ignored.
        #expect(StateStore.directory(xdgStateHome: "state", home: "/home/a") == "/home/a/.local/state/reader")
        #expect(StateStore.directory(xdgStateHome: "", home: "") == nil)
        #expect(StateStore.directory(xdgStateHome: nil, home: "/") == "/.local/state/reader")
    }

    @Test func fileNameIsPathHashThenContentHash() {
        let store = StateStore(directory: "/s")
        let name = store.file(forPath: documentPath, contentHash: hash)
        #expect(name == "/s/" + FNV1a.hex(FNV1a.hash(documentPath)) + "87085fd43abf9c5f.state")
        #expect(store.file(forPath: documentPath + "x", contentHash: hash) != name)
        #expect(store.file(forPath: documentPath, contentHash: hash ^ 1) != name)
    }

    @Test func roundTripCreatesTheDirectory() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path + "/deep/reader")
        #expect(store.load(path: documentPath, contentHash: hash) == .none)
        try store.save(first, path: documentPath)
        #expect(store.load(path: documentPath, contentHash: hash) == .state(first))
        try store.save(second, path: documentPath)
        #expect(store.load(path: documentPath, contentHash: hash) == .state(second))
        // Only the state file: no temporary files left behind.
        #expect(TemporaryDirectory(existing: temporary.path + "/deep/reader").entries()
            == [FNV1a.hex(FNV1a.hash(documentPath)) + "87085fd43abf9c5f.state"])
        // Other content of the same path starts afresh.
        #expect(store.load(path: documentPath, contentHash: hash ^ 1) == .none)
    }

    /// A writer killed after writing its temporary file but before the rename (the only
    /// window in which it can die with a file half-done) leaves the old state intact.
    @Test func killedWriteLeavesTheOldStateIntact() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        try store.save(first, path: documentPath)
        let target = store.file(forPath: documentPath, contentHash: hash)
        // Killed before the rename, with a complete temporary file …
        let pending = try AtomicFile.prepare(Array(second.encoded().utf8), for: target)
        #expect(store.load(path: documentPath, contentHash: hash) == .state(first))
        // … and with a temporary file cut short, as if killed during the write.
        temporary.write("." + (target.split(separator: "/").last.map(String.init) ?? "") + ".tmp-1-dead", "reader-state 1\nhash 8708")
        #expect(store.load(path: documentPath, contentHash: hash) == .state(first))
        #expect(temporary.entries().count == 3)
        // The next run writes over the target as usual.
        pending.discard()
        try store.save(second, path: documentPath)
        #expect(store.load(path: documentPath, contentHash: hash) == .state(second))
    }

    /// A real process killed with SIGKILL while it rewrites a large state again and
    /// again: the file always decodes to one complete state.
    @Test func sigkillDuringRepeatedWritesNeverLeavesAPartialFile() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let target = temporary.path + "/big.state"
        let big = ReadingState(contentHash: hash, screen: .list, article: 1, offset: 2, read: Set(0..<200_000))
        try AtomicFile.write(Array(first.encoded().utf8), to: target)
        let child = fork()
        if child == 0 {
            // The child only makes system calls on memory prepared before the fork.
            let bytes = Array(big.encoded().utf8)
            while true { try? AtomicFile.write(bytes, to: target) }
        }
        #expect(child > 0)
        usleep(300_000)
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        let decoded = try ReadingState.decode(AtomicFile.read(target, limit: StateStore.sizeLimit))
        #expect(decoded == first || decoded == big)
    }

    @Test func corruptFileIsIgnoredWithAWarning() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let target = store.file(forPath: documentPath, contentHash: hash)
        let name = target.split(separator: "/").last.map(String.init) ?? ""
        temporary.write(name, "reader-state 1\nhash 87085fd43abf9c5f\nscreen list\narticle zz\noffset 0\nread\nend\n")
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "reading state \(target) is corrupt (bad article 'zz'); starting afresh"))
        temporary.write(name, "\u{0}\u{1}garbage")
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "reading state \(target) is corrupt (not a reader state file); starting afresh"))
        // A state whose recorded hash does not match is not applied.
        temporary.write(name, ReadingState(contentHash: 7, screen: .list, article: 0, offset: 0, read: []).encoded())
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "reading state \(target) belongs to other content; starting afresh"))
        // Saving over a corrupt file works.
        try store.save(first, path: documentPath)
        #expect(store.load(path: documentPath, contentHash: hash) == .state(first))
    }

    @Test func unreadableFileIsIgnoredWithAWarning() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let target = store.file(forPath: documentPath, contentHash: hash)
        // A directory where the file should be: reading it fails for root too.
        mkdir(target, 0o700)
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "cannot read the reading state \(target): not a regular file; starting afresh"))
        #expect(throws: AtomicFile.Failure.self) { try store.save(first, path: documentPath) }
    }

    /// A FIFO at the state path used to hang the reader before any screen (open waited
    /// for a writer); a symbolic link to /dev/zero used to read until memory ran out; a
    /// 39 MB file to keep the screen blank for 4 s. Each is refused without reading it.
    @Test func fifoSymlinkAndHugeStateFilesAreRefused() {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let target = store.file(forPath: documentPath, contentHash: hash)
        #expect(mkfifo(target, 0o600) == 0)
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "cannot read the reading state \(target): not a regular file; starting afresh"))
        unlink(target)
        #expect(symlink("/dev/zero", target) == 0)
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "cannot read the reading state \(target): a symbolic link, not a state file; starting afresh"))
        unlink(target)
        let name = target.split(separator: "/").last.map(String.init) ?? ""
        temporary.write(name, first.encoded() + String(repeating: "x", count: StateStore.sizeLimit))
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "cannot read the reading state \(target): larger than 16777216 bytes; starting afresh"))
    }

    /// A `kill -9` during a save leaves its temporary file forever; such files (by their
    /// name, ours, older than 10 minutes) are removed, a fresh one (a live writer's) and
    /// other files are not.
    @Test func staleTemporaryFilesAreRemoved() {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        let stale = ".0123456789abcdef0123456789abcdef.state.tmp-4242-beef"
        let fresh = ".fedcba9876543210fedcba9876543210.state.tmp-4243-cafe"
        let other = ".notes.tmp-1-2"
        for name in [stale, fresh, other, "kept.state"] { temporary.write(name, "x") }
        var old = [timespec(tv_sec: time(nil) - 3_600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3_600, tv_nsec: 0)]
        for name in [stale, other, "kept.state"] { utimensat(AT_FDCWD, temporary.path + "/" + name, &old, 0) }
        #expect(store.removeStaleTemporaryFiles() == 1)
        #expect(temporary.entries() == [fresh, other, "kept.state"].sorted())
    }

    /// A state file that another user owns is not trusted (checked where the tests can
    /// give a file away, as root).
    @Test func stateFileOfAnotherUserIsRefused() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = StateStore(directory: temporary.path)
        try store.save(first, path: documentPath)
        let target = store.file(forPath: documentPath, contentHash: hash)
        guard geteuid() == 0, chown(target, 65_534, 65_534) == 0 else { return }
        #expect(store.load(path: documentPath, contentHash: hash)
            == .ignored(warning: "cannot read the reading state \(target): owned by another user; starting afresh"))
    }
}

extension TemporaryDirectory {
    /// An existing directory (not removed by anyone but its creator).
    init(existing path: String) { self.path = path }
}
