/// Bytes written once by a `SearchTextWriter` and only read afterwards: the folded
/// UTF-8 of one `SearchIndex` chunk.
///
/// It owns the writer's allocation (no copy into an array), and frees it when the last
/// reference goes. Immutable once made, so it can be shared between threads.
final class FoldedBytes: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// Number of bytes written.
    let count: Int

    /// Takes ownership of `base`, allocated with `UnsafeMutablePointer.allocate`, whose
    /// first `count` bytes are initialised.
    init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit {
        base.deallocate()
    }

    /// Calls `body` with the bytes (valid only during the call).
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }
}
