/// Decodes UTF-8 bytes of the source into Unicode scalars, each with the byte offset
/// it came from. Invalid UTF-8 becomes U+FFFD (one per maximal invalid subpart), so no
/// byte of the input is lost without a trace and offsets always point into the source.
enum ScalarDecoder {
    /// Calls `body(scalar, offset)` for every scalar in `source[range]`.
    @inline(__always)
    static func forEachScalar(
        in source: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Unicode.Scalar, Int) -> Void
    ) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = source[index]
            if byte < 0x80 {
                body(Unicode.Scalar(byte), index)
                index += 1
                continue
            }
            let (scalar, length) = decodeMultibyte(source, at: index, end: end)
            body(scalar, index)
            index += length
        }
    }

    /// `decodeMultibyte`, with the common case inlined: a valid three-byte sequence from
    /// U+1000 up (CJK ideographs and punctuation, other than U+D000–U+DFFF).
    @inline(__always)
    static func decodeNonASCII(_ s: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let b0 = s[index]
        if b0 >= 0xE1 && b0 <= 0xEC && index + 2 < end {
            let b1 = s[index + 1], b2 = s[index + 2]
            if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                let value = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                // U+1000…U+CFFF: never a surrogate, so always a scalar.
                return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
            }
        }
        return decodeMultibyte(s, at: index, end: end)
    }

    /// Decodes the multi-byte sequence starting at `index`; returns U+FFFD and the length
    /// of the maximal invalid subpart when the bytes are not valid UTF-8.
    @inline(__always)
    static func decodeMultibyte(_ s: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let b0 = s[index]
        let replacement: Unicode.Scalar = "\u{FFFD}"
        func continuation(_ i: Int) -> UInt32? {
            guard i < end else { return nil }
            let b = s[i]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(index + 1) else { return (replacement, 1) }
            return (Unicode.Scalar(UInt32(b0 & 0x1F) << 6 | c1) ?? replacement, 2)
        case 0xE0...0xEF:
            guard index + 1 < end else { return (replacement, 1) }
            let b1 = s[index + 1]
            let lowOK: Bool
            switch b0 {
            case 0xE0: lowOK = (0xA0...0xBF).contains(b1)
            case 0xED: lowOK = (0x80...0x9F).contains(b1)
            default: lowOK = (0x80...0xBF).contains(b1)
            }
            guard lowOK else { return (replacement, 1) }
            guard let c2 = continuation(index + 2) else { return (replacement, 2) }
            let value = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | c2
            return (Unicode.Scalar(value) ?? replacement, 3)
        case 0xF0...0xF4:
            guard index + 1 < end else { return (replacement, 1) }
            let b1 = s[index + 1]
            let lowOK: Bool
            switch b0 {
            case 0xF0: lowOK = (0x90...0xBF).contains(b1)
            case 0xF4: lowOK = (0x80...0x8F).contains(b1)
            default: lowOK = (0x80...0xBF).contains(b1)
            }
            guard lowOK else { return (replacement, 1) }
            guard let c2 = continuation(index + 2) else { return (replacement, 2) }
            guard let c3 = continuation(index + 3) else { return (replacement, 3) }
            let value = UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | c2 << 6 | c3
            return (Unicode.Scalar(value) ?? replacement, 4)
        default:
            return (replacement, 1)
        }
    }

    /// The first `limit` scalars of `source[range]` (all of them when `limit` is nil).
    static func scalars(in source: UnsafeBufferPointer<UInt8>, range: Range<Int>, limit: Int? = nil) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        // No more scalars than bytes: one allocation, not a growing array's several.
        result.reserveCapacity(min(range.count, limit ?? range.count))
        var index = range.lowerBound
        while index < range.upperBound, limit.map({ result.count < $0 }) ?? true {
            if source[index] < 0x80 {
                result.append(Unicode.Scalar(source[index]))
                index += 1
            } else {
                let (scalar, length) = decodeMultibyte(source, at: index, end: range.upperBound)
                result.append(scalar)
                index += length
            }
        }
        return result
    }

    /// The first scalar of the non-empty `source[range]`.
    @inline(__always)
    static func firstScalar(in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Unicode.Scalar {
        let byte = source[range.lowerBound]
        if byte < 0x80 { return Unicode.Scalar(byte) }
        return decodeMultibyte(source, at: range.lowerBound, end: range.upperBound).0
    }

    /// Whether `source[range]` decodes to at most `limit` scalars (stops counting past it).
    static func hasAtMost(_ limit: Int, scalarsIn range: Range<Int>, of source: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = range.lowerBound
        var count = 0
        while index < range.upperBound {
            count += 1
            if count > limit { return false }
            index += source[index] < 0x80 ? 1 : decodeMultibyte(source, at: index, end: range.upperBound).1
        }
        return true
    }

    /// The last scalar of `source[range]`, found by stepping back over continuation bytes.
    static func lastScalar(in source: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Unicode.Scalar? {
        guard !range.isEmpty else { return nil }
        var start = range.upperBound - 1
        while start > range.lowerBound, range.upperBound - start < 4, source[start] & 0xC0 == 0x80 { start -= 1 }
        return scalars(in: source, range: start..<range.upperBound).last
    }

    /// The scalars of `source[range]` with invalid UTF-8 repaired to U+FFFD.
    static func scalars(of source: [UInt8], range: Range<Int>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.count)
        source.withUnsafeBufferPointer { buffer in
            forEachScalar(in: buffer, range: range) { scalar, _ in result.append(scalar) }
        }
        return result
    }
}
