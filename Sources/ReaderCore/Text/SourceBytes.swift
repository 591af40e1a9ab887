#if canImport(Glibc)
import Glibc
#endif

/// The raw bytes of an issue, read-only: a file read straight into one allocation, or a
/// copy of an array (standard input, text built in memory, tests). Copies of a
/// `SourceBytes` share one storage, freed when the last copy goes.
///
/// Files are read, not mapped: a mapped file that another program truncates while the
/// reader has it open would make touching the lost pages kill the process (SIGBUS).
/// A read file is the reader's own copy, whatever happens to the file afterwards.
public struct SourceBytes: RandomAccessCollection, Sendable {
    private let storage: Storage

    /// A copy of `bytes`.
    public init(_ bytes: [UInt8]) {
        storage = Storage(copying: bytes)
    }

    /// Reads the regular file open on `descriptor`, `size` bytes long by its `stat`, into
    /// one allocation (no staging array, no second copy). A file that shrinks while it
    /// is read keeps what was read; nil when reading fails (the caller reports it).
    public static func reading(descriptor: Int32, size: Int) -> SourceBytes? {
        guard size > 0 else { return nil }
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        guard let base = memory.baseAddress else { return nil }
        var filled = 0
        while filled < size {
            let count = read(descriptor, base + filled, size - filled)
            if count < 0 {
                if errno == EINTR { continue }
                memory.deallocate()
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        return SourceBytes(storage: Storage(allocated: base, count: filled))
    }

    /// Takes over `count` bytes at `address`, memory from `malloc`/`realloc` that the
    /// storage frees with `free` (`ArticlePieces` grows its pieces with `realloc`).
    init(adoptingMalloced address: UnsafeMutableRawPointer, count: Int) {
        storage = Storage(allocated: address, count: count, freedByFree: true)
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.buffer.count }

    public subscript(index: Int) -> UInt8 {
        storage.buffer[index]  // bounds-checked in debug builds, as an array's
    }

    /// Calls `body` with the bytes (valid only during the call, as for an array).
    public func withUnsafeBufferPointer<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try withExtendedLifetime(storage) { try body($0.buffer) }
    }

    /// The bytes of `range` as an array.
    public func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(storage.buffer[range])
    }

    /// Owns the memory (an allocation, freed with the storage).
    private final class Storage: Sendable {
        /// Never written through; immutable for the storage's whole life.
        nonisolated(unsafe) let buffer: UnsafeBufferPointer<UInt8>

        init(copying bytes: [UInt8]) {
            freedByFree = false
            let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(1, bytes.count))
            _ = memory.initialize(from: bytes)
            buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(memory)[0..<bytes.count])
        }

        /// Whether the memory came from `malloc` (freed with `free`) rather than `allocate`.
        let freedByFree: Bool

        init(allocated address: UnsafeMutableRawPointer, count: Int, freedByFree: Bool = false) {
            buffer = UnsafeBufferPointer(start: address.bindMemory(to: UInt8.self, capacity: count), count: count)
            self.freedByFree = freedByFree
        }

        deinit {
            guard let base = buffer.baseAddress else { return }
            if freedByFree {
                free(UnsafeMutableRawPointer(mutating: base))
            } else {
                UnsafeMutablePointer(mutating: base).deallocate()
            }
        }
    }
}
