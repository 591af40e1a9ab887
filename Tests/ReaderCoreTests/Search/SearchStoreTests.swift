import Foundation
import PropertyBased
import Testing
@testable import ReaderCore
@testable import ReaderIndex

/// A fresh cache directory for one test.
private func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "reader-store-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Random issue text from a few pieces that fold together (發/发, Ａ/a/A), headings and breaks.
private let pieces = ["## ", "### ", "\n", "\n\n", "中", "国", "發", "发", "Ａ", "a", "A", "1", " ", "，"]
private let queryPieces = ["中", "国", "发", "發", "a", "A", "1", "Ａ", " ", "，"]

private func entry(_ path: String, _ text: String, size: Int = 0) -> SearchStore.Entry {
    let document = Document(text: text)
    return SearchStore.Entry(
        path: Array(path.utf8), size: size, modified: 0, contentHash: Int64(bitPattern: FNV1a.hash(text)),
        repair: true, grams: SearchGrams.grams(of: document))
}

@Suite struct SearchStoreTests {
    @Test func postingListsRoundTrip() {
        let ids: [Int64] = [1, 2, 3, 130, 131, 20_000, 1 << 40]
        #expect(PostingList.decode(PostingList.encode(ids)) == ids)
        #expect(PostingList.encode([1, 2, 3]) == Data([1, 1, 1]))
        #expect(PostingList.intersection([1, 3, 5, 7], [2, 3, 7, 9]) == [3, 7])
    }

    /// Slot numbers are the order of first insertion, also across the table's growth.
    @Test func gramTableNumbersKeysInTheOrderFirstMet() {
        let table = GramTable(capacity: 4)
        let keys: [Int64] = (0..<100).map { Int64($0 % 37) << 21 | Int64($0 % 37) }
        let slots = keys.map { table.slot(of: $0) }
        #expect(slots == (0..<100).map { $0 % 37 })
        #expect(table.inserted == (0..<37).map { Int64($0) << 21 | Int64($0) })
        #expect(table.slot(of: 1 << 40) == 37)
    }

    @Test func gramsArePairsOfFoldedScalarsWithinATextOnly() {
        // `## Ab` gives the text "ab"; the paragraph "發中" folds to "发中".
        let grams = SearchGrams.grams(of: Document(text: "## Ab\n\n發中\n")).sorted()
        let expected = [SearchGrams.key(0x61, 0x62), SearchGrams.key(0x53D1, 0x4E2D)].sorted()
        #expect(grams == expected)
        #expect(SearchGrams.grams(of: SearchFolding.fold("中")) == [])
        #expect(SearchGrams.grams(of: SearchFolding.fold("ＡaA")) == [SearchGrams.key(0x61, 0x61)])
    }

