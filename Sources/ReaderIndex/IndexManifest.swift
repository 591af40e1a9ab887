import ReaderCore

/// The index's manifest: which segments are live, oldest first, and the number the next
/// segment gets. A small file, replaced whole by rename (`AtomicFile`) while the writer
/// holds the lock: a reader sees the old list or the new. Layout: `magic`, the next
/// number, the count, the numbers, then an FNV-1a checksum of all before it (64-bit
/// little-endian words).
struct IndexManifest: Equatable {
    static let magic: UInt64 = 0x3130_4E41_4D52_4452 // "RDRMAN01"
    /// Larger than any manifest the merging (`IndexStore.mergeLimit`) lets grow.
    static let maximumSize = 1 << 16

    var segments: [UInt64] = []
    var next: UInt64 = 1

    /// The manifest in `bytes`; nil when they are not one.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 32, bytes.count % 8 == 0 else { return nil }
        let words = bytes.withUnsafeBytes { raw in
            (0..<(raw.count / 8)).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        guard words[0] == IndexManifest.magic, words[2] == UInt64(words.count - 4),
              words[words.count - 1] == FNV1a.hash(bytes[0..<(bytes.count - 8)])
        else { return nil }
        next = words[1]
        segments = Array(words[3..<(words.count - 1)])
        guard segments.allSatisfy({ $0 < next }) else { return nil }
    }

    init() {}

    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        for word in [IndexManifest.magic, next, UInt64(segments.count)] + segments {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
        withUnsafeBytes(of: FNV1a.hash(bytes).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
