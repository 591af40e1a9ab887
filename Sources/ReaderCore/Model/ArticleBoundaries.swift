#if canImport(Glibc)
import Glibc
#endif

/// Where each article starts in the source, found in one `memchr` pass over the bytes
/// (headings as `IssueScanner.headingLevel` reads them) without parsing paragraphs (so opening a year of newspapers shows the list at once).
///
/// An article is the text from one `## ` heading line to the next; the text before the
/// first one, if it holds anything, is the front matter article. Headings always start a
/// line, and `#` is ASCII, so the scan looks only at `#` bytes that follow a line end.
/// Parsing an article's chunk alone gives exactly what parsing the whole issue gives
/// for it: the parser's state is reset at every `## ` line.
final class ArticleBoundaries: Sendable {
    /// Byte offset where each article's chunk starts; the chunk ends where the next
    /// one starts, or at `end`.
    let starts: [Int]
    /// Number of section (`###`…) headings in each article.
    let sectionCounts: [Int32]
    /// End of the last chunk: the source length.
    let end: Int
    /// The largest of `sectionCounts` (0 when there are no articles).
    let maxSectionCount: Int

    init(source: SourceBytes) {
        var starts: [Int] = []
        var sectionCounts: [Int32] = []
        var frontSections: Int32 = 0
        let count = source.count
        let first = source.withUnsafeBufferPointer { buffer in
            let first = IssueScanner.firstLine(of: buffer)
            var start = first
            guard let base = buffer.baseAddress else { return first }
            while start < count {
                guard let found = memchr(base + start, Int32(UInt8(ascii: "#")), count - start) else { break }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                start = index + 1
                guard index == first || buffer[index - 1] == 0x0A || buffer[index - 1] == 0x0D else { continue }
                let level = IssueScanner.headingLevel(at: index, in: buffer, limit: count)
                if level == 2 {
                    starts.append(index)
                    sectionCounts.append(0)
                } else if level > 2 {
                    if sectionCounts.isEmpty {
                        frontSections += 1
                    } else {
                        sectionCounts[sectionCounts.count - 1] += 1
                    }
                }
                // The `#`s after the first are not at a line start.
                start = index + max(1, level)
            }
            return first
        }
        // The front matter is an article only when it holds something.
        let frontEnd = starts.first ?? count
        if first < frontEnd, !DocumentParser.parse(source, range: first..<frontEnd).isEmpty {
            starts.insert(first, at: 0)
            sectionCounts.insert(frontSections, at: 0)
        }
        self.starts = starts
        self.sectionCounts = sectionCounts
        self.end = count
        self.maxSectionCount = Int(sectionCounts.max() ?? 0)
    }

    var count: Int { starts.count }

    /// The bytes of article `index`'s chunk.
    func chunk(_ index: Int) -> Range<Int> {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] : end)
    }
}
