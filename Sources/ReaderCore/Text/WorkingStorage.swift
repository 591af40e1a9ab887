extension Array where Element: BitwiseCopyable {
    /// An array of `count` elements left as the memory held them, not filled: for working
    /// arrays of which only entries already written are ever read (`WrapScratch`, the
    /// decoded scalars of the layout).
    ///
    /// Filling a large one touched every page of it first (10 MB of working arrays for a
    /// 10 MB paragraph); now its pages are touched by the passes that write them, on both
    /// cores when a long text is analysed in halves.
    static func workingStorage(count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
