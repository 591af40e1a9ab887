/// Working arrays of `Wrapper.wrap`, kept from paragraph to paragraph so that wrapping
/// allocates nothing but its result (allocating these per paragraph cost more than
/// some of the work done in them). One per thread: pass it `inout`, never share it.
struct WrapScratch {
    /// Grapheme cluster boundaries (`GraphemeBreaker.boundaries`).
    var boundaries: [Bool] = []
    /// Packed line-break classes (`LineBreaker.actions`).
    var classes: [UInt8] = []
    /// Break actions (`LineBreaker.actions`).
    var actions: [BreakAction] = []
}
