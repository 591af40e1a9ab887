#if canImport(Glibc)
import Glibc
#endif

/// The names of a directory's entries in one buffer (`IssueDirectory.entryNameList`):
/// each name's bytes followed by a NUL, so that a name is handed to `fstatat` in place,
/// with no array or C string made for each (73,000 of them were a tenth of a search of an
/// archive with its index), and preceded by the entry's type as `readdir` gave it
/// (`d_type`), which sorting keeps with its name.
public struct EntryNames: Sendable {
    /// The names, each preceded by its type byte and followed by a NUL.
    private var storage: [UInt8] = []
    /// Where each name is in `storage` (without its NUL), in the names' order.
    private var ranges: [Range<Int>] = []

    init() {}

    /// How many names there are.
    public var count: Int { ranges.count }

    /// Appends the name `name` (no NUL in it), of type `type` (a `d_type`: `DT_UNKNOWN`,
    /// 0, when not known).
    mutating func append(_ name: UnsafeRawBufferPointer, type: UInt8 = 0) {
        storage.append(type)
        let start = storage.count
        storage.append(contentsOf: name)
        storage.append(0)
        ranges.append(start..<start + name.count)
    }

    /// The bytes of name `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        storage[ranges[index]]
    }

    /// The type of entry `index` as `readdir` gave it (`d_type`: `DT_REG`, `DT_DIR`,
    /// `DT_LNK`, …; `DT_UNKNOWN` when the file system does not say).
    public func type(_ index: Int) -> UInt8 {
        storage[ranges[index].lowerBound - 1]
    }

    /// Calls `body` with name `index` as a NUL-terminated C string (valid during the call).
    public func withCString<Result>(_ index: Int, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        storage.withUnsafeBytes { bytes in
            // `storage` is never empty when there is a name: it holds its NUL.
            body((bytes.baseAddress! + ranges[index].lowerBound).assumingMemoryBound(to: CChar.self))
        }
    }

    /// Puts the names in byte order (`IssueDirectory.precedes`): by each name's first
    /// sixteen bytes as two numbers (a shorter name's zero padding sorts it first), the
    /// whole names compared only on a tie — sorting the byte arrays themselves was a
    /// sixteenth of a search of 73,000 files (a daily's names share their first eight
    /// bytes by the hundred).
    mutating func sort() {
        let keyed = storage.withUnsafeBytes { bytes in
            var keyed = ranges.indices.map { index in
                (first: EntryNames.word(bytes, ranges[index], at: 0), second: EntryNames.word(bytes, ranges[index], at: 8),
                 index: index)
            }
            keyed.sort { left, right in
                if left.first != right.first { return left.first < right.first }
                if left.second != right.second { return left.second < right.second }
                return EntryNames.precedes(bytes, ranges[left.index], ranges[right.index])
            }
            return keyed
        }
        ranges = keyed.map { ranges[$0.index] }
    }

    /// Bytes `start..<start + 8` of the name at `range` as a big-endian number (zeros past its end).
    private static func word(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, at start: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in start..<start + 8 {
            word = word << 8 | UInt64(index < range.count ? bytes[range.lowerBound + index] : 0)
        }
        return word
    }

    /// Whether name `first` comes before name `second` in byte order.
    func precedes(_ first: Int, _ second: Int) -> Bool {
        storage.withUnsafeBytes { EntryNames.precedes($0, ranges[first], ranges[second]) }
    }

    /// Byte order of the names at `first` and `second` (`memcmp`, then the shorter first:
    /// the generic `lexicographicallyPrecedes` was a twentieth of a search of 73,000 files).
    private static func precedes(_ bytes: UnsafeRawBufferPointer, _ first: Range<Int>, _ second: Range<Int>) -> Bool {
        let common = min(first.count, second.count)
        guard let base = bytes.baseAddress else { return false }
        let order = common > 0 ? memcmp(base + first.lowerBound, base + second.lowerBound, common) : 0
        return order != 0 ? order < 0 : first.count < second.count
    }
}
