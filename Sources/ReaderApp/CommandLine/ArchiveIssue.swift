import ReaderCore

/// One issue of an archive as it is opened: read whole, or — a large file — its preview
/// (`IssueInput.loadPreview`), read whole later on another thread, so that the issue
/// list shows at once however large the files are (ARCHITECTURE.md, "Input checks and
/// limits").
enum ArchiveIssue {
    case loaded(IssueInput)
    /// A large file's first articles, and its path to read it whole from.
    case preview(Document, PathName)

    /// Opens `path`: a preview when it is large enough to have one (and is text), else
    /// read whole (`IssueInput.load`, whose failure means the file is skipped).
    static func open(_ path: PathName, repair: Bool) throws -> ArchiveIssue {
        if let preview = IssueInput.loadPreview(path, repair: repair) { return .preview(preview, path) }
        return .loaded(try IssueInput.load(path))
    }
}
