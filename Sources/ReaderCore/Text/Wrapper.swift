/// Wraps a paragraph into lines that fit a width, using UAX #14 break opportunities
/// with the Chinese tailoring (ARCHITECTURE.md, "Where each rule lives").
///
/// Guarantees: no line is wider than the width unless it holds a single grapheme
/// cluster that is itself wider; text is never lost, reordered or duplicated (the
/// lines, concatenated, give the paragraph back minus the spaces at the breaks and
/// the leading spaces a first-line indent replaces); a grapheme cluster is never split;
/// a character that may not start a line is pushed out together with the character
/// before it; a token is hard-broken only when it alone is wider than the line, and
/// then where it reads best (`forcedBreak`); a token that fits on a full line is not
/// broken because the first line is indented: the first line is left empty.
public struct Wrapper: Sendable {
    /// Total columns available for a line, indent included.
    public var width: Int
    /// Whether East Asian Ambiguous characters take two columns.
    public var ambiguousWide: Bool
    /// How strictly Chinese and Japanese text is broken (CSS `line-break`).
    public var lineBreak: LineBreakStrictness

    public init(width: Int, ambiguousWide: Bool = false, lineBreak: LineBreakStrictness = .normal) {
        self.width = max(1, width)
        self.ambiguousWide = ambiguousWide
        self.lineBreak = lineBreak
    }

    /// Lines of `scalars` as ranges of scalar indices. The first line is indented by
    /// `firstIndent` columns, the others by `indent`; an indent that leaves no room
    /// is dropped.
    public func wrap(_ scalars: [Unicode.Scalar], firstIndent: Int = 0, indent: Int = 0) -> [Range<Int>] {
        var scratch = WrapScratch()
        return wrap(scalars, firstIndent: firstIndent, indent: indent, scratch: &scratch)
    }

