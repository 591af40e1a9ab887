import Dispatch

/// `reader --dump`: the whole document laid out as plain text (design.md §5).
///
/// Articles are laid out in batches on all cores; each batch becomes UTF-8 bytes that are
/// handed out in document order as soon as the batches before them are done. Only a
/// window of batches is held at a time, so memory stays small however large the input.
public enum DocumentDump {
    /// Source bytes of articles per batch: large enough to amortise the hand-over,
    /// small enough that the batches of a window spread evenly over the cores.
    static let batchBytes = 256 * 1024
    /// Batches laid out concurrently before their output is handed out.
    static let window = 16

    /// Writes the laid-out document, a chunk of UTF-8 bytes at a time, to `write`.
    public static func writeBytes(
        _ document: Document, width: Int, ambiguousWide: Bool = false, to write: ([UInt8]) -> Void
    ) {
        let articles = document.articles
        let sourceBytes = document.source
        // Batches of consecutive articles, cut by source size.
        var batchStarts: [Int] = []
        var bytes = Int.max
        for index in articles.indices {
            if bytes >= batchBytes {
                batchStarts.append(index)
                bytes = 0
            }
            bytes += articles.chunk(of: index).count
        }
        batchStarts.append(articles.count)
        let starts = batchStarts
        let batchCount = batchStarts.count - 1
        var first = 0
        while first < batchCount {
            let count = min(window, batchCount - first)
            let firstBatch = first
            var outputs = [[UInt8]](repeating: [], count: count)
            outputs.withUnsafeMutableBufferPointer { outputs in
                nonisolated(unsafe) let outputs = outputs
                document.source.withUnsafeBufferPointer { source in
                    nonisolated(unsafe) let source = source
                    DispatchQueue.concurrentPerform(iterations: count) { offset in
                        let batch = firstBatch + offset
                        var output: [UInt8] = []
                        output.reserveCapacity(batchBytes + batchBytes / 2)
                        var scratch = WrapScratch()
                        for index in starts[batch]..<starts[batch + 1] {
                            let layout = ArticleLayout(
                                article: articles.parse(index, in: source), source: sourceBytes, width: width,
                                style: .dump, ambiguousWide: ambiguousWide, scratch: &scratch)
                            if index > 0 { output.append(0x0A) }
                            layout.appendText(to: &output)
                        }
                        outputs[offset] = output
                    }
                }
            }
            for output in outputs { write(output) }
            first += count
        }
    }

    /// Writes the laid-out document, a chunk at a time, to `write`.
    public static func write(
        _ document: Document, width: Int, ambiguousWide: Bool = false, to write: (String) -> Void
    ) {
        writeBytes(document, width: width, ambiguousWide: ambiguousWide) { write(String(decoding: $0, as: UTF8.self)) }
    }

    /// The whole dump as one string (for tests and small documents).
    public static func render(_ document: Document, width: Int, ambiguousWide: Bool = false) -> String {
        var output: [UInt8] = []
        writeBytes(document, width: width, ambiguousWide: ambiguousWide) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }
}
