import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads the issue named on the command line (or standard input) and checks it is text.
struct IssueInput {
    /// Why an issue could not be read: one line for stderr, and a sysexits code.
    struct Failure: Error {
        let message: String
        let exitCode: Int32
    }

    /// sysexits.h codes.
    static let exitUsage: Int32 = 64
    static let exitDataError: Int32 = 65
    static let exitNoInput: Int32 = 66

    let name: String
    /// The file mapped into memory (a regular file), or what was read (anything else).
    let bytes: SourceBytes
    /// The file's absolute path (symbolic links resolved); nil for standard input.
    var absolutePath: String? = nil
    /// Converted from a feed, page or Markdown file (`prepared`): its paragraphs are the
    /// source's own, never joined by page-break repair.
    var isConverted = false

    /// Loads `path`; nil or "-" reads standard input (which must not be a terminal).
    static func load(_ path: String?) throws -> IssueInput {
        guard let path, path != "-" else {
            try checkStandardInput()
            let bytes = SourceBytes(try readAll(STDIN_FILENO, name: "standard input"))
            return try prepared(IssueInput(name: "stdin", bytes: bytes))
        }
        let shown = SafeText.sanitize(path)
        let descriptor = try openFile(path)
        defer { close(descriptor) }
        // A regular file is read straight into its storage in one go; anything else
        // (a pipe, /proc files that claim size 0) through the growing buffer.
        var opened = stat()
        let isRegular = fstat(descriptor, &opened) == 0 && opened.st_mode & S_IFMT == S_IFREG
        let direct = isRegular ? SourceBytes.reading(descriptor: descriptor, size: Int(opened.st_size)) : nil
        let bytes = try direct ?? SourceBytes(readAll(descriptor, name: shown))
        return try prepared(IssueInput(name: baseName(of: path), bytes: bytes, absolutePath: absolute(path)))
    }

