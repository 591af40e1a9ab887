#if canImport(Glibc)
import Glibc
#endif

/// A directory of issues (an archive): what `reader DIR` opens.
public enum IssueDirectory {
    /// The names of the entries of `path` whose name does not start with '.', sorted by
    /// name in byte order (the order of the issue list); nil when the directory cannot be
    /// opened (`errno` says why). A name that is not UTF-8 has U+FFFD for its bad bytes
    /// (`entryNameBytes` keeps them, to open the file by).
    public static func entryNames(_ path: String) -> [String]? {
        entryNameBytes(path)?.map { String(decoding: $0, as: UTF8.self) }
    }

    /// `entryNames` as the bytes of each name (a GBK or Big5 name is not UTF-8).
    public static func entryNameBytes(_ path: UnsafePointer<CChar>) -> [[UInt8]]? {
        entryNameList(path).map { names in (0..<names.count).map { Array(names[$0]) } }
    }

    /// `entryNameBytes` in one buffer (`EntryNames`), for a walk over many files.
    public static func entryNameList(_ path: UnsafePointer<CChar>) -> EntryNames? {
        guard let directory = opendir(path) else { return nil }
        var names = EntryNames()
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                guard let base = bytes.baseAddress, bytes.first != 0x2E else { return }
                names.append(
                    UnsafeRawBufferPointer(start: base, count: strlen(base.assumingMemoryBound(to: CChar.self))),
                    type: entry.pointee.d_type)
            }
        }
        closedir(directory)
        names.sort()
        return names
    }

    /// `names` (no NUL in any) in byte order (`precedes`), as `EntryNames.sort` orders them.
    static func sorted(_ names: [[UInt8]]) -> [[UInt8]] {
        var list = EntryNames()
        for name in names { name.withUnsafeBytes { list.append($0) } }
        list.sort()
        return (0..<list.count).map { Array(list[$0]) }
    }

    /// Byte order of two names (`EntryNames.precedes`: `memcmp`, then the shorter first).
    static func precedes(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        var list = EntryNames()
        first.withUnsafeBytes { list.append($0) }
        second.withUnsafeBytes { list.append($0) }
        return list.precedes(0, 1)
    }
}
