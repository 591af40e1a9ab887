import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The files of an archive (`reader DIR`, several FILEs) as the issue list shows them:
/// those `IssueTree` finds under the arguments, in its order and with its rules (as
/// `reader --search` reads them), found before the list shows and read only after it
/// (ARCHITECTURE.md, "Data flow", Input).
struct ArchiveFiles: Sendable {
    /// The command line's paths.
    let roots: [PathName]
    /// Every file, in list order.
    let files: [IssueTree.File]
    /// Each root resolved once (`realpath`): a file's key in the search index is its root's
    /// followed by the names below it (as `IndexedSearchPlan` makes it).
    private let realRoots: [[UInt8]?]
    /// Each file's size and time, looked up after the walk (shared by the copies).
    private let statuses: ArchiveFileStatuses

    /// The files under `roots`. A root that cannot be read, or no file at all, is a
    /// one-line failure (exit 66), and so is `-` (exit 64: the files are read after the
    /// list shows, standard input could not wait); a subdirectory that cannot be read is a
    /// warning.
    static func walk(_ roots: [PathName], warn: (String) -> Void) throws -> ArchiveFiles {
        for root in roots {
            if root.isStandardInput {
                throw IssueInput.Failure(
                    message: "-: standard input is read alone, not as an issue of an archive", exitCode: IssueInput.exitUsage)
            }
            var info = stat()
            guard root.withCString({ stat($0, &info) }) == 0 else {
                throw IssueInput.Failure(message: "\(root.shown): \(IssueInput.errorText(errno))", exitCode: IssueInput.exitNoInput)
            }
        }
        // Names and order only: the issue list needs no size or time (`indexFile` asks
        // for them when `/` searches with the index).
        let found = IssueTree.files(under: roots, lookup: .namesOnly, warn: warn)
        guard !found.files.isEmpty else {
            let shown = roots.first?.shown ?? "."
            throw IssueInput.Failure(message: "\(shown): no newspaper files in the directory", exitCode: IssueInput.exitNoInput)
        }
        return ArchiveFiles(
            roots: roots, files: found.files,
            realRoots: roots.map { root in IssueInput.absolute(root).map { Array($0.utf8) } },
            statuses: ArchiveFileStatuses(count: found.files.count))
    }

    /// The bytes of file `index`'s path below its root (`2015/2015-01-01-p01.txt`), or
    /// its own name when the command line named the file itself.
    func relativeName(_ index: Int) -> PathName {
        PathName(bytes: Array(relativeBytes(index)))
    }

    /// `relativeName(index)`'s bytes, in place where they can be.
    private func relativeBytes(_ index: Int) -> ArraySlice<UInt8> {
        let file = files[index]
        let root = roots[file.root].bytes
        guard file.path.bytes.count > root.count else { return file.path.baseName.bytes[...] }
        let below = file.path.bytes.dropFirst(root.count)
        return below.first == 0x2F ? below.dropFirst() : below
    }

    /// How the issue list names file `index` (`relativeName`, through `SafeText`).
    func label(_ index: Int) -> String {
        relativeName(index).shown
    }

    /// Every file's `relativeName`, in one buffer (`IssueLabels`, which makes each a
    /// label as `label` does, when its row is shown).
    var labels: IssueLabels {
        var labels = IssueLabels()
        labels.reserve(count: files.count, bytes: files.reduce(0) { $0 + $1.path.bytes.count })
        for index in files.indices { labels.append(relativeBytes(index)) }
        return labels
    }

    /// File `index` as the search index knows files (its key, and its size and time as
    /// the first `/` that needed them looked them up, `statuses`); nil when its root cannot
    /// be resolved or the file cannot be looked up.
    func indexFile(_ index: Int) -> ArchiveIndexSearch.File? {
        let file = files[index]
        guard let real = realRoots[file.root], let status = status(index) else { return nil }
        let key = real + file.path.bytes.dropFirst(roots[file.root].bytes.count)
        return ArchiveIndexSearch.File(key: key, size: status.size, modified: status.modified)
    }

    /// File `index`'s size and time (`stat`, once).
    private func status(_ index: Int) -> ArchiveFileStatuses.Status? {
        statuses.status(index) {
            var info = stat()
            guard files[index].path.withCString({ stat($0, &info) }) == 0 else { return nil }
            return ArchiveFileStatuses.Status(size: Int(info.st_size), modified: IssueTree.modifiedTime(info))
        }
    }
}
