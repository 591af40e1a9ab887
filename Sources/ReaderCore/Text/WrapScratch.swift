/// Working arrays of `Wrapper.wrap`, kept from paragraph to paragraph so that wrapping
/// allocates nothing but its result (allocating these per paragraph cost more than
/// some of the work done in them). One per thread: pass it `inout`, never share it.
///
/// The arrays only grow: they hold at least as many entries as the longest text
/// analysed with them, and only the first `count` entries of a text's analysis count.
struct WrapScratch {
    /// Packed line-break classes (`LineBreaker.analyze`).
    var classes: [UInt8] = []
    /// Grapheme boundary flag and columns per scalar (`LineBreaker.analyze`).
    var cells: [UInt8] = []
    /// Break actions (`LineBreaker.analyze`).
    var actions: [BreakAction] = []

    /// Makes every array hold at least `count` entries.
    mutating func reserve(_ count: Int) {
        guard classes.count < count else { return }
        let size = max(count, 2 * classes.count, 64)
        classes = .workingStorage(count: size)
        cells = .workingStorage(count: size)
        actions = .workingStorage(count: size)
    }
}
