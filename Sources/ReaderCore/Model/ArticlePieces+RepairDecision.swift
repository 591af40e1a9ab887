extension ArticlePieces {
    /// Whether page-break repair is allowed in the input whose first piece is
    /// `firstPiece` (read by `next`): decided once, for the whole input, from its first
    /// `PageBreakRepair.sampleBytes` — read ahead when the first piece is shorter — as
    /// `Document` decides it for a whole issue. `--dump` (`StreamingDump`) and `--list`
    /// (`StreamingList`) parse every piece with this one decision, never a piece's own
    /// (ARCHITECTURE.md, "Page-break repair"). True for an empty input.
    mutating func allowsRepair(startingWith firstPiece: SourceBytes?) throws(ReadFailure) -> Bool {
        guard let firstPiece else { return true }
        let sample = firstPiece.bytes(0..<min(firstPiece.count, PageBreakRepair.sampleBytes))
            + (try readAhead(atLeast: max(0, PageBreakRepair.sampleBytes - firstPiece.count)))
        return sample.withUnsafeBufferPointer { PageBreakRepair.isAllowed(sample: $0) }
    }
}
