/// Writes laid-out lines as UTF-8 into a byte array, each line its prefix, its scalars
/// and a newline: the one UTF-8 writer of `ArticleLayout.appendText` and `DumpWriter`.
///
/// The array grows once by the most the lines can take (`most`: four bytes a scalar),
/// the bytes are written through a pointer, and what was not used is cut off again.
struct UTF8LineWriter {
    private let output: UnsafeMutableBufferPointer<UInt8>
    /// Where the next byte goes.
    private var count: Int

    /// Appends to `output` the lines `body` writes, which take at most `most` bytes.
    static func append(to output: inout [UInt8], most: Int, _ body: (inout UTF8LineWriter) -> Void) {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: most))
        let written = output.withUnsafeMutableBufferPointer { buffer in
            var writer = UTF8LineWriter(output: buffer, count: start)
            body(&writer)
            return writer.count
        }
        output.removeLast(output.count - written)
    }

    /// The most bytes a line of `scalars` scalars after `prefix` takes, newline included.
    @inline(__always)
    static func most(prefix: String, scalars: Int) -> Int {
        prefix.utf8.count + 4 * scalars + 1
    }

    /// Writes a line's prefix (indent or marker).
    @inline(__always)
    mutating func write(prefix: String) {
        for byte in prefix.utf8 {
            output[count] = byte
            count += 1
        }
    }

    /// Writes `scalars[range]`.
    @inline(__always)
    mutating func write(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) {
        for index in range {
            count = Self.encode(scalars[index], into: output, at: count)
        }
    }

    /// Ends the line.
    @inline(__always)
    mutating func endLine() {
        output[count] = 0x0A
        count += 1
    }

    /// Writes the UTF-8 of `scalar` at `output[index...]`; returns the index after it.
    @inline(__always)
    static func encode(_ scalar: Unicode.Scalar, into output: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        let value = scalar.value
        if value < 0x80 {
            output[index] = UInt8(truncatingIfNeeded: value)
            return index + 1
        }
        if value < 0x800 {
            output[index] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            output[index + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return index + 2
        }
        if value < 0x10000 {
            output[index] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            output[index + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            output[index + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return index + 3
        }
        output[index] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
        output[index + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
        output[index + 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
        output[index + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
        return index + 4
    }
}
