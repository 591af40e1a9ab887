/// The text as shown: page-break repair and script conversion toggled, and the re-layout after.
extension ReaderState {
    /// `r`: re-parse with page-break repair toggled; positions are offsets, so they hold.
    mutating func toggleRepair() {
        document = document.withRepair(!document.isRepaired)
        relayout()
        message = document.isRepaired ? "page-break repair on" : "page-break repair off (raw text)"
    }

    /// `c`: show every issue converted to the other script (`ScriptToggle`), or as the
    /// source has it. Positions are source offsets, so the place holds.
    mutating func toggleConversion() {
        guard let scriptToggle else {
            message = "no script conversion (OpenCC is not installed)"
            return
        }
        let converting = document.conversion == nil
        let shown = scriptToggle.document(document, converted: converting)
        guard converting == (shown.conversion != nil) else {
            message = "cannot load the OpenCC conversion \(scriptToggle.conversionName(for: document).rawValue)"
            return
        }
        document = shown
        issues.changeDocuments(except: issueIndex) { scriptToggle.document($0, converted: converting) }
        relayout()
        message = shown.conversion.map { "shown converted: \($0.name.rawValue)" } ?? "shown as in the source"
    }

    /// " (s2t)" when the text is shown converted, for the status bar.
    public var conversionLabel: String {
        document.conversion.map { " (\($0.name.rawValue))" } ?? ""
    }

    /// Lays the open article out again after the text changed (repair, conversion), and
    /// finds the page search's matches again, from the current one's place.
    private mutating func relayout() {
        layouts = [:]
        cacheCurrentLayout()
        findMatchesAgain()
        if let filter = listFilter { listFilter = ListFilter(query: filter.query, index: searchIndex(ofIssue: issueIndex)) }
    }
}
