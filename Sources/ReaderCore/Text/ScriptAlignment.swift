/// Which source scalar each scalar of a converted run of text came from, when the
/// conversion changed the run's length (OpenCC's `s2twp`: `互联网` → `網際網路`,
/// `U盘` → `隨身碟`): the alignment `ScriptConversion` gives converted text its offsets by.
///
/// The run and its conversion are aligned on their longest common subsequence of
/// characters equal once folded for search (`发` and `發` are the same character in
/// another script), so that characters kept or only changed in script keep their own
/// source; the converted characters between two aligned pairs (a phrase replaced by
/// another) are spread evenly over the source characters between them, or given the
/// source of the pair before them when there are none. The indices never go backwards.
enum ScriptAlignment {
    /// Runs with more cells than this (`count × convertedCount`) are not aligned by
    /// characters but spread evenly as a whole (a run is the text between punctuation,
    /// usually a few dozen characters; this bounds the work on a pathological one).
    static let mostCells = 1 << 20

    /// For each scalar of `converted`, the index in `source` (0-based) it came from.
    static func sourceIndices(of converted: [Unicode.Scalar], from source: ArraySlice<Unicode.Scalar>) -> [Int] {
        let count = source.count
        let convertedCount = converted.count
        guard count > 0, convertedCount > 0 else { return Array(repeating: 0, count: convertedCount) }
        if count == convertedCount { return Array(0..<count) }
        guard (count + 1) * (convertedCount + 1) <= mostCells else {
            return (0..<convertedCount).map { $0 * count / convertedCount }
        }
        let folded = source.map(SearchFolding.fold)
        let convertedFolded = converted.map(SearchFolding.fold)
        // lengths[i][j]: the longest common subsequence of folded[i...] and convertedFolded[j...].
        let width = convertedCount + 1
        var lengths = [Int32](repeating: 0, count: (count + 1) * width)
        for i in stride(from: count - 1, through: 0, by: -1) {
            for j in stride(from: convertedCount - 1, through: 0, by: -1) {
                lengths[i * width + j] = folded[i] == convertedFolded[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        // The aligned pairs, in order.
        var pairs: [(source: Int, converted: Int)] = []
        var i = 0
        var j = 0
        while i < count && j < convertedCount {
            if folded[i] == convertedFolded[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] > lengths[i * width + j + 1] {
                // (On a tie the converted character is passed over: a longer phrase then
                // pairs its last characters with the source's, and its first ones
                // spread over the source characters before.)
                i += 1
            } else {
                j += 1
            }
        }
        var result = [Int](repeating: 0, count: convertedCount)
        var previous: (source: Int, converted: Int) = (-1, -1)
        for next in pairs + [(count, convertedCount)] {
            let sourceGap = next.source - previous.source - 1
            let convertedGap = next.converted - previous.converted - 1
            for step in 0..<max(0, convertedGap) {
                result[previous.converted + 1 + step] = sourceGap > 0
                    ? previous.source + 1 + step * sourceGap / convertedGap
                    : max(0, previous.source)
            }
            if next.converted < convertedCount { result[next.converted] = next.source }
            previous = next
        }
        return result
    }
}
