import Foundation
import PropertyBased
import Testing
@testable import ReaderCore

/// `SearchGrams.grams(ofIssueText:)`, the grams indexing takes from the raw bytes, hold
/// every gram of the search texts (`SearchGrams.grams(of: document)`), with or without
/// page-break repair: the index may then let a file through too often, never leave out
/// one with hits.
@Suite struct IssueTextGramsTests {
    private static func rawGrams(_ bytes: [UInt8]) -> Set<Int64> {
        Set(bytes.withUnsafeBufferPointer { SearchGrams.grams(ofIssueText: $0) })
    }

    private static func exactGrams(_ bytes: [UInt8], repair: Bool) -> Set<Int64> {
        Set(SearchGrams.grams(of: Document(source: bytes, name: "-", repair: repair)))
    }

    /// The keys of the pairs of adjacent scalars of `text`.
    private static func pairs(_ text: String) -> Set<Int64> {
        let scalars = Array(text.unicodeScalars)
        return Set(scalars.indices.dropFirst().map { SearchGrams.key(scalars[$0 - 1].value, scalars[$0].value) })
    }

    private static let placeholders = pairs("(untitled)").union(Self.pairs("(untitled section)")).union(Self.pairs("(front matter)"))

    /// Each scalar folded and made visible, white space written within a line, and a line
    /// end giving both joins (tight and with a space).
    @Test func examples() {
        #expect(Self.rawGrams(Array("中\n文".utf8)) == Self.placeholders.union(Self.pairs("中文")).union(Self.pairs("中 文")))
        #expect(Self.rawGrams(Array("發Ａ".utf8)) == Self.placeholders.union(Self.pairs("发a")))
        // Trailing white space, a blank line and leading white space between two lines.
        #expect(Self.rawGrams(Array("中\u{3000}\r\n \n\t文".utf8))
            == Self.placeholders.union(Self.pairs("中  文")).union(Self.pairs("中文")))
        // A control byte is shown as `^` and a letter; a heading's `#`s are taken too.
        #expect(Self.rawGrams(Array("## a\u{1B}b".utf8)) == Self.placeholders.union(Self.pairs("## a^[b")))
        #expect(Self.rawGrams([0x61, 0xFF, 0x62]) == Self.placeholders.union(Self.pairs("a\u{FFFD}b")))
        #expect(Self.rawGrams([]) == Self.placeholders)
    }

    @Test func holdEveryGramOfRandomIssues() async {
        await propertyCheck(count: 1500, input: RandomIssue.bytes, Gen.bool) { bytes, repair in
            let missing = Self.exactGrams(bytes, repair: repair).subtracting(Self.rawGrams(bytes))
            #expect(missing.isEmpty, "\(bytes) repair \(repair): \(missing)")
        }
    }

    /// Real issues: the seed, the committed excerpts, and the corpus `make real-corpus`
    /// builds when it is there (its files cut to 2 MB: the debug build is slow).
    @Test func holdEveryGramOfRealIssues() {
        let corpus = Fixtures.packageRoot + "/.build/real-corpus"
        let corpusFiles = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus + "/" + $0 }
        let paths = [Fixtures.seedPath, Fixtures.packageRoot + "/Tests/Golden/real-excerpts.txt"] + corpusFiles
        for path in paths {
            let bytes = Array(Fixtures.bytes(path).prefix(2 << 20))
            #expect(!bytes.isEmpty, "\(path)")
            for repair in [true, false] {
                let missing = Self.exactGrams(bytes, repair: repair).subtracting(Self.rawGrams(bytes))
                #expect(missing.isEmpty, "\(path) repair \(repair): \(missing.count) missing")
            }
        }
    }
}
