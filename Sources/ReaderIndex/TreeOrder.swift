#if canImport(Glibc)
import Glibc
#endif

/// The order of the files in an index segment: `IssueTree`'s order over whole paths — by
/// name component, byte by byte, a directory's files before its subdirectories — so that
/// the files of a search, listed in that order, are found in a segment by walking it
/// forwards (`IndexSnapshot.Finder`). As a key: each component is (file 0 / directory 1,
/// its bytes), compared lexicographically; a total order on byte strings.
enum TreeOrder {
    /// -1, 0 or 1 as `left` comes before, is, or comes after `right`.
    static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let count = min(left.count, right.count)
        var index = 0
        // Long common prefixes (the archive's directory) compared a word at a time.
        while index + 8 <= count,
              left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            index += 8
        }
        while index < count, left[index] == right[index] { index += 1 }
        if index == count {
            return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
        }
        // The first difference lies in the same component of both: a directory there when
        // a '/' follows, a file (the last component) when none does.
        let leftIsDirectory = hasSlash(left, from: index)
        let rightIsDirectory = hasSlash(right, from: index)
        if leftIsDirectory != rightIsDirectory { return leftIsDirectory ? 1 : -1 }
        // Within a component, its end ('/') comes before any byte.
        let leftByte = left[index] == 0x2F ? -1 : Int(left[index])
        let rightByte = right[index] == 0x2F ? -1 : Int(right[index])
        return leftByte < rightByte ? -1 : 1
    }

    static func compare(_ left: [UInt8], _ right: [UInt8]) -> Int {
        left.withUnsafeBytes { left in right.withUnsafeBytes { right in compare(left, right) } }
    }

    static func isBefore(_ left: [UInt8], _ right: [UInt8]) -> Bool { compare(left, right) < 0 }

    private static func hasSlash(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Bool {
        guard index < bytes.count, let base = bytes.baseAddress else { return false }
        return memchr(base + index, 0x2F, bytes.count - index) != nil
    }
}
