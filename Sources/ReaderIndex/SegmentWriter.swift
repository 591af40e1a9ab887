#if canImport(Glibc)
import Glibc
#endif

/// What a segment holds of one file (or, `removed`, that it is gone).
struct SegmentRecord {
    var path: [UInt8]
    var size: Int
    var modified: Int64
    var contentHash: Int64
    var repair: Bool
    var removed = false
}

/// Writes one segment file (`SegmentFormat`): the records first, then each gram's
/// posting list in ascending gram order, then `finish` — the header last, the file
/// synced, then renamed into place (a segment is never written in place, so a reader's
/// mapping of it never changes under it).
final class SegmentWriter {
    private let path: String
    private let temporaryPath: String
    private let descriptor: Int32
    /// Bytes not written yet, and where they go in the file.
    private var buffer: [UInt8] = []
    private var position = 0
    private var failed = false
    private var recordCount = 0
    private var recordsOffset = 0
    private var pathsOffset = 0
    private var pathsSize = 0
    private var postingsOffset = 0
    private var gramKeys: [Int64] = []
    private var gramStarts: [UInt64] = []

    /// Opens the temporary file for the segment at `path`; nil when it cannot be made.
    init?(path: String) {
        self.path = path
        temporaryPath = path + ".tmp"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: repeatElement(0, count: SegmentFormat.headerSize))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes the records (in `TreeOrder`, each path once); first, once.
    func write(records: [SegmentRecord]) {
        recordCount = records.count
        recordsOffset = SegmentFormat.headerSize
        pathsOffset = recordsOffset + records.count * SegmentFormat.recordSize
        var pathOffset = 0
        for record in records {
            append(UInt64(UInt32(truncatingIfNeeded: pathOffset)) | UInt64(record.path.count) << 32)
            append(UInt64(record.size))
            append(UInt64(bitPattern: record.modified))
            append(UInt64(bitPattern: record.contentHash))
            append((record.repair ? SegmentFormat.repairFlag : 0) | (record.removed ? SegmentFormat.removedFlag : 0))
            pathOffset += record.path.count
        }
        for record in records { buffer.append(contentsOf: record.path); flushIfFull() }
        // Path offsets are 32 bits: a segment of more than 4 GiB of paths is not written.
        if pathOffset > Int(UInt32.max) { failed = true }
        pathsSize = pathOffset
        pad()
        postingsOffset = position + buffer.count
    }

    /// Adds the posting list of `gram` (above the last one added): `ids`, ascending.
    func addPostings<Ids: Sequence>(gram: Int64, ids: Ids) where Ids.Element == Int32 {
        gramKeys.append(gram)
        gramStarts.append(UInt64(position + buffer.count - postingsOffset))
        // The buffer taken out of the object while the list is written: one access to
        // the property, not a run-time exclusivity check and a uniqueness check a byte.
        var bytes: [UInt8] = []
        swap(&bytes, &buffer)
        var previous: Int32 = 0
        var first = true
        for id in ids {
            SegmentFormat.appendVarint(UInt64(first ? id : id - previous), to: &bytes)
            previous = id
            first = false
        }
        swap(&bytes, &buffer)
        flushIfFull()
    }

    /// Writes the gram table and the header, syncs the file and renames it into place.
    func finish() -> Bool {
        let postingsSize = position + buffer.count - postingsOffset
        gramStarts.append(UInt64(postingsSize))
        pad()
        let gramKeysOffset = position + buffer.count
        for key in gramKeys { append(UInt64(bitPattern: key)) }
        let gramStartsOffset = position + buffer.count
        for start in gramStarts { append(start) }
        flush()
        let totalSize = position
        var header = [UInt8](repeating: 0, count: SegmentFormat.headerSize)
        let fields: [(SegmentFormat.Field, Int)] = [
            (.totalSize, totalSize), (.recordCount, recordCount), (.gramCount, gramKeys.count),
            (.recordsOffset, recordsOffset), (.pathsOffset, pathsOffset), (.pathsSize, pathsSize),
            (.postingsOffset, postingsOffset), (.postingsSize, postingsSize),
            (.gramKeysOffset, gramKeysOffset), (.gramStartsOffset, gramStartsOffset),
        ]
        header.withUnsafeMutableBytes { header in
            header.storeBytes(of: SegmentFormat.magic.littleEndian, toByteOffset: 0, as: UInt64.self)
            for (field, value) in fields {
                header.storeBytes(of: UInt64(value).littleEndian, toByteOffset: field.rawValue, as: UInt64.self)
            }
            let checksum = SegmentFormat.checksum(UnsafeRawBufferPointer(header))
            header.storeBytes(of: checksum.littleEndian, toByteOffset: SegmentFormat.Field.checksum.rawValue, as: UInt64.self)
        }
        let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard !failed, written == SegmentFormat.headerSize, fsync(descriptor) == 0,
              rename(temporaryPath, path) == 0
        else {
            discard()
            return false
        }
        return true
    }

    /// Removes the temporary file (a failed or abandoned segment).
    func discard() { unlink(temporaryPath) }

    private func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// Zeros up to the next multiple of 8.
    private func pad() {
        while (position + buffer.count) % 8 != 0 { buffer.append(0) }
    }

    private func flushIfFull() {
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        var written = 0
        while written < buffer.count, !failed {
            let count = buffer[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failed = true
            } else {
                written += count
            }
        }
        position += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