    /// Opens `path` for reading: a missing or unreadable file, or a directory, is a
    /// one-line failure (exit 66).
    private static func openFile(_ path: String) throws -> Int32 {
        let shown = SafeText.sanitize(path)
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(message: "\(shown): \(errorText(errno))", exitCode: exitNoInput)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(message: "\(shown): is a directory (open it as an archive)", exitCode: exitNoInput)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(message: "\(shown): \(errorText(errno))", exitCode: exitNoInput)
        }
        return descriptor
    }

    /// Standard input must not be the terminal (the issue would be typed in).
    private static func checkStandardInput() throws {
        if isatty(STDIN_FILENO) != 0 {
            throw Failure(message: "no FILE given and standard input is a terminal (try 'reader --help')", exitCode: exitUsage)
        }
    }

    /// An issue opened for `--dump` to read piece by piece (`ArticlePieces`), its first
    /// piece read and checked to be text.
    struct Stream {
        let name: String
        let pieces: ArticlePieces
        let firstPiece: SourceBytes?
        var isConverted = false
    }

    /// Opens `path` (nil or "-": standard input) as `load` does, with the same checks and
    /// errors, but reads only its first piece; `StreamingDump` reads the rest.
    static func openStream(_ path: String?) throws -> Stream {
        let descriptor: Int32
        let name: String
        if let path, path != "-" {
            descriptor = try openFile(path)
            name = baseName(of: path)
        } else {
            try checkStandardInput()
            descriptor = STDIN_FILENO
            name = "stdin"
        }
        var pieces = ArticlePieces(descriptor: descriptor)
        let first: SourceBytes?
        do {
            first = try pieces.next()
        } catch {
            throw Failure(message: "\(SafeText.sanitize(name)): \(errorText(error.code))", exitCode: exitNoInput)
        }
        if let first, let converted = try preparedStream(name: name, pieces: &pieces, first: first) {
            return converted
        }
        if let first {
            // The first 64 KiB of the input, whether or not the first piece ends before.
            let sample = first.bytes(0..<min(first.count, sampleBytes))
                + pieces.readAhead(max(0, sampleBytes - first.count))
            _ = try checked(IssueInput(name: name, bytes: SourceBytes(sample)))
        }
        return Stream(name: name, pieces: pieces, firstPiece: first)
    }

    /// Files at least this large open on a preview (`loadPreview`).
    static let previewFileBytes = 4 << 20
    /// How much of a large file the preview reads: a few dozen list rows of a daily, more
    /// than a screen shows (reading and parsing 256 KiB took half a millisecond more).
    static let previewBytes = 64 << 10

    /// The first whole articles of a large regular file (`Document.preview`), read from
    /// its first `previewBytes`, so that the reader can show its first screen before the
    /// whole file is read. Nil when the file is small, not a regular file, unreadable, or
    /// has no whole article in that prefix: then `load` reads it whole, and reports any error.
    static func loadPreview(_ path: String, repair: Bool) -> Document? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= previewFileBytes
        else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let prefix = SourceBytes.reading(descriptor: descriptor, size: previewBytes) else { return nil }
        let name = baseName(of: path)
        guard isText(path, start: prefix.bytes(0..<min(prefix.count, 1024))) else { return nil }
        guard (try? checked(IssueInput(name: name, bytes: prefix))) != nil else { return nil }
        return Document.preview(prefix: prefix.bytes(0..<prefix.count), name: name, repair: repair)
    }

    /// The last component of `path` (the name an issue is shown under), or `path` itself.
    static func baseName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Whether `path` names a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The issues of a directory: every regular file whose name does not start with
    /// '.', sorted by name (byte order), or only the first `limit` of them. Files that
    /// are binary or unreadable are skipped, each with a warning; no issue left is an
    /// error (exit 66).
    static func loadDirectory(_ path: String, limit: Int = .max, warn: (String) -> Void) throws -> [IssueInput] {
        let shown = SafeText.sanitize(path)
        guard let names = IssueDirectory.entryNames(path) else {
            throw Failure(message: "\(shown): \(errorText(errno))", exitCode: exitNoInput)
        }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var issues: [IssueInput] = []
        for name in names where issues.count < limit {
            let file = prefix + name
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            do {
                issues.append(try load(file))
            } catch let failure as Failure {
                warn("\(failure.message); skipped")
            }
        }
        if issues.isEmpty {
            throw Failure(message: "\(shown): no newspaper files in the directory", exitCode: exitNoInput)
        }
        return issues
    }

    /// How much of the start of a file `checked` looks at.
    static let sampleBytes = 65_536

    /// Rejects binary data: a file is taken as binary when over 10% of its first 64 KiB
    /// are NUL bytes or bytes that cannot be UTF-8. A stray control character is fine.
    static func checked(_ input: IssueInput) throws -> IssueInput {
        let sample = input.bytes.bytes(0..<min(input.bytes.count, sampleBytes))
        guard !sample.isEmpty else { return input }
        let suspicious = sample.reduce(0) { count, byte in
            count + (byte == 0 || byte == 0xC0 || byte == 0xC1 || byte >= 0xF5 ? 1 : 0)
        }
        if suspicious * 10 > sample.count {
            throw Failure(message: "\(SafeText.sanitize(input.name)): not a text file (binary data)", exitCode: exitDataError)
        }
        return input
    }

    static func readAll(_ descriptor: Int32, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > 0 {
            // A regular file: read it straight into its array, with no copy.
            let size = Int(info.st_size)
            var failure: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                while initialized < size {
                    let count = read(descriptor, buffer.baseAddress.map { $0 + initialized }, size - initialized)
                    if count == 0 { break }
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    initialized += count
                }
            }
            if failure != 0 { throw Failure(message: "\(name): \(errorText(failure))", exitCode: exitNoInput) }
            if bytes.count < size { return bytes }  // The file shrank while being read.
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "\(name): \(errorText(errno))", exitCode: exitNoInput)
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// `realpath(path)`, or nil when it cannot be resolved.
    static func absolute(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
