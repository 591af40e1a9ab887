#if canImport(Glibc)
import Glibc
#endif

/// Reads an issue from a file descriptor in pieces that each hold whole articles, so that
/// `--dump` can lay out the first articles while the rest of the file is still being
/// read, and never holds more than a few pieces in memory.
///
/// A piece ends where a `## ` heading line starts (the next piece begins with it), so
/// its articles parse exactly as in the whole issue: the parser starts afresh at every
/// `## ` line, and page-break repair stays inside an article. Only the first piece can
/// hold a BOM or front matter. A piece grows past `pieceBytes` until a heading ends it,
/// or the input does.
public struct ArticlePieces: Sendable {
    /// A `read` that failed: its `errno`.
    public struct ReadFailure: Error, Equatable {
        public let code: Int32
    }

    private let descriptor: Int32
    private let pieceBytes: Int
    /// Bytes read after the last piece's end: the start of the next one.
    private var carried: [UInt8] = []
    private var atEnd = false

    /// Pieces of what `descriptor` holds, of about `pieceBytes` each.
    public init(descriptor: Int32, pieceBytes: Int = 4 << 20) {
        self.descriptor = descriptor
        self.pieceBytes = max(1, pieceBytes)
    }

    /// The next piece: the whole articles after the previous piece (or, at the end of the
    /// input, everything left). Nil once the input is used up.
    public mutating func next() throws(ReadFailure) -> SourceBytes? {
        var buffer = carried
        carried = []
        while true {
            if atEnd { return buffer.isEmpty ? nil : SourceBytes(buffer) }
            let oldCount = buffer.count
            // A piece that holds no heading yet grows by doubling: one huge article is
            // copied a logarithmic number of times, not once per `pieceBytes`.
            try fill(&buffer, upTo: oldCount + max(pieceBytes, oldCount))
            if let cut = ArticlePieces.lastArticleStart(in: buffer, newFrom: oldCount) {
                carried = Array(buffer[cut...])
                buffer.removeSubrange(cut...)
                return SourceBytes(buffer)
            }
        }
    }

    /// Up to `count` of the bytes read after the last piece (the start of the next one):
    /// with the piece, the first bytes of the input, to tell whether it is text.
    public func readAhead(_ count: Int) -> [UInt8] {
        Array(carried.prefix(count))
    }

    /// Reads into `buffer` until it holds `limit` bytes or the input ends.
    private mutating func fill(_ buffer: inout [UInt8], upTo limit: Int) throws(ReadFailure) {
        var failure: Int32 = 0
        var reachedEnd = false
        let descriptor = self.descriptor
        let old = buffer
        buffer = [UInt8](unsafeUninitializedCapacity: limit) { memory, initialized in
            guard let base = memory.baseAddress else { return }
            initialized = old.withUnsafeBufferPointer { memory.initialize(from: $0).1 }
            while initialized < limit {
                let count = read(descriptor, base + initialized, limit - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 {
                    reachedEnd = true
                    return
                }
                initialized += count
            }
        }
        if reachedEnd { atEnd = true }
        if failure != 0 { throw ReadFailure(code: failure) }
    }

    /// The offset of the last `## ` heading line in `buffer`, other than at offset 0.
    /// The heading's `##` and the byte after it must be in the buffer, so that a `###`
    /// cut short is never taken for `##`. Lines that started before `oldCount - 2` were
    /// looked at when the buffer held `oldCount` bytes, and are not looked at again.
    static func lastArticleStart(in buffer: [UInt8], newFrom oldCount: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            let firstUndecided = max(1, oldCount - 2)
            var end = bytes.count
            while end > 0 {
                guard let found = systemMemrchr(base, 0x0A, end) else { return nil }
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let lineStart = newline + 1
                if lineStart < firstUndecided { return nil }
                if lineStart + 2 < bytes.count, bytes[lineStart] == 0x23, bytes[lineStart + 1] == 0x23 {
                    let next = bytes[lineStart + 2]
                    if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { return lineStart }
                }
                end = newline
            }
            return nil
        }
    }
}

/// glibc's `memrchr` (a GNU extension the Glibc module does not import).
@_silgen_name("memrchr")
func systemMemrchr(_ buffer: UnsafeRawPointer?, _ byte: Int32, _ length: Int) -> UnsafeMutableRawPointer?
