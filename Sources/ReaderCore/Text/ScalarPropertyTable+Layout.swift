extension ScalarPropertyTable {
    /// The width, line-break and grapheme tables in one lookup, for the layout's hot loops
    /// (`LineBreaker`, `Wrapper`), with the code points the Chinese tailoring looks at
    /// marked. Built from the tables and the tailoring's list; the tailoring itself reads
    /// only `UnicodeTables`, so the dependency points one way.
    static let layout = ScalarPropertyTable(
        width: UnicodeTables.width, lineBreak: UnicodeTables.lineBreak, graphemeBreak: UnicodeTables.graphemeBreak,
        marked: ChineseTailoring.examinedCodePoints)
}
