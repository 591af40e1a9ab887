import ReaderCore
import ReaderOpenCC

#if canImport(Glibc)
import Glibc
#endif

extension ReaderCommand {
    /// The issue file of a bookmark of another run (`Effect.openIssue`, from `B`), read and
    /// shown as a FILE on the command line is: page-break repair and the conversion as
    /// set, its reading-state saver. A file that is gone is named by its base name ("a.txt:
    /// No such file or directory"), for the status line.
    func openBookmarkedIssue(
        _ path: String, settings: Configuration
    ) -> Result<(Document, ReadingStateSaver?), IssueInput.Failure> {
        let pathName = PathName(bytes: Array(path.utf8))
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = IssueInput.errorText(errno)
            return .failure(IssueInput.Failure(message: "\(pathName.baseName.shown): \(reason)", exitCode: IssueInput.exitNoInput))
        }
        do {
            let input = try IssueInput.load(pathName)
            var document = Document(
                bytes: input.bytes, name: input.name, repair: settings.repair && !raw && !input.isConverted)
            if let name = conversionName(settings), let converter = OpenCCConverter.factory(name) {
                document = document.withConversion(ScriptConversion(name: name, converter: converter))
            }
            return .success((document, stateSaver(for: input)))
        } catch let failure as IssueInput.Failure {
            return .failure(failure)
        } catch {
            return .failure(IssueInput.Failure(message: "\(error)", exitCode: IssueInput.exitNoInput))
        }
    }
}
