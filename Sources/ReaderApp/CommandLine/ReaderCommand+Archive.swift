import ArgumentParser
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// `reader DIR` and `reader FILE FILE…`: an archive, its issue list first. The list shows
/// before any file is read; the files are read afterwards on another thread
/// (`ArchiveReader`; ARCHITECTURE.md, "Data flow", Input).
extension ReaderCommand {
    /// Opens the archive of the FILE arguments on its issue list, or refuses it (one line,
    /// exit 64) when the output is not a terminal or --dump or --list was given.
    func runArchive(settings: Configuration, shown: @escaping (Document) -> Document) throws {
        if dump || list || isatty(STDOUT_FILENO) == 0 {
            try refuseArchive()
            return
        }
        let archive: ArchiveFiles
        do {
            archive = try ArchiveFiles.walk(paths) { FileHandleOutput.warn($0) }
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
        let repair = settings.repair && !raw
        // The rows' labels in one buffer, made into text only for the rows shown.
        let labels = archive.labels
        let name = paths.count == 1 ? paths[0].baseName.shown + "/" : "\(files.count) files"
        var options = terminalOptions(settings)
        // `/` in the issue list runs in the background: with the persistent index when
        // there is one, reading the files whose text is not in memory.
        options.archiveIndex = ArchiveIndexSearch(
            index: IndexArchiveLookup.inCacheDirectory(), file: { archive.indexFile($0) },
            read: { issue in
                guard let input = try? IssueInput.load(archive.files[issue].path) else { return nil }
                return Document(bytes: input.bytes, name: archive.label(issue), repair: repair && !input.isConverted)
            })
        // Called on the reading thread, as a large file's `wholeIssueLoader` is; what it
        // reads is recorded in the persistent index on the way (`ArchiveIndexer`).
        nonisolated(unsafe) let shown = shown
        let indexer = ArchiveIndexer(count: labels.count)
        let reader = ArchiveReader(count: labels.count) { issue in
            readArchiveIssue(archive, issue, repair: repair, shown: shown, indexer: indexer)
        }
        let placeholder = shown(Document.unread(name: "", counts: nil, repair: repair))
        let status = TerminalApp.run(
            labels: labels, placeholder: placeholder, archiveName: name, options: options, reader: reader)
        if status != 0 { throw ExitCode(status) }
    }

    /// Reads file `issue` of `archive` as a FILE argument is read (the same check that it is
    /// text), with its reading-state saver, its content hash and its saved state, and gives
    /// it to `indexer`.
    private func readArchiveIssue(
        _ archive: ArchiveFiles, _ issue: Int, repair: Bool, shown: (Document) -> Document, indexer: ArchiveIndexer?
    ) -> Result<ArchiveReader.Loaded, IssueInput.Failure> {
        // The file as the index knows files, its status looked up before it is read.
        let file = indexer == nil ? nil : archive.indexFile(issue)
        defer { indexer?.noteSeen(issue) }
        do {
            let input = try IssueInput.load(archive.files[issue].path)
            let repairs = repair && !input.isConverted
            let document = shown(Document(bytes: input.bytes, name: archive.label(issue), repair: repairs))
            var loaded = ArchiveReader.Loaded(document: document, saver: stateSaver(for: input))
            if let saver = loaded.saver {
                _ = saver.contentHash
                loaded.saved = saver.load { loaded.warnings.append($0) }
            }
            if let indexer {
                let hash = loaded.saver?.contentHash ?? input.bytes.withUnsafeBufferPointer { FNV1a.wordHash($0) }
                indexer.add(
                    issue: issue, file: file, input: input, document: document, repair: repairs, contentHash: hash)
            }
            // The article the state looks at first (the opening state's title offset, a
            // restored position) parsed here, into the articles' cache, not on the main thread.
            let first = loaded.saved?.article ?? 0
            if document.articles.indices.contains(first) { _ = document.articles[first] }
            return .success(loaded)
        } catch let failure as IssueInput.Failure {
            return .failure(failure)
        } catch {
            return .failure(IssueInput.Failure(message: "\(error)", exitCode: IssueInput.exitNoInput))
        }
    }

    /// An archive with --dump, --list or output to a pipe: one issue read is enough to know
    /// that the input itself is not what to report (a file that is not text is skipped
    /// with a warning; none left is an error).
    private func refuseArchive() throws {
        do {
            if let path = paths.first {
                if IssueInput.isDirectory(path) {
                    _ = try IssueInput.loadDirectory(path, limit: 1) { FileHandleOutput.warn($0) }
                } else {
                    _ = try IssueInput.load(path)
                }
            }
        } catch let error as IssueInput.Failure {
            FileHandleOutput.warn(error.message)
            throw ExitCode(error.exitCode)
        }
        FileHandleOutput.warn("--dump and --list (and output to a pipe) take one FILE, not a directory or several")
        throw ExitCode(IssueInput.exitUsage)
    }
}
