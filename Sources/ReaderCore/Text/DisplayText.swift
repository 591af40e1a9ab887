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

    /// Appends the display form of every scalar of `source[range]`.
    mutating func append(source: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        ScalarDecoder.forEachScalar(in: source, range: range) { scalar, offset in
            SafeText.visible(scalar) { shown in
                scalars.append(shown)
                offsets.append(offset)
            }
        }
    }

    /// Joins source lines into one paragraph text: nothing between two wide (CJK)
    /// characters, one space where either side is narrow (Latin words, digits).
    static func joining(lines: [Range<Int>], of source: SourceBytes) -> DisplayText {
        var text = DisplayText()
        let total = lines.reduce(0) { $0 + $1.count }
        text.scalars.reserveCapacity(total)
        text.offsets.reserveCapacity(total)
        source.withUnsafeBufferPointer { buffer in
            for line in lines where !line.isEmpty {
                if let previous = text.scalars.last {
                    let firstOfLine = ScalarDecoder.scalars(in: buffer, range: line, limit: 1).first ?? " "
                    if !(DisplayWidth.of(previous) == 2 && DisplayWidth.of(firstOfLine) == 2) {
                        text.scalars.append(" ")
                        text.offsets.append(line.lowerBound)
                    }
                }
                text.append(source: buffer, range: line)
            }
        }
        return text
    }

    /// The display text of a single source range (a heading, a title).
    public static func of(_ range: Range<Int>, in source: SourceBytes) -> DisplayText {
        joining(lines: [range], of: source)
    }
}
