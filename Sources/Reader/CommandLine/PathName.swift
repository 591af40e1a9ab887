import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// A file name as the bytes the system knows it by: a name in GBK, Big5 or Shift_JIS is
/// not UTF-8, and a Swift `String` of it (what swift-argument-parser hands over) has
/// lost its bytes to U+FFFD. Files are opened by these bytes, and shown through
/// `SafeText.sanitize(bytes:)` (UTF-8 decoded, other bytes escaped as `\xHH`).
struct PathName: Equatable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The command-line argument that parsed as `argument`: its bytes as the shell gave
    /// them (`CommandLine.unsafeArgv`), or the argument's UTF-8 when none decodes to it.
    init(argument: String) {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map { UInt8(bitPattern: $0) }
            if String(decoding: bytes, as: UTF8.self) == argument {
                self.bytes = bytes
                return
            }
        }
        bytes = Array(argument.utf8)
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

    /// `self/name` (one slash between).
    func appending(_ name: [UInt8]) -> PathName {
        PathName(bytes: bytes.last == 0x2F ? bytes + name : bytes + [0x2F] + name)
    }

    /// Calls `body` with the name as a NUL-terminated C string.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        let cString = bytes.map { CChar(bitPattern: $0) } + [0]
        return try body(cString)
    }
}
