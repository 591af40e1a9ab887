import Testing

@testable import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The one read loop (`DescriptorReader`): reads until the count or the end of the input,
/// and reports a failed read with its `errno`.
struct DescriptorReaderTests {
    @Test func readsUpToTheCountThenReportsTheEnd() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let descriptor = StreamingDumpTests.descriptor(for: Array("0123456789".utf8), in: directory)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 16)
        let first = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(ArticlePieces.ReadFailure) in
                try DescriptorReader.read(into: bytes.baseAddress!, count: 4, from: descriptor)
            }
        }.get()
        #expect(first.count == 4 && !first.reachedEnd)
        #expect(String(decoding: buffer[0..<4], as: UTF8.self) == "0123")
        let rest = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(ArticlePieces.ReadFailure) in
                try DescriptorReader.read(into: bytes.baseAddress! + 4, count: 12, from: descriptor)
            }
        }.get()
        #expect(rest.count == 6 && rest.reachedEnd)
        #expect(String(decoding: buffer[0..<10], as: UTF8.self) == "0123456789")
    }

    @Test func aFailedReadThrowsItsErrno() {
        let descriptor = open("/tmp", O_RDONLY)  // reading a directory fails with EISDIR
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4)
        let result = buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(ArticlePieces.ReadFailure) in
                try DescriptorReader.read(into: bytes.baseAddress!, count: 4, from: descriptor)
            }
        }
        #expect(throws: ArticlePieces.ReadFailure(code: EISDIR)) { try result.get() }
    }
}
