import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// A file name as the bytes the system knows it by: a name in GBK, Big5 or Shift_JIS is
/// not UTF-8, and a Swift `String` of it (what swift-argument-parser hands over) has
/// lost its bytes to U+FFFD. Files are opened by these bytes, and shown through
/// `SafeText.sanitize(bytes:)` (UTF-8 decoded, other bytes escaped as `\xHH`).
package struct PathName: Equatable {
    package let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The command-line arguments that parsed as `arguments` (in order): the bytes the
    /// shell gave for each (`CommandLine.unsafeArgv`), or its UTF-8 when no argument
    /// decodes to it. Arguments are matched in order, so that two names that decode alike
    /// (both with U+FFFD for different bytes) keep their own bytes.
    package static func commandLine(_ arguments: [String]) -> [PathName] {
        var next = 1
        return arguments.map { argument in
            var index = next
            while index < Int(CommandLine.argc) {
                if let raw = CommandLine.unsafeArgv[index] {
                    let bytes = Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map { UInt8(bitPattern: $0) }
                    if String(decoding: bytes, as: UTF8.self) == argument {
                        next = index + 1
                        return PathName(bytes: bytes)
                    }
                }
                index += 1
            }
            return PathName(bytes: Array(argument.utf8))
        }
    }

    /// `-`: standard input.
    var isStandardInput: Bool { bytes == [0x2D] }

    /// The name safe to show (in messages, title bars).
    var shown: String { SafeText.sanitize(bytes: bytes) }

    /// The last component (what an issue is shown under), or the whole name.
    var baseName: PathName {
        let last = bytes.split(separator: 0x2F).last.map(Array.init) ?? bytes
        return PathName(bytes: last)
    }

    /// `self/name` (one slash between), made in one allocation.
    func appending<Name: Collection<UInt8>>(_ name: Name) -> PathName {
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count + 1 + name.count)
        joined.append(contentsOf: bytes)
        if bytes.last != 0x2F { joined.append(0x2F) }
        joined.append(contentsOf: name)
        return PathName(bytes: joined)
    }

    /// Calls `body` with the name as a NUL-terminated C string.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        let cString = bytes.map { CChar(bitPattern: $0) } + [0]
        return try body(cString)
    }
}
