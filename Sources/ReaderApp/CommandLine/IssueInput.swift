import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads the issue named on the command line (or standard input) and checks it is text.
package struct IssueInput {
    /// Why an issue could not be read: one line for stderr, and a sysexits code.
    package struct Failure: Error {
        package let message: String
        package let exitCode: Int32

        package init(message: String, exitCode: Int32) {
            self.message = message
            self.exitCode = exitCode
        }
    }

    /// sysexits.h codes.
    package static let exitUsage: Int32 = 64
    package static let exitDataError: Int32 = 65
    package static let exitNoInput: Int32 = 66

    let name: String
    /// The file mapped into memory (a regular file), or what was read (anything else).
    let bytes: SourceBytes
    /// The file's absolute path (symbolic links resolved); nil for standard input.
    var absolutePath: String? = nil
    /// What the reader says in its status bar on opening (input cut at `pipeLimitBytes`).
    var notice: String? = nil
    /// Converted from a feed, page or Markdown file (`prepared`): its paragraphs are the
    /// source's own, never joined by page-break repair.
    var isConverted = false

    /// Loads `path`; nil or "-" reads standard input (which must not be a terminal).
    static func load(_ path: PathName?) throws -> IssueInput {
        guard let path, !path.isStandardInput else {
            try checkStandardInput()
            return try readLimited(STDIN_FILENO, name: "stdin", absolutePath: nil)
        }
        let shown = path.shown
        let descriptor = try openFile(path)
        defer { close(descriptor) }
        // A regular file is read straight into its storage in one go; anything else
        // (a pipe, /proc files that claim size 0) through the growing buffer.
        var opened = stat()
        let isRegular = fstat(descriptor, &opened) == 0 && opened.st_mode & S_IFMT == S_IFREG
        guard isRegular else { return try readLimited(descriptor, name: path.baseName.shown, absolutePath: absolute(path)) }
        // Its first 64 KiB decide whether it is text before the rest is read (a 4 GB video
        // in an archive directory is skipped at once).
        var sample = [UInt8](repeating: 0, count: TextCheck.sampleBytes)
        let sampled = sample.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        // (A feed, page or Markdown file is checked once converted: `prepared`.)
        if sampled > 0, isText(path.baseName.shown, start: Array(sample[..<min(sampled, 1024)])) {
            try check(Array(sample[..<sampled]), isWhole: Int(opened.st_size) <= sampled, name: path.baseName.shown)
        }
        let direct = SourceBytes.reading(descriptor: descriptor, size: Int(opened.st_size))
        let bytes = try direct ?? SourceBytes(readAll(descriptor, name: shown))
        return try prepared(IssueInput(name: path.baseName.shown, bytes: bytes, absolutePath: absolute(path)))
    }

    /// Input with no known end (a pipe, a FIFO, a device) reads at most this much: the
    /// interactive reader shows the first `pipeLimitBytes` (and says so), `--dump` takes
    /// articles up to this size (and stops with an error at a larger one).
    static let pipeLimitBytes = 64 << 20
    /// `pipeLimitBytes` as the messages say it.
    static let pipeLimitText = "64 MiB"

    /// Reads standard input or a non-regular file: the first 64 KiB are checked to be text
    /// before any more is read, then at most `pipeLimitBytes` in all (a regular file
    /// redirected to standard input is read whole). What is cut off is cut at a line end.
    private static func readLimited(_ descriptor: Int32, name: String, absolutePath: String?) throws -> IssueInput {
        if isRegularFile(descriptor) {
            let bytes = SourceBytes(try readAll(descriptor, name: SafeText.sanitize(name)))
            return try prepared(IssueInput(name: name, bytes: bytes, absolutePath: absolutePath))
        }
        announceWait(descriptor, name: name)
        var bytes = try readUpTo(TextCheck.sampleBytes, from: descriptor, name: name)
        if isText(name, start: Array(bytes.prefix(1024))) {
            try check(bytes, isWhole: bytes.count < TextCheck.sampleBytes, name: name)
        }
        var notice: String?
        if bytes.count == TextCheck.sampleBytes {
            bytes += try readUpTo(pipeLimitBytes + 1 - bytes.count, from: descriptor, name: name)
            if bytes.count > pipeLimitBytes {
                bytes.removeSubrange(pipeLimitBytes...)
                if let lastNewline = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastNewline + 1)...) }
                notice = "\(SafeText.sanitize(name)): only the first \(pipeLimitText) are shown"
            }
        }
        return try prepared(IssueInput(name: name, bytes: SourceBytes(bytes), absolutePath: absolutePath, notice: notice))
    }

    /// Up to `count` bytes from `descriptor` (fewer when the input ends first).
    private static func readUpTo(_ count: Int, from descriptor: Int32, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        while bytes.count < count {
            let wanted = min(buffer.count, count - bytes.count)
            let result = buffer.withUnsafeMutableBytes { chunk in
                Result { () throws(ArticlePieces.ReadFailure) in
                    guard let base = chunk.baseAddress else { return (count: 0, reachedEnd: true) }
                    return try DescriptorReader.read(into: base, count: wanted, from: descriptor)
                }
            }
            let read: Int
            let ended: Bool
            switch result {
            case .success(let value): (read, ended) = value
            case .failure(let failure):
                throw Failure(message: "\(SafeText.sanitize(name)): \(errorText(failure.code))", exitCode: exitNoInput)
            }
            bytes.append(contentsOf: buffer[0..<read])
            if ended { break }
        }
        return bytes
    }

    /// Whether `descriptor` is open on a regular file (an input with an end).
    private static func isRegularFile(_ descriptor: Int32) -> Bool {
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The one-line failure for a piece that could not be read.
    static func readFailure(_ failure: ArticlePieces.ReadFailure, name: String) -> Failure {
        if failure == .pieceTooLarge {
            return Failure(
                message: "\(SafeText.sanitize(name)): an article over \(pipeLimitText) (no '## ' heading ends it) cannot be read from a pipe",
                exitCode: exitDataError)
        }
        return Failure(message: "\(SafeText.sanitize(name)): \(errorText(failure.code))", exitCode: exitNoInput)
    }

    /// Opens `path` for reading: a missing or unreadable file, or a directory, is a
    /// one-line failure (exit 66).
    package static func openFile(_ path: PathName) throws -> Int32 {
        let shown = path.shown
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0 else {
            throw Failure(message: "\(shown): \(errorText(errno))", exitCode: exitNoInput)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(message: "\(shown): is a directory (open it as an archive)", exitCode: exitNoInput)
        }
        // A FIFO is opened without waiting for its writer, so that the wait can be said.
        let isFIFO = info.st_mode & S_IFMT == S_IFIFO
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | (isFIFO ? O_NONBLOCK : 0)) }
        guard descriptor >= 0 else {
            throw Failure(message: "\(shown): \(errorText(errno))", exitCode: exitNoInput)
        }
        if isFIFO {
            announceWait(descriptor, name: path.baseName.shown)
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        return descriptor
    }

    /// How long input may keep the reader waiting before it says so.
    static let quietWaitMilliseconds: Int32 = 300

    /// Waits until `descriptor` (a pipe, a FIFO) has input or its end; when that takes
    /// longer than `quietWaitMilliseconds` and standard error is a terminal, says on
    /// standard error what the reader is waiting for (it showed nothing).
    static func announceWait(_ descriptor: Int32, name: String) {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        if poll(&request, 1, quietWaitMilliseconds) != 0 { return }
        if isatty(STDERR_FILENO) != 0 {
            FileHandleOutput.standardError.write("reader: waiting for \(SafeText.sanitize(name))… (Ctrl-C to stop)\n")
        }
        while poll(&request, 1, -1) < 0, errno == EINTR {}
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
        /// The huge lines `firstPiece` holds only the ends of (`ArticlePieces.elideHugeLines`).
        var firstElidedLines: ElidedLines?
        var isConverted = false
    }

    /// Opens `path` (nil or "-": standard input) as `load` does, with the same checks and
    /// errors, but reads only its first piece; `StreamingDump` reads the rest. With
    /// `elidingHugeLines` (a dump with neither conversion nor links), the pieces of a
    /// regular file of issue text hold only the ends of a huge line (ARCHITECTURE.md,
    /// "Huge paragraphs").
    static func openStream(_ path: PathName?, elidingHugeLines: Bool = false) throws -> Stream {
        let descriptor: Int32
        let name: String
        if let path, !path.isStandardInput {
            descriptor = try openFile(path)
            name = path.baseName.shown
        } else {
            try checkStandardInput()
            descriptor = STDIN_FILENO
            name = "stdin"
        }
        // An input with no end (a pipe, a device) reads at most `pipeLimitBytes` per piece.
        var pieces = ArticlePieces(
            descriptor: descriptor, maximumBytes: isRegularFile(descriptor) ? .max : pipeLimitBytes)
        let piece: ArticlePieces.Piece?
        do {
            // The first 64 KiB decide whether the input is text, before a piece is read.
            if !isRegularFile(descriptor) { announceWait(descriptor, name: name) }
            let sample = try pieces.readSample(TextCheck.sampleBytes)
            if isText(name, start: Array(sample.bytes.prefix(1024))) {
                try check(sample.bytes, isWhole: sample.isWhole, name: name)
                if elidingHugeLines { pieces.elideHugeLines() }
            }
            piece = try pieces.nextPiece()
        } catch let failure as Failure {
            throw failure
        } catch let failure as ArticlePieces.ReadFailure {
            throw readFailure(failure, name: name)
        }
        if let first = piece?.bytes, let converted = try preparedStream(name: name, pieces: &pieces, first: first) {
            return converted
        }
        return Stream(name: name, pieces: pieces, firstPiece: piece?.bytes, firstElidedLines: piece?.elidedLines)
    }

    /// Files at least this large open on a preview (`loadPreview`).
    static let previewFileBytes = 4 << 20
    /// How much of a large file the preview reads: a few dozen list rows of a daily, more
    /// than a screen shows (reading and parsing 256 KiB took half a millisecond more), and
    /// exactly what decides whether page-break repair is allowed in the issue.
    static let previewBytes = Document.repairSampleBytes

    /// The first whole articles of a large regular file (`Document.preview`), read from
    /// its first `previewBytes`, so that the reader can show its first screen before the
    /// whole file is read. Nil when the file is small, not a regular file, unreadable, or
    /// has no whole article in that prefix: then `load` reads it whole, and reports any error.
    static func loadPreview(_ path: PathName, repair: Bool) -> Document? {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= previewFileBytes
        else { return nil }
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let prefix = SourceBytes.reading(descriptor: descriptor, size: previewBytes) else { return nil }
        let name = path.baseName.shown
        guard isText(name, start: prefix.bytes(0..<min(prefix.count, 1024))) else { return nil }
        guard (try? checked(IssueInput(name: name, bytes: prefix))) != nil else { return nil }
        return Document.preview(prefix: prefix.bytes(0..<prefix.count), name: name, repair: repair)
    }

    /// Whether `path` names a directory.
    package static func isDirectory(_ path: PathName) -> Bool {
        var info = stat()
        return path.withCString { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The issues of a directory: every regular file whose name does not start with
    /// '.', sorted by name (byte order), or only the first `limit` of them. Files that
    /// are binary or unreadable are skipped, each with a warning; no issue left is an
    /// error (exit 66).
    static func loadDirectory(_ path: PathName, limit: Int = .max, warn: (String) -> Void) throws -> [IssueInput] {
        try loadDirectory(path, limit: limit, warn: warn, open: load)
    }

    /// As `loadDirectory(_:limit:warn:)`, each file opened by `open` (which throws a
    /// `Failure` for a file to skip).
    static func loadDirectory<Issue>(
        _ path: PathName, limit: Int = .max, warn: (String) -> Void, open: (PathName) throws -> Issue
    ) throws -> [Issue] {
        let shown = path.shown
        guard let names = path.withCString({ IssueDirectory.entryNameBytes($0) }) else {
            throw Failure(message: "\(shown): \(errorText(errno))", exitCode: exitNoInput)
        }
        var issues: [Issue] = []
        for name in names where issues.count < limit {
            let file = path.appending(name)
            var info = stat()
            guard file.withCString({ stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            do {
                issues.append(try open(file))
            } catch let failure as Failure {
                warn("\(failure.message); skipped")
            }
        }
        if issues.isEmpty {
            throw Failure(message: "\(shown): no newspaper files in the directory", exitCode: exitNoInput)
        }
        return issues
    }

    /// Rejects what is not text (`TextCheck`): a one-line failure, exit 65.
    static func checked(_ input: IssueInput) throws -> IssueInput {
        let count = min(input.bytes.count, TextCheck.sampleBytes)
        try check(input.bytes.bytes(0..<count), isWhole: input.bytes.count <= TextCheck.sampleBytes, name: input.name)
        return input
    }

    /// Rejects `sample`, the first bytes of the input `name`, when it is not text.
    static func check(_ sample: [UInt8], isWhole: Bool, name: String) throws {
        if let refusal = TextCheck.refusal(of: sample, isWhole: isWhole) {
            throw Failure(message: "\(SafeText.sanitize(name)): not a text file (\(refusal.reason))", exitCode: exitDataError)
        }
    }

    package static func readAll(_ descriptor: Int32, name: String) throws -> [UInt8] {
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
    package static func absolute(_ path: PathName) -> String? {
        guard let resolved = path.withCString({ realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
