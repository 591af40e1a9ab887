import ReaderCore

extension ReaderCommand {
    /// `--search QUERY FILE…` (`ArchiveSearch`): prints the articles with hits and
    /// returns grep's exit status.
    func runSearch(_ query: String, settings: Configuration) -> Int32 {
        let output = FileHandleOutput.standardOutput
        let (files, listFailed) = IssueTree.files(under: paths) { FileHandleOutput.warn($0) }
        var failed = listFailed
        var found = false
        let search = ArchiveSearch(needle: SearchFolding.fold(query), repair: settings.repair && !raw)
        search.search(files, selection: Array(files.indices), indexing: { _ in false }) { _, result in
            if let warning = result.warning {
                output.flush()
                FileHandleOutput.warn(warning)
            }
            failed = failed || result.failed
            found = found || result.found
            output.write(result.lines)
        }
        output.flush()
        if failed { return ArchiveSearch.exitError }
        return found ? ArchiveSearch.exitFound : ArchiveSearch.exitNotFound
    }
}
