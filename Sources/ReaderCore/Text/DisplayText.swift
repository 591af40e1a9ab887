import Dispatch

/// Text ready for layout and search: display-safe scalars, each with the byte offset
/// in the source it came from (several scalars may share one offset, e.g. `^[` for ESC,
/// or a space inserted where two Latin lines were joined).
public struct DisplayText: Sendable, Equatable {
    public var scalars: [Unicode.Scalar]
    public var offsets: [Int]

    public init(scalars: [Unicode.Scalar] = [], offsets: [Int] = []) {
        self.scalars = scalars
        self.offsets = offsets
    }

    public var isEmpty: Bool { scalars.isEmpty }
    public var count: Int { scalars.count }

    /// The text as a String.
    public var string: String { String(String.UnicodeScalarView(scalars)) }

    /// A String of `range` of the scalars.
    public func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// Whether `scalar` takes no space between it and another such scalar when two lines
    /// are joined: two columns wide, and not Hangul (Korean puts spaces between words, so a
    /// line end between two Hangul syllables is a space).
    @inline(__always)
    static func joinsTight(_ scalar: Unicode.Scalar, in widths: CodePointTable = UnicodeTables.width) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xD7B0...0xD7FF: false
        default: DisplayWidth.of(scalar, ambiguousWide: false, in: widths) == 2
        }
    }

    /// Joins source lines into one paragraph text: nothing between two characters that
    /// join tight (`joinsTight`: CJK), one space otherwise (Latin words, digits, Hangul).
    static func joining(lines: [Range<Int>], of source: SourceBytes) -> DisplayText {
        source.withUnsafeBufferPointer { joining(lines: lines, in: $0) }
    }

    /// `joining(lines:of:)` given the source's bytes.
    ///
    /// Both arrays are allocated once, at the size the text will have (for valid UTF-8:
    /// one scalar per byte that starts a sequence, one per joining space), and written
    /// through pointers. Controls shown as `^X` and invalid UTF-8 (a stray continuation
    /// byte is one U+FFFD of its own) may make more scalars than that: the rare text that
    /// does is built again with room for the worst case.
    static func joining<Lines: Collection<Range<Int>>>(lines: Lines, in source: UnsafeBufferPointer<UInt8>) -> DisplayText {
        if let text = joining(lines: lines, in: source, capacity: expectedScalars(lines, in: source)) { return text }
        return joining(lines: lines, in: source, capacity: mostScalars(lines)) ?? DisplayText()
    }

    /// The number of scalars the joined text of `lines` has when they are valid UTF-8
    /// without control bytes: one per byte that starts a sequence, one joining space a line.
    private static func expectedScalars<Lines: Collection<Range<Int>>>(
        _ lines: Lines, in source: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var count = 0
        for line in lines where !line.isEmpty { count += 1 + expectedCount(source, line) }
        return count
    }

    /// The most scalars the joined text of `lines` can have: two a byte (a control byte
    /// is shown as two, `^[`), one joining space a line.
    private static func mostScalars<Lines: Collection<Range<Int>>>(_ lines: Lines) -> Int {
        var count = 0
        for line in lines where !line.isEmpty { count += 1 + 2 * line.count }
        return count
    }

    /// The number of scalars of valid UTF-8 `source[range]`: its bytes that are not
    /// continuation bytes, counted eight at a time.
    @inline(__always)
    private static func expectedCount(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = source.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0
        var index = range.lowerBound
        let lanes: UInt64 = 0x0101_0101_0101_0101
        while index + 8 <= range.upperBound {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Bit 0 of each byte: not (bit 7 set and bit 6 clear).
            count &+= ((~word >> 7 | word >> 6) & lanes).nonzeroBitCount
            index += 8
        }
        while index < range.upperBound {
            if source[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Texts up to this many scalars are written into temporary memory and copied into
    /// arrays of their exact size; longer ones straight into arrays, cut to size after.
    ///
    /// Creating an array at a given size (`repeating:`, `unsafeUninitializedCapacity:`)
    /// goes through unspecialised standard-library code that looks the array's metadata
    /// up in the runtime's locked cache: for small texts that cost more than the text
    /// itself (a sixth of the dump of a million small articles). Arrays copied from a
    /// buffer are made by specialised code and need no such lookup.
    static let copiedTextLimit = 4096

    /// The joined text, or nil when it does not fit in `capacity` scalars.
    private static func joining<Lines: Collection<Range<Int>>>(
        lines: Lines, in source: UnsafeBufferPointer<UInt8>, capacity: Int
    ) -> DisplayText? {
        let widths = UnicodeTables.width
        if capacity <= copiedTextLimit {
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: capacity) { scalars in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { offsets in
                    var writer = Writer(scalars: scalars, offsets: offsets)
                    guard writer.fill(lines, from: source, widths: widths) else { return nil }
                    return DisplayText(
                        scalars: Array(UnsafeBufferPointer(rebasing: scalars[..<writer.count])),
                        offsets: Array(UnsafeBufferPointer(rebasing: offsets[..<writer.count])))
                }
            }
        }
        var scalars = [Unicode.Scalar](repeating: " ", count: capacity)
        var offsets = [Int](repeating: 0, count: capacity)
        let filled = scalars.withUnsafeMutableBufferPointer { scalars in
            offsets.withUnsafeMutableBufferPointer { offsets in
                var writer = Writer(scalars: scalars, offsets: offsets)
                return writer.fill(lines, from: source, widths: widths) ? writer.count : nil
            }
        }
        guard let filled else { return nil }
        if filled < capacity {
            scalars.removeLast(capacity - filled)
            offsets.removeLast(capacity - filled)
        }
        return DisplayText(scalars: scalars, offsets: offsets)
    }

    /// Decodes the joined display text of `lines` (as `joining(lines:in:)` makes it) into
    /// the first entries of `scalars` and, with `recordingOffsets`, `offsets`: working
    /// arrays reused from text to text, which grow as needed and never shrink. Returns the
    /// number of scalars.
    static func decode<Lines: Collection<Range<Int>>>(
        lines: Lines, in source: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar], offsets: inout [Int],
        recordingOffsets: Bool = true
    ) -> Int {
        if lines.count == 1, let line = lines.first, line.count >= halvedLineBytes,
           let count = decodeInHalves(line, in: source, into: &scalars, offsets: &offsets,
                                      recordingOffsets: recordingOffsets) {
            return count
        }
        if let count = decode(lines: lines, in: source, capacity: expectedScalars(lines, in: source), into: &scalars,
                              offsets: &offsets, recordingOffsets: recordingOffsets) {
            return count
        }
        return decode(lines: lines, in: source, capacity: mostScalars(lines), into: &scalars, offsets: &offsets,
                      recordingOffsets: recordingOffsets) ?? 0
    }

    /// A paragraph that is one line of at least this many bytes is decoded in two halves
    /// at once (`decodeInHalves`).
    static let halvedLineBytes = 1 << 20

    /// `decode(lines:in:into:offsets:recordingOffsets:)` of one long line, in two halves on
    /// two cores. The line is cut before a byte that starts a scalar: no sequence takes
    /// such a byte, so each half decodes as it does within the whole line. The second half
    /// is written after as many scalars as the first half's bytes start, the count for
    /// valid UTF-8 without control bytes; nil when the first half makes another number
    /// (then the line is decoded whole).
    private static func decodeInHalves(
        _ line: Range<Int>, in source: UnsafeBufferPointer<UInt8>,
        into scalars: inout [Unicode.Scalar], offsets: inout [Int], recordingOffsets: Bool
    ) -> Int? {
        var middle = line.lowerBound + line.count / 2
        while middle < line.upperBound, source[middle] & 0xC0 == 0x80 { middle += 1 }
        guard middle < line.upperBound else { return nil }
        let firstCount = expectedCount(source, line.lowerBound..<middle)
        // At most two scalars a byte (a control byte is two: `^[`).
        let secondCapacity = 2 * (line.upperBound - middle)
        let capacity = firstCount + secondCapacity
        if scalars.count < capacity { scalars = .workingStorage(count: capacity) }
        if recordingOffsets && offsets.count < capacity { offsets = .workingStorage(count: capacity) }
        let widths = UnicodeTables.width
        var counts: [Int?] = [nil, nil]
        scalars.withUnsafeMutableBufferPointer { allScalars in
            offsets.withUnsafeMutableBufferPointer { allOffsets in
                counts.withUnsafeMutableBufferPointer { counts in
                    nonisolated(unsafe) let (allScalars, allOffsets, counts) = (allScalars, allOffsets, counts)
                    nonisolated(unsafe) let source = source
                    let halves = [line.lowerBound..<middle, middle..<line.upperBound]
                    DispatchQueue.concurrentPerform(iterations: 2) { half in
                        let part = half == 0 ? 0..<firstCount : firstCount..<capacity
                        var writer = Writer(
                            scalars: UnsafeMutableBufferPointer(rebasing: allScalars[part]),
                            offsets: recordingOffsets ? UnsafeMutableBufferPointer(rebasing: allOffsets[part]) : nil)
                        counts[half] = writer.fill(CollectionOfOne(halves[half]), from: source, widths: widths) ? writer.count : nil
                    }
                }
            }
        }
        guard let first = counts[0], first == firstCount, let second = counts[1] else { return nil }
        return first + second
    }

    /// `decode(lines:in:into:offsets:recordingOffsets:)` with room for `capacity` scalars;
    /// nil when they do not fit.
    private static func decode<Lines: Collection<Range<Int>>>(
        lines: Lines, in source: UnsafeBufferPointer<UInt8>, capacity: Int,
        into scalars: inout [Unicode.Scalar], offsets: inout [Int], recordingOffsets: Bool
    ) -> Int? {
        if scalars.count < capacity {
            scalars = .workingStorage(count: max(capacity, 2 * scalars.count, 256))
        }
        if recordingOffsets && offsets.count < capacity {
            offsets = .workingStorage(count: max(capacity, 2 * offsets.count, 256))
        }
        let widths = UnicodeTables.width
        return scalars.withUnsafeMutableBufferPointer { scalars in
            let scalars = UnsafeMutableBufferPointer(rebasing: scalars[..<capacity])
            guard recordingOffsets else {
                var writer = Writer(scalars: scalars, offsets: nil)
                return writer.fill(lines, from: source, widths: widths) ? writer.count : nil
            }
            return offsets.withUnsafeMutableBufferPointer { offsets in
                var writer = Writer(scalars: scalars, offsets: UnsafeMutableBufferPointer(rebasing: offsets[..<capacity]))
                return writer.fill(lines, from: source, widths: widths) ? writer.count : nil
            }
        }
    }

    /// Writes display scalars and their offsets into preallocated buffers.
    private struct Writer {
        let scalars: UnsafeMutableBufferPointer<Unicode.Scalar>
        /// Where the offsets go; nil when nobody needs them.
        let offsets: UnsafeMutableBufferPointer<Int>?
        /// Number of scalars written.
        var count = 0

        /// Appends `scalar` from source `offset`; false when there is no room.
        @inline(__always)
        mutating func put(_ scalar: Unicode.Scalar, _ offset: Int) -> Bool {
            guard count < scalars.count else { return false }
            scalars[count] = scalar
            if let offsets { offsets[count] = offset }
            count += 1
            return true
        }

        /// Writes the joined display text of `lines`; false when it does not fit.
        mutating func fill<Lines: Collection<Range<Int>>>(
            _ lines: Lines, from source: UnsafeBufferPointer<UInt8>, widths: CodePointTable
        ) -> Bool {
            for line in lines where !line.isEmpty {
                if count > 0 {
                    let previous = scalars[count - 1]
                    let first = ScalarDecoder.firstScalar(in: source, range: line)
                    if !(DisplayText.joinsTight(previous, in: widths) && DisplayText.joinsTight(first, in: widths)) {
                        guard put(" ", line.lowerBound) else { return false }
                    }
                }
                var index = line.lowerBound
                let end = line.upperBound
                while index < end {
                    let byte = source[index]
                    if byte < 0x80 {
                        var fits = true
                        SafeText.visible(Unicode.Scalar(byte)) { shown in
                            if fits { fits = put(shown, index) }
                        }
                        guard fits else { return false }
                        index += 1
                        continue
                    }
                    let (scalar, length) = ScalarDecoder.decodeNonASCII(source, at: index, end: end)
                    guard put(SafeText.visibleNonASCII(scalar, widths: widths), index) else { return false }
                    index += length
                }
            }
            return true
        }
    }

    /// The display text of a single source range (a heading, a title).
    public static func of(_ range: Range<Int>, in source: SourceBytes) -> DisplayText {
        source.withUnsafeBufferPointer { joining(lines: CollectionOfOne(range), in: $0) }
    }
}
