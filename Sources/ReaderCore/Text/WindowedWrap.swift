/// Wraps a paragraph that is one huge source line in windows of about `bound` bytes,
/// giving exactly the lines `Wrapper.wrap` gives for the whole paragraph while holding
/// only a window's scalars and analysis (ARCHITECTURE.md, "Huge paragraphs").
///
/// Line breaking is greedy: a line depends only on where it starts and on the text it
/// reads ahead. A window is decoded and analysed whole, and its lines are given while
/// their choice read only the part of the window whose analysis is that of the whole
/// paragraph: up to the last restart point (`LineBreaker.isRestartPoint`: between two
/// plain ideographs, where the analysis forgets what came before). The next window then
/// starts at the last restart point before the first line not given (with the
/// `ChineseTailoring.quotePairingWindow` scalars before it as context) and goes on from
/// that line. A text without restart points (no ideographs) makes the windows grow:
/// the result stays exact, the memory is then that of the whole paragraph.
struct WindowedWrap {
    /// Paragraphs of one line longer than this many bytes are wrapped in windows.
    static let defaultBound = 1 << 20

    let wrapper: Wrapper
    /// Bytes of source a window covers past where its lines start (at least 16).
    let bound: Int

    /// Calls `body` with each window's scalars and the lines found in it (ranges of those
    /// scalars), in order: together the lines of `wrapper.wrap` of the display text of
    /// `line` (`DisplayText.decode(lines: [line], …)`).
    func wrap(
        line: Range<Int>, in source: UnsafeBufferPointer<UInt8>, firstIndent: Int, indent: Int,
        scratch: inout WrapScratch, scalars: inout [Unicode.Scalar], offsets: inout [Int],
        body: (UnsafeBufferPointer<Unicode.Scalar>, [Range<Int>]) -> Void
    ) {
        wrap(lineLength: line.count, reading: { UnsafeBufferPointer(rebasing: source[$0.shifted(by: line.lowerBound)]) },
             firstIndent: firstIndent, indent: indent, scratch: &scratch, scalars: &scalars, offsets: &offsets,
             body: body)
    }

