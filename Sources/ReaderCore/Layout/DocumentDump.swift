import Dispatch

/// `reader --dump`: the whole document laid out as plain text (README, "Command line").
///
/// Articles are laid out in batches on all cores; each batch becomes UTF-8 bytes that are
/// handed out in document order as soon as the batches before them are done, by the
/// thread that finished the last of them, while the other threads go on laying out (no
/// thread waits for a whole group of batches). Only a window of batches is taken ahead
/// of the output, so memory stays small however large the input.
public enum DocumentDump {
    /// Source bytes of articles per batch: large enough to amortise the hand-over,
    /// small enough that the batches spread evenly over the cores.
    static let batchBytes = 256 * 1024
    /// Batches taken but not yet handed out, at most.
    static let window = 16
    /// The largest piece of output handed to `write` at once: a batch of one huge
    /// article is handed out in pieces, so that whoever buffers it need not hold it whole
    /// (for a 10 MB paragraph that was 10 MB more memory touched).
    static let writeBytes = 64 * 1024

    /// The laid-out batches waiting for the ones before them.
    private struct Pending {
        /// Output of each batch, until it is handed out.
        var outputs: [[UInt8]?]
        /// The batch to hand out next.
        var next = 0
    }

    /// Writes the laid-out document, a chunk of UTF-8 bytes at a time, to `write`.
    /// With `links`, each article is followed by its links as footnotes (`LinkFootnotes`).
    /// `elidedLines`: the huge lines the document's source holds only the ends of
    /// (`ArticlePieces.elideHugeLines`), each a paragraph of its own, read from the file.
    public static func writeBytes(
        _ document: Document, width: Int, ambiguousWide: Bool = false, lineBreak: LineBreakStrictness = .normal,
        links: Bool = false, elidedLines: ElidedLines? = nil, to write: ([UInt8]) -> Void
    ) {
        let articles = document.articles
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
        guard batchCount > 0 else { return }
        let pending = Locked(Pending(outputs: Array(repeating: nil, count: batchCount)))
        let window = DispatchSemaphore(value: Self.window)
        // (`DumpWriter.spill` keeps `write` only while its batch is written.)
        withoutActuallyEscaping(write) { write in document.source.withUnsafeBufferPointer { source in
            nonisolated(unsafe) let source = source
            nonisolated(unsafe) let write = write
            // Batches are started in order, each once its place in the window is free.
            DispatchQueue.concurrentPerform(iterations: batchCount) { batch in
                window.wait()
                var output: [UInt8] = []
                // A batch's output is about 1.5 times its source (a small document reserves
                // what it needs, not a whole batch's worth).
                output.reserveCapacity(min(batchBytes, source.count) * 3 / 2)
                var writer = DumpWriter(
                    width: width, style: .dump, ambiguousWide: ambiguousWide, lineBreak: lineBreak,
                    conversion: document.conversion)
                writer.elidedLines = elidedLines
                writer.spill = { output in
                    // Once every batch before this one is written, this one's output can go
                    // as it grows (a huge paragraph's, window by window).
                    guard output.count >= Self.writeBytes else { return }
                    pending.withLock { pending in
                        guard pending.next == batch else { return }
                        Self.writeChunks(output, to: write)
                        output.removeAll(keepingCapacity: true)
                    }
                }
                let batchArticles = articles.parse(starts[batch]..<starts[batch + 1], in: source)
                for index in batchArticles.indices {
                    if batch > 0 || index > 0 { output.append(0x0A) }
                    writer.write(batchArticles[index], source: source, to: &output)
                    if links {
                        LinkFootnotes.append(
                            batchArticles[index], in: document, ambiguousWide: ambiguousWide, lineBreak: lineBreak,
                            to: &output)
                    }
                }
                pending.withLock { pending in
                    pending.outputs[batch] = output
                    while pending.next < batchCount, let ready = pending.outputs[pending.next] {
                        Self.writeChunks(ready, to: write)
                        pending.outputs[pending.next] = nil
                        pending.next += 1
                        window.signal()
                    }
                }
            }
        } }
    }

    /// Writes `output` to `write` in chunks of at most `writeBytes`.
    private static func writeChunks(_ output: [UInt8], to write: ([UInt8]) -> Void) {
        if output.count <= Self.writeBytes {
            write(output)
        } else {
            for start in stride(from: 0, to: output.count, by: Self.writeBytes) {
                write(Array(output[start..<min(start + Self.writeBytes, output.count)]))
            }
        }
    }

    /// The whole dump as one string (for tests and small documents).
    public static func render(
        _ document: Document, width: Int, ambiguousWide: Bool = false, lineBreak: LineBreakStrictness = .normal
    ) -> String {
        var output: [UInt8] = []
        writeBytes(document, width: width, ambiguousWide: ambiguousWide, lineBreak: lineBreak) { output += $0 }
        return String(decoding: output, as: UTF8.self)
    }
}