    /// `wrap(_:firstIndent:indent:)` with working arrays reused from earlier calls.
    func wrap(
        _ scalars: [Unicode.Scalar], firstIndent: Int = 0, indent: Int = 0, scratch: inout WrapScratch
    ) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        wrap(scalars, firstIndent: firstIndent, indent: indent, scratch: &scratch) { lines.append($0) }
        return lines
    }

    /// `wrap(_:firstIndent:indent:scratch:)` handing each line to `line` as it is found
    /// (the layout builds its own lines from them: no array of ranges in between).
    func wrap(
        _ scalars: [Unicode.Scalar], firstIndent: Int, indent: Int, scratch: inout WrapScratch,
        line: (Range<Int>) -> Void
    ) {
        scalars.withUnsafeBufferPointer { scalars in
            wrap(scalars, firstIndent: firstIndent, indent: indent, scratch: &scratch, line: line)
        }
    }

    /// `wrap(_:firstIndent:indent:scratch:line:)` of scalars held in a buffer.
    func wrap(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, firstIndent: Int, indent: Int, scratch: inout WrapScratch,
        line: (Range<Int>) -> Void
    ) {
        guard !scalars.isEmpty else { return }
        let first = firstIndent > 0 ? Self.indentEnd(scalars) : 0
        if let end = oneLineEnd(scalars, from: first, available: width - effectiveIndent(firstIndent)) {
            line(first..<end)
            return
        }
        wrapAtBreaks(scalars, firstIndent: firstIndent, indent: indent, scratch: &scratch, line: line)
    }

    /// Where the text starts after the spaces that indent it (space, no-break space,
    /// ideographic space: a paragraph's own indent, which a first-line indent replaces
    /// rather than doubles); 0 when nothing else follows them.
    static func indentEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var end = 0
        while end < scalars.count, isIndentSpace(scalars[end]) { end += 1 }
        guard end > 0, end < scalars.count else { return 0 }
        // A mark after the last space makes it a cluster of its own, which stays.
        switch ScalarPropertyTable.grapheme(ScalarPropertyTable.layout[scalars[end].value]) {
        case GraphemeBreakClass.extend.rawValue, GraphemeBreakClass.zwj.rawValue,
             GraphemeBreakClass.spacingMark.rawValue: return end - 1
        default: return end
        }
    }

    /// The spaces `indentEnd` skips.
    @inline(__always)
    static func isIndentSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{3000}"
    }

    /// `wrap(_:firstIndent:indent:scratch:line:)` through the break opportunities of the
    /// whole text, also when it fits on one line (where the result is the same).
    func wrapAtBreaks(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, firstIndent: Int, indent: Int, scratch: inout WrapScratch,
        line: (Range<Int>) -> Void
    ) {
        guard !scalars.isEmpty else { return }
        let first = firstIndent > 0 ? Self.indentEnd(scalars) : 0
        LineBreaker.analyze(
            scalars, tailoring: .chinese, strictness: lineBreak, ambiguousWide: ambiguousWide, scratch: &scratch
        ) {
            cells, actions, classes in
            _ = fill(scalars, cells: UnsafeBufferPointer(cells), actions: UnsafeBufferPointer(actions),
                     classes: UnsafeBufferPointer(classes), from: first, isFirst: true, firstIndent: firstIndent,
                     indent: indent, trustedEnd: nil, line: line)
        }
    }

    /// The lines of a window of a huge paragraph (`WindowedWrap`): `scalars` is the
    /// window, analysed whole, and the lines start at `start` (the first line of the
    /// paragraph when `isFirst`). Only lines whose choice read no index at or past
    /// `trustedEnd` are given (nil: all of them); returns where the first line not given
    /// starts (`scalars.count` when all were).
    func wrapWindow(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, isFirst: Bool, firstIndent: Int, indent: Int,
        trustedEnd: Int?, scratch: inout WrapScratch, line: (Range<Int>) -> Void
    ) -> Int {
        guard !scalars.isEmpty else { return 0 }
        return LineBreaker.analyze(
            scalars, tailoring: .chinese, strictness: lineBreak, ambiguousWide: ambiguousWide, scratch: &scratch
        ) {
            cells, actions, classes in
            fill(scalars, cells: UnsafeBufferPointer(cells), actions: UnsafeBufferPointer(actions),
                 classes: UnsafeBufferPointer(classes), from: start, isFirst: isFirst, firstIndent: firstIndent,
                 indent: indent, trustedEnd: trustedEnd, line: line)
        }
    }

    /// The line-filling loop, given `LineBreaker.analyze`'s cells and actions of `scalars`:
    /// greedy, so a line depends only on where it starts and what it reads ahead of it.
    /// Gives the lines from `first` whose choice read nothing at or past `trustedEnd`
    /// (nil: every line); returns where the first line not given starts.
    private func fill(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, cells: UnsafeBufferPointer<UInt8>,
        actions: UnsafeBufferPointer<BreakAction>, classes: UnsafeBufferPointer<UInt8>, from first: Int,
        isFirst startsParagraph: Bool, firstIndent: Int, indent: Int, trustedEnd: Int?, line: (Range<Int>) -> Void
    ) -> Int {
        let count = scalars.count
        let boundary = LineBreaker.cellBoundary
        let columns = LineBreaker.cellColumns
        let trusted = trustedEnd ?? Int.max
        var isFirst = startsParagraph
        var start = first
        while start < count {
            let lineStart = start
            /// The last index the choice of this line read (`count`: it met the end).
            var reach = start
            let lineIndent = isFirst ? firstIndent : indent
            let onFirstLine = isFirst
            isFirst = false
            let available = width - effectiveIndent(lineIndent)
            var column = 0
            var hanging = false
            var index = start
            var lastBreak = start
            var end = count
            while index < count {
                if index > start {
                    let action = actions[index]
                    reach = index
                    if action == .mandatory { end = index; break }
                    if action == .allowed { lastBreak = index }
                }
                var next = index + 1
                var clusterWidth = Int(cells[index] & columns)
                while next < count, cells[next] & boundary == 0 {
                    clusterWidth += Int(cells[next] & columns)
                    next += 1
                }
                reach = next
                let isSpace = next == index + 1 && Wrapper.isSpace(scalars[index])
                if column + clusterWidth > available || (hanging && !isSpace) {
                    if isSpace {
                        // Spaces may hang past the edge: they vanish at the break.
                        hanging = true
                        index = next
                        continue
                    }
                    if lastBreak > start {
                        end = lastBreak
                    } else if index > start {
                        let text = ForcedBreak(scalars: scalars, cells: cells, actions: actions, classes: classes)
                        let fullLine = width - effectiveIndent(indent)
                        if onFirstLine && available < fullLine
                            && text.tokenFits(from: start, within: fullLine, reach: &reach) {
                            end = start  // The token fits on the next line: this one stays empty.
                        } else {
                            // Wider than a line.
                            end = text.cut(from: start, limit: index, available: available, reach: &reach)
                        }
                    } else {
                        end = next  // One grapheme wider than the line: it stands alone.
                    }
                    break
                }
                column += clusterWidth
                index = next
            }
            var lineEnd = end
            while lineEnd > start, Wrapper.isSpace(scalars[lineEnd - 1]) { lineEnd -= 1 }
            var nextStart = end
            while nextStart < count, Wrapper.isSpace(scalars[nextStart]),
                  nextStart + 1 == count || cells[nextStart + 1] & boundary != 0 {
                nextStart += 1
            }
            reach = max(reach, end == count ? count : nextStart + 1)
            if reach >= trusted { return lineStart }
            line(start..<lineEnd)
            start = nextStart
        }
        return count
    }

    /// Where the one line ends when all of `scalars` fits in `available` columns and holds
    /// no hard line break (its trailing spaces dropped, as the line-filling loop drops
    /// them); nil otherwise. Most titles and short paragraphs fit, and need no break
    /// opportunities: a dump of a million one-line articles took 23% less time.
    private func oneLineEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from first: Int, available: Int) -> Int? {
        let table = ScalarPropertyTable.layout
        var columns = 0
        for scalar in UnsafeBufferPointer(rebasing: scalars[first...]) {
            let properties = table[scalar.value]
            // BK, CR, LF and NL force a break after them (LB4, LB5).
            if ScalarPropertyTable.lineBreak(properties) & 0x3F <= LineBreakClass.nl.rawValue { return nil }
            columns += Int(ScalarPropertyTable.columns(properties, ambiguousWide: ambiguousWide))
            if columns > available { return nil }
        }
        var end = scalars.count
        while end > first, Wrapper.isSpace(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// The indent actually used for a requested indent: dropped when it would leave
    /// no room for a wide character.
    public func effectiveIndent(_ indent: Int) -> Int {
        indent > 0 && indent <= width - 2 ? indent : 0
    }

    /// Spaces that are dropped at a line break.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}"
    }
}