    /// `wrap(line:in:…)` of a line of `lineLength` bytes that `read` gives a range at a time
    /// (offsets from the line's start; the bytes need stay valid only until the next call):
    /// `--dump` reads a huge line it holds only the ends of from the file (`ElidedLines`).
    /// The ranges asked for start at most `4 * (ChineseTailoring.quotePairingWindow + 2)`
    /// bytes before the last restart point, so only a window is ever read.
    func wrap(
        lineLength: Int, reading read: (Range<Int>) -> UnsafeBufferPointer<UInt8>, firstIndent: Int, indent: Int,
        scratch: inout WrapScratch, scalars: inout [Unicode.Scalar], offsets: inout [Int],
        body: (UnsafeBufferPointer<Unicode.Scalar>, [Range<Int>]) -> Void
    ) {
        let line = 0..<lineLength
        let step = max(16, bound)
        var size = step
        var isFirst = true
        /// The source offset of the scalar the window's analysis starts from.
        var restartOffset = line.lowerBound
        /// How many scalars after the restart point the next line starts.
        var lineStartAfterRestart = 0
        /// The source offset of (about) where the next line starts.
        var lineStartOffset = line.lowerBound
        var ranges: [Range<Int>] = []
        while true {
            let windowStart = isFirst ? line.lowerBound : Self.scalarStart(
                max(line.lowerBound, restartOffset - 4 * (ChineseTailoring.quotePairingWindow + 2)), reading: read,
                limit: restartOffset)
            let windowEnd = Self.scalarStart(min(line.upperBound, lineStartOffset + size), reading: read,
                                             limit: line.upperBound)
            let isLast = windowEnd == line.upperBound
            // The last window needs no offsets (it can be the whole paragraph): there the
            // restart point's index is the count of the scalars decoded before it.
            if isLast { offsets = [] }  // (Earlier windows' offsets are not held either.)
            // The window's bytes, decoded with offsets from `windowStart`.
            let source = read(windowStart..<windowEnd)
            let count = DisplayText.decode(lines: CollectionOfOne(0..<source.count), in: source,
                                           into: &scalars, offsets: &offsets, recordingOffsets: !isLast)
            var restart = 0
            if isLast {
                var context: [Unicode.Scalar] = [], contextOffsets: [Int] = []
                restart = DisplayText.decode(lines: CollectionOfOne(0..<(restartOffset - windowStart)), in: source,
                                             into: &context, offsets: &contextOffsets, recordingOffsets: false)
            } else {
                restart = offsets[..<count].partitioningIndex(where: { windowStart + $0 >= restartOffset })
            }
            if restart == count { return }  // (Cannot be: the restart point lies in the window.)
            let start = restart + lineStartAfterRestart
            var stop = count
            ranges.removeAll(keepingCapacity: true)
            scalars.withUnsafeBufferPointer { all in
                let window = UnsafeBufferPointer(rebasing: all[..<count])
                var trustedEnd: Int?
                if !isLast {
                    var end = count - 1
                    while end > start + 1 && !LineBreaker.isRestartPoint(window, at: end) { end -= 1 }
                    trustedEnd = end - 1
                }
                var first = start
                if isFirst && firstIndent > 0 {
                    first = Wrapper.indentEnd(window)
                    // Indent spaces up to the window's end: their end is not known yet.
                    if !isLast && first == 0 && Wrapper.isIndentSpace(window[0]) { trustedEnd = 0 }
                }
                if let trustedEnd, trustedEnd <= start + 1 {
                    stop = start
                } else {
                    stop = wrapper.wrapWindow(window, from: first, isFirst: isFirst, firstIndent: firstIndent,
                                              indent: indent, trustedEnd: trustedEnd, scratch: &scratch) { ranges.append($0) }
                }
                if !ranges.isEmpty { body(window, ranges) }
            }
            if isLast { return }
            guard !ranges.isEmpty else {
                size *= 2  // No line could be trusted: a longer window.
                continue
            }
            isFirst = false
            var next = stop
            scalars.withUnsafeBufferPointer { all in
                let window = UnsafeBufferPointer(rebasing: all[..<count])
                while next > 0 && !LineBreaker.isRestartPoint(window, at: next) { next -= 1 }
            }
            if next > 0 {
                size = step
                restartOffset = windowStart + offsets[next]
                lineStartAfterRestart = stop - next
            } else {
                // No restart point: the same one again, with a window twice this one's
                // size; past eight times the bound (text without ideographs) the rest of
                // the paragraph is the last window (as big as the whole paragraph, as
                // before windows; what was analysed twice is at most 16 bounds).
                let covered = windowEnd - windowStart
                size = covered >= 8 * step ? line.upperBound - lineStartOffset : 2 * covered
                lineStartAfterRestart = stop - restart
            }
            lineStartOffset = stop < count ? windowStart + offsets[stop] : windowEnd
        }
    }

    /// The first offset from `offset` on (up to `limit`) that starts a scalar: a byte
    /// that is no UTF-8 continuation byte, which no sequence takes, so decoding from
    /// there gives the scalars it gives within the whole line.
    static func scalarStart(
        _ offset: Int, reading read: (Range<Int>) -> UnsafeBufferPointer<UInt8>, limit: Int
    ) -> Int {
        var offset = offset
        while offset < limit {
            let bytes = read(offset..<min(limit, offset + 16))
            if bytes.isEmpty { return limit }
            guard let found = bytes.firstIndex(where: { $0 & 0xC0 != 0x80 }) else {
                offset += bytes.count
                continue
            }
            return offset + found
        }
        return offset
    }

    /// `scalarStart(_:reading:limit:)` over bytes held in memory.
    static func scalarStart(_ offset: Int, in source: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        scalarStart(offset, reading: { UnsafeBufferPointer(rebasing: source[$0]) }, limit: limit)
    }
}

extension Range<Int> {
    /// The range moved by `distance`.
    func shifted(by distance: Int) -> Range<Int> {
        (lowerBound + distance)..<(upperBound + distance)
    }
}
