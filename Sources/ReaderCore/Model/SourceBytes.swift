#if canImport(Glibc)
import Glibc
#endif

/// The raw bytes of an issue, read-only: a private mapping of the file, or a copy of an
/// array (standard input, text built in memory, tests).
///
/// A mapped file costs nothing until its pages are touched, so opening a 100 MB issue
/// reads only what the boundary scan and the first screen need, and never holds a
/// second copy of the file in the process's own memory. Copies of a `SourceBytes` share
/// one storage; the mapping is released when the last copy goes.
///
/// The mapping is `MAP_PRIVATE` and read-only: writes by other processes may or may not
/// show through (as with any reader that maps files), and a file truncated while it is
/// open makes touching the lost pages fail (SIGBUS) — the price of not reading it all.
public struct SourceBytes: RandomAccessCollection, Sendable {
    private let storage: Storage

    /// A copy of `bytes`.
    public init(_ bytes: [UInt8]) {
        storage = Storage(copying: bytes)
    }

    /// Maps `size` bytes of the open file `descriptor` (which may be closed afterwards);
    /// nil when the file cannot be mapped or claims to be empty (files under /proc do):
    /// then read it instead.
    public static func mapping(descriptor: Int32, size: Int) -> SourceBytes? {
        guard size > 0 else { return nil }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        return SourceBytes(storage: Storage(mapped: address, count: size))
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

    /// Owns the memory: a mapping to unmap, or an allocation to free.
    private final class Storage: Sendable {
        /// Never written through; immutable for the storage's whole life.
        nonisolated(unsafe) let buffer: UnsafeBufferPointer<UInt8>
        private let isMapped: Bool

        init(copying bytes: [UInt8]) {
            let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(1, bytes.count))
            _ = memory.initialize(from: bytes)
            buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(memory)[0..<bytes.count])
            isMapped = false
        }

        init(mapped address: UnsafeMutableRawPointer, count: Int) {
            buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count)
            isMapped = true
        }

        deinit {
            guard let base = buffer.baseAddress else { return }
            if isMapped {
                munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
            } else {
                UnsafeMutablePointer(mutating: base).deallocate()
            }
        }
    }
}