    /// The candidates are exactly the live files whose grams hold the query's, after
    /// files are recorded, changed (recorded again) and removed.
    @Test func candidatesAreTheFilesHoldingEveryGram() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000)) { seed in
            var random = SplitMix(seed: UInt64(seed))
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try #require(SearchStore(directory: directory))
            var texts: [String: String] = [:]
            func randomText() -> String {
                (0..<random.next(below: 40)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            }
            for number in 0..<6 { texts["/a/\(number)"] = randomText() }
            store.record(texts.sorted { $0.key < $1.key }.map { entry($0.key, $0.value) })
            for round in 0..<3 {
                if round > 0 {
                    let changed = "/a/\(random.next(below: 8))"
                    texts[changed] = randomText()
                    store.record([entry(changed, texts[changed] ?? "")])
                    let removed = "/a/\(random.next(below: 8))"
                    texts[removed] = nil
                    store.remove(paths: [Array(removed.utf8)])
                }
                let query = (0..<(1 + random.next(below: 3))).map { _ in queryPieces[random.next(below: queryPieces.count)] }.joined()
                let grams = SearchGrams.grams(of: SearchFolding.fold(query))
                let found = try #require(store.lookup(grams: grams))
                #expect(Set(found.files.keys) == Set(texts.keys.map { Array($0.utf8) }))
                let expected = Set(texts.compactMap { path, text -> Int64? in
                    let fileGrams = Set(SearchGrams.grams(of: Document(text: text)))
                    guard grams.allSatisfy(fileGrams.contains) else { return nil }
                    return found.files[Array(path.utf8)]?.id
                })
                #expect(found.candidates == (grams.isEmpty ? nil : expected))
                // No file with a hit is left out.
                for (path, text) in texts where !Document(text: text).articleHits(of: SearchFolding.fold(query)).isEmpty {
                    let id = try #require(found.files[Array(path.utf8)]?.id)
                    #expect(found.candidates?.contains(id) ?? true)
                }
            }
        }
    }

    /// A snapshot holds what `lookup` gives: every file's record under its path, and the
    /// same candidates.
    @Test func aSnapshotHoldsWhatTheLookupGives() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(SearchStore(directory: directory))
        store.record([entry("/a/1", "## 中国\n"), entry("/a/2", "## 中\n"), entry("/b/3", "## 重庆中国\n")])
        let grams = SearchGrams.grams(of: SearchFolding.fold("中国"))
        let snapshot = try #require(store.snapshot(grams: grams))
        let lookup = try #require(store.lookup(grams: grams))
        #expect(snapshot.paths.map { String(decoding: $0.bytes, as: UTF8.self) }.sorted() == ["/a/1", "/a/2", "/b/3"])
        for (path, record) in lookup.files {
            #expect(snapshot.record(for: SearchStore.PathKey(path)) == record)
        }
        #expect(snapshot.record(for: SearchStore.PathKey(Array("/a".utf8))) == nil)
        #expect(snapshot.candidates == lookup.candidates)
        let candidates = snapshot.paths.filter { path in
            snapshot.record(for: path).map(snapshot.isCandidate) ?? false
        }
        #expect(candidates.map { String(decoding: $0.bytes, as: UTF8.self) }.sorted() == ["/a/1", "/b/3"])
        #expect(SearchStore.PathKey(Array("/a/1".utf8)).isUnder(Array("/a/".utf8)))
        #expect(!SearchStore.PathKey(Array("/ab/1".utf8)).isUnder(Array("/a/".utf8)))
        #expect(!SearchStore.PathKey(Array("/a/".utf8)).isUnder(Array("/a/".utf8)))
    }

    @Test func anUnchangedFileKeepsItsIdWhenOnlyItsTimeChanges() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(SearchStore(directory: directory))
        store.record([entry("/x", "## 中国\n")])
        let before = try #require(store.lookup(grams: [])?.files[Array("/x".utf8)])
        var touched = entry("/x", "## 中国\n", size: 9)
        touched.modified = 42
        store.record([touched])
        let after = try #require(store.lookup(grams: [])?.files[Array("/x".utf8)])
        #expect(after == SearchStore.FileRecord(id: before.id, size: 9, modified: 42, contentHash: before.contentHash, repair: true))
    }

    @Test func aCorruptIndexIsMadeAgainSilently() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/" + SearchStore.fileName
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let store = try #require(SearchStore(directory: directory))
        store.record([entry("/x", "## 中国\n")])
        let found = try #require(store.lookup(grams: SearchGrams.grams(of: SearchFolding.fold("中国"))))
        #expect(found.files.keys.map { String(decoding: $0, as: UTF8.self) } == ["/x"])
        #expect(found.candidates == [try #require(found.files[Array("/x".utf8)]?.id)])
    }

    /// Two stores on one database (two readers) recording at once from two threads.
    @Test func twoWritersAtOnceLoseNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try #require(SearchStore(directory: directory))
        let second = try #require(SearchStore(directory: directory))
        nonisolated(unsafe) let stores = [first, second]
        DispatchQueue.concurrentPerform(iterations: 2) { number in
            for file in 0..<20 {
                stores[number].record([entry("/\(number)/\(file)", "## 中国\(number)\n")])
            }
        }
        let found = try #require(first.lookup(grams: SearchGrams.grams(of: SearchFolding.fold("中国"))))
        #expect(found.files.count == 40)
        #expect(found.candidates == Set(found.files.values.map(\.id)))
    }
}

/// A small deterministic random generator (SplitMix64), so that a failing seed replays.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
