import Dispatch
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `reader --search QUERY FILE…`: one line per article holding the query,
/// `issue<TAB>article<TAB>title<TAB>hits`, issue by issue in `IssueTree` order. The
/// counts are those of the interactive list-wide search (`Document.articleHits`), hit for
/// hit. Files are read and searched on every core, a batch at a time, and printed in
/// order as each batch ends (README, "Searching an archive").
package struct ArchiveSearch {
    /// Exit statuses, as grep's.
    static let exitFound: Int32 = 0
    static let exitNotFound: Int32 = 1
    static let exitError: Int32 = 2

    /// What searching one file gave.
    struct FileResult: Sendable {
        /// The lines to print (already safe: names and titles through `SafeText`).
        var lines = ""
        var found = false
        /// A one-line warning (the file was skipped).
        var warning: String?
        /// Whether the file could not be read (not merely not text).
        var failed = false
        /// The file's grams and content hash, when asked for (to index it).
        var indexEntry: IndexEntry?
    }

    /// What the persistent index keeps of a file.
    package struct IndexEntry: Sendable {
        package var contentHash: Int64
        package var repair: Bool
        package var grams: [Int64]
    }

    /// Files searched at once (their results are printed together).
    static let batchSize = 256

    let needle: [Unicode.Scalar]
    /// Page-break repair as the reader applies it (the setting, and not `--raw`).
    let repair: Bool
    /// Skips the issue text files that cannot hold the needle, unparsed.
    let prefilter: SearchPrefilter

    init(needle: [Unicode.Scalar], repair: Bool) {
        self.needle = needle
        self.repair = repair
        prefilter = SearchPrefilter(needle: needle)
    }

    /// Searches `files[index]` for each index of `selection` (in order), on every core, a
    /// batch at a time; `indexing` says which files also give their `IndexEntry`.
    /// `report` gets each file's result in order.
    func search(
        _ files: [IssueTree.File], selection: [Int], indexing: (Int) -> Bool,
        report: (Int, FileResult) -> Void
    ) {
        var start = 0
        while start < selection.count {
            let batch = Array(selection[start..<min(selection.count, start + ArchiveSearch.batchSize)])
            var results = [FileResult](repeating: FileResult(), count: batch.count)
            let wanted = batch.map(indexing)
            results.withUnsafeMutableBufferPointer { results in
                nonisolated(unsafe) let results = results
                DispatchQueue.concurrentPerform(iterations: batch.count) { number in
                    results[number] = searchFile(files[batch[number]].path, index: wanted[number])
                }
            }
            for (number, result) in results.enumerated() { report(batch[number], result) }
            start += ArchiveSearch.batchSize
        }
    }

    /// Reads and searches one file as the reader would open it (`IssueInput.load`, a
    /// `Document` with the same repair), and makes its `IndexEntry` when `index` is set:
    /// an issue text's grams are taken from its bytes (`SearchGrams.grams(ofIssueText:)`),
    /// and, as without indexing, one that `prefilter` rules out is not parsed.
    func searchFile(_ path: PathName, index: Bool) -> FileResult {
        var result = FileResult()
        let input: IssueInput
        do {
            if let bytes = ArchiveSearch.readRegularFile(path) {
                let name = path.baseName.shown
                // Issue text (not a feed, page or Markdown file) that cannot hold the
                // needle is done with, unless it is to be indexed.
                if !index, !prefilter.passesEverything, !bytes.withUnsafeBufferPointer(prefilter.mayMatch),
                   IssueInput.isText(name, start: bytes.bytes(0..<min(bytes.count, 1024))) {
                    return result
                }
                input = try IssueInput.prepared(IssueInput(name: name, bytes: bytes))
            } else {
                input = try IssueInput.load(path)
            }
        } catch let failure as IssueInput.Failure {
            result.warning = "\(failure.message); skipped"
            result.failed = failure.exitCode != IssueInput.exitDataError
            return result
        } catch {
            result.warning = "\(path.shown): \(error); skipped"
            result.failed = true
            return result
        }
        let repairs = repair && !input.isConverted
        var entry: IndexEntry?
        if index {
            let hash = input.bytes.withUnsafeBufferPointer { FNV1a.wordHash($0) }
            entry = IndexEntry(contentHash: Int64(bitPattern: hash), repair: repairs, grams: [])
            // Issue text's grams come from its bytes (a superset of its search texts'),
            // so one that cannot hold the needle is indexed without being parsed.
            if !input.isConverted {
                entry?.grams = input.bytes.withUnsafeBufferPointer(SearchGrams.grams(ofIssueText:))
                if !prefilter.passesEverything, !input.bytes.withUnsafeBufferPointer(prefilter.mayMatch) {
                    result.indexEntry = entry
                    return result
                }
            }
        }
        let document = Document(bytes: input.bytes, name: input.name, repair: repairs)
        let shownPath = path.shown
        for hit in document.articleHits(prefilteredBy: prefilter) {
            result.lines += "\(shownPath)\t\(hit.article + 1)\t\(document.articles.title(of: hit.article))\t\(hit.count)\n"
            result.found = true
        }
        if var entry {
            if input.isConverted { entry.grams = SearchGrams.grams(of: document) }
            result.indexEntry = entry
        }
        return result
    }

    /// The whole of `path` when it is a regular file that reads; nil otherwise (then
    /// `IssueInput.load` reads it, and says what is wrong).
    static func readRegularFile(_ path: PathName) -> SourceBytes? {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        return SourceBytes.reading(descriptor: descriptor, size: Int(info.st_size))
    }
}
