/// Where to break a token that is wider than the line (no break opportunity in it fits),
/// over `LineBreaker.analyze`'s results for a text.
///
/// The cut is the one that reads best among those that fit: after a separator of a URL
/// or path (`/ ? & = # - _ .`) or between a letter and a digit, when that still fills
/// half the line; never before a character that may not start a line (closing
/// punctuation, `，。：；！？` …) nor after one that may not end it (an opener), since the
/// kinsoku rules hold for a forced break too; never leaving a tail of one or two
/// columns on the next line. When no cut meets these, the last one that fits is taken.
struct ForcedBreak {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let cells: UnsafeBufferPointer<UInt8>
    let actions: UnsafeBufferPointer<BreakAction>
    let classes: UnsafeBufferPointer<UInt8>

    /// Whether the token starting at `start` (its trailing spaces aside) fits in `columns`.
    /// `reach` becomes at least the last index read (`scalars.count` when the end was).
    func tokenFits(from start: Int, within columns: Int, reach: inout Int) -> Bool {
        var width = 0
        var spaces = 0
        var index = start
        defer { reach = max(reach, index) }
        while index < scalars.count && (index == start || actions[index] == .prohibited) {
            let cellWidth = Int(cells[index] & LineBreaker.cellColumns)
            if Wrapper.isSpace(scalars[index]) { spaces += cellWidth } else { width += spaces + cellWidth; spaces = 0 }
            if width > columns { return false }
            index += 1
        }
        return true
    }

    /// The end of the line that starts at `start`, when the columns before `limit` fill
    /// it (`limit > start`, at a grapheme boundary) and no break opportunity lies in them.
    /// `reach` becomes at least the last index read (`scalars.count` when the end was).
    func cut(from start: Int, limit: Int, available: Int, reach: inout Int) -> Int {
        // Columns from `start` to each candidate, found by one walk.
        var column = 0
        var candidates: [(index: Int, column: Int)] = []
        for index in start..<limit {
            column += Int(cells[index] & LineBreaker.cellColumns)
            if index + 1 < scalars.count, cells[index + 1] & LineBreaker.cellBoundary != 0 {
                candidates.append((index + 1, column))
            }
        }
        candidates.append((limit, column))
        let allowed = candidates.reversed().filter { $0.index > start && keepsKinsoku(at: $0.index, reach: &reach) }
        let fullTail = allowed.filter { tailColumns(from: $0.index, limit: limit, reach: &reach) > 2 }
        if let separator = fullTail.first(where: { $0.column * 2 >= available && isSeparatorCut(at: $0.index) }) {
            return separator.index
        }
        return fullTail.first?.index ?? allowed.first?.index ?? limit
    }

    /// Whether a line may end before `index` and the next start at it (the spaces at the
    /// cut vanish: what counts is the first character after them, the last before).
    private func keepsKinsoku(at index: Int, reach: inout Int) -> Bool {
        var first = index
        while first < scalars.count && Wrapper.isSpace(scalars[first]) { first += 1 }
        reach = max(reach, first)
        if first < scalars.count {
            switch LineBreaker.lineBreakClass(classes[first]) {
            case .cl, .cp, .ex, .is, .ns, .qf: return false
            default: break
            }
        }
        var last = index - 1
        while last > 0 && Wrapper.isSpace(scalars[last]) { last -= 1 }
        return LineBreaker.lineBreakClass(classes[last]) != .op
    }

    /// The columns from `index` to the end of the token that holds `limit` (its next break opportunity),
    /// counted up to 3 (read only as far as needed: the token may run far past the line).
    private func tailColumns(from index: Int, limit: Int, reach: inout Int) -> Int {
        var columns = 0
        var k = index
        defer { reach = max(reach, k) }
        while k < scalars.count && (k <= limit || actions[k] == .prohibited) && columns < 3 {
            columns += Int(cells[k] & LineBreaker.cellColumns)
            k += 1
        }
        return columns
    }

    /// A cut after a URL or path separator, or between an ASCII letter and a digit.
    private func isSeparatorCut(at index: Int) -> Bool {
        let before = scalars[index - 1].value, after = scalars[index].value
        switch before {
        case 0x2F, 0x3F, 0x26, 0x3D, 0x23, 0x2D, 0x5F, 0x2E: return true  // / ? & = # - _ .
        default: break
        }
        func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
        return (ChineseTailoring.isASCIILetter(before) && isDigit(after)) || (isDigit(before) && ChineseTailoring.isASCIILetter(after))
    }
}
