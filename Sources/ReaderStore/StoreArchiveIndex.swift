import ReaderApp
import ReaderCore
import ReaderIndex

/// The persistent index (`SearchStore`) as `/` in an archive's issue list asks it
/// (`ArchiveIndexLookup`): a file is ruled out when the index knows it exactly as it was
/// read (path, size, modification time, repair) and it holds not every gram of the query.
struct StoreArchiveIndex: ArchiveIndexLookup {
    /// The cache directory the index is in.
    let directory: String

    func ruledOut(grams: [Int64]) -> ((ArchiveIndexSearch.File, Bool) -> Bool)? {
        guard let store = SearchStore(directory: directory), let lookup = store.lookup(grams: grams),
              let candidates = lookup.candidates
        else { return nil }
        let files = lookup.files
        return { file, repair in
            guard let record = files[file.key], record.size == file.size, record.modified == file.modified,
                  record.repair == repair
            else { return false }
            return !candidates.contains(record.id)
        }
    }
}
