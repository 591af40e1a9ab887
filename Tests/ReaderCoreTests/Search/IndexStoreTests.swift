import Dispatch
import Foundation
import PropertyBased
import Testing
@testable import ReaderCore
@testable import ReaderIndex

/// A fresh cache directory for one test.
private func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "reader-index-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Random issue text from a few pieces that fold together (發/发, Ａ/a/A), headings and breaks.
private let pieces = ["## ", "### ", "\n", "\n\n", "中", "国", "發", "发", "Ａ", "a", "A", "1", " ", "，"]
private let queryPieces = ["中", "国", "发", "發", "a", "A", "1", "Ａ", " ", "，"]

private func entry(_ path: String, _ text: String, size: Int = 0) -> IndexStore.Entry {
    IndexStore.Entry(
        path: Array(path.utf8), size: size, modified: 0, contentHash: Int64(bitPattern: FNV1a.hash(text)),
        repair: true, grams: SearchGrams.grams(of: Document(text: text)))
}

/// What the index says of `paths` for `query`: each known path, and whether it is a candidate.
private func lookup(_ store: IndexStore, _ paths: [String], query: String) -> [String: Bool] {
    let snapshot = store.snapshot()
    let candidates = snapshot.candidates(grams: SearchGrams.grams(of: SearchFolding.fold(query)))
    var finder = snapshot.makeFinder()
    var found: [String: Bool] = [:]
    for path in paths {
        guard let location = finder.find(Array(path.utf8)) else { continue }
        found[path] = candidates?.contains(location) ?? true
    }
    return found
}

@Suite struct IndexStoreTests {
    /// A directory's files come before its subdirectories, names in byte order
    /// (IssueTree's order), whatever bytes follow.
    @Test func treeOrderIsTheIssueTreeOrder() {
        let paths = ["/a/z.txt", "/a-b/c", "/a/b/x", "/a/b.txt", "/a/b-c/y", "/a/b/a/q", "/a/a", "/a/b/b"]
        let sorted = paths.map { Array($0.utf8) }.sorted(by: TreeOrder.isBefore).map { String(decoding: $0, as: UTF8.self) }
        #expect(sorted == ["/a/a", "/a/b.txt", "/a/z.txt", "/a/b/b", "/a/b/x", "/a/b/a/q", "/a/b-c/y", "/a-b/c"])
    }

    /// The candidates are exactly the live files whose grams hold the query's, after
    /// files are recorded, changed (recorded again), removed and added, over merges.
    @Test func candidatesAreTheFilesHoldingEveryGram() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000)) { seed in
            var random = SplitMix(seed: UInt64(seed))
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try #require(IndexStore(cacheDirectory: directory))
            var texts: [String: String] = [:]
            func randomText() -> String {
                (0..<random.next(below: 40)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            }
            let allPaths = (0..<10).map { "/a/\($0)" } + ["/a/b/1", "/a/b/2"]
            for path in allPaths.prefix(6) { texts[path] = randomText() }
            store.record(texts.map { entry($0.key, $0.value) })
            for round in 0..<8 {
                if round > 0 {
                    let changed = allPaths[random.next(below: allPaths.count)]
                    texts[changed] = randomText()
                    let removed = allPaths[random.next(below: allPaths.count)]
                    texts[removed] = nil
                    store.record(texts[changed].map { [entry(changed, $0)] } ?? [])
                    store.record([], removedPaths: [Array(removed.utf8)])
                }
                let query = (0..<(1 + random.next(below: 3))).map { _ in queryPieces[random.next(below: queryPieces.count)] }.joined()
                let grams = SearchGrams.grams(of: SearchFolding.fold(query))
                var expected: [String: Bool] = [:]
                for (path, text) in texts {
                    let fileGrams = Set(SearchGrams.grams(of: Document(text: text)))
                    expected[path] = grams.allSatisfy(fileGrams.contains)
                    // No file with a hit is left out.
                    if !Document(text: text).articleHits(of: SearchFolding.fold(query)).isEmpty {
                        #expect(expected[path] == true)
                    }
                }
                #expect(lookup(store, allPaths, query: query) == expected)
                #expect(store.snapshot().segments.count <= IndexStore.mergeLimit)
            }
        }
    }

    /// Files gone from a searched directory are the records no lookup asked for, under it only.
    @Test func unseenPathsAreTheRemovedFiles() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(IndexStore(cacheDirectory: directory))
        store.record(["/a/1", "/a/2", "/a/3", "/b/1"].map { entry($0, "## 中国\n") })
        store.record([entry("/a/2", "## 中\n")])
        store.record([], removedPaths: [Array("/a/3".utf8)])
        var finder = store.snapshot().makeFinder()
        #expect(finder.find(Array("/a/1".utf8)) != nil)
        #expect(finder.find(Array("/a/3".utf8)) == nil)
        #expect(finder.unseenPaths(under: [Array("/a/".utf8)]).map { String(decoding: $0, as: UTF8.self) } == ["/a/2"])
    }

    /// Files asked for out of order, or twice, are found all the same (the finder walks
    /// forwards only while the paths ascend).
    @Test func filesAreFoundInAnyOrder() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(IndexStore(cacheDirectory: directory))
        let paths = (0..<300).map { String(format: "/a/%03d", $0) }
        store.record(paths.map { entry($0, "## 中国\n", size: 1) })
        store.record([entry("/a/150", "## 重庆\n", size: 2)])
        let snapshot = store.snapshot()
        var finder = snapshot.makeFinder()
        let asked = ["/a/299", "/a/150", "/a/150", "/a/000", "/a/151", "/b", "/a/298", "/a/0"]
        let sizes = asked.map { finder.find(Array($0.utf8)).map { snapshot.file(at: $0).size } }
        #expect(sizes == [1, 2, 2, 1, 1, nil, 1, nil])
    }

    /// Segments merge as they pile up; the newest record of a path wins, tombstones go
    /// when nothing older is left under them.
    @Test func segmentsMergeAndKeepTheNewestRecords() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(IndexStore(cacheDirectory: directory))
        for number in 0..<20 { store.record([entry("/a/\(number % 7)", "## 中国\(number)\n", size: number)]) }
        store.record([], removedPaths: [Array("/a/6".utf8)])
        let snapshot = store.snapshot()
        #expect(snapshot.segments.count == 3)
        var finder = snapshot.makeFinder()
        let sizes = (0..<7).map { finder.find(Array("/a/\($0)".utf8)).map { snapshot.file(at: $0).size } }
        #expect(sizes == [14, 15, 16, 17, 18, 19, nil])
        let remaining = try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted()
        #expect(remaining == ["lock", "manifest"] + snapshot.segments.map { "segment-\($0.number)" }.sorted())
    }

    /// Segments recorded without merging (a search writing many) pile up until `compact`
    /// merges them all into one: the newest record of each path, no tombstone, candidates
    /// as before.
    @Test func segmentsRecordedUnmergedAreCompactedIntoOne() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(IndexStore(cacheDirectory: directory))
        for number in 0..<20 {
            store.record([entry("/a/\(number % 7)", number % 2 == 0 ? "## 中国\n" : "## 重庆\n", size: number)], merging: false)
        }
        store.record([], removedPaths: [Array("/a/6".utf8)], merging: false)
        #expect(store.snapshot().segments.count == 21)
        #expect(store.snapshot().hasPiledUp)
        #expect(lookup(store, ["/a/0", "/a/1", "/a/5"], query: "中国") == ["/a/0": true, "/a/1": false, "/a/5": false])
        store.compact()
        let snapshot = store.snapshot()
        #expect(snapshot.segments.map(\.recordCount) == [6])
        #expect(!snapshot.hasPiledUp)
        var finder = snapshot.makeFinder()
        let sizes = (0..<7).map { finder.find(Array("/a/\($0)".utf8)).map { snapshot.file(at: $0).size } }
        #expect(sizes == [14, 15, 16, 17, 18, 19, nil])
        #expect(lookup(store, ["/a/0", "/a/1", "/a/5"], query: "中国") == ["/a/0": true, "/a/1": false, "/a/5": false])
        let remaining = try FileManager.default.contentsOfDirectory(atPath: store.directory).sorted()
        #expect(remaining == ["lock", "manifest"] + snapshot.segments.map { "segment-\($0.number)" })
        store.compact()
        #expect(store.snapshot().segments.map(\.number) == snapshot.segments.map(\.number))
    }

    /// A segment cut short, a foreign manifest: the index empties itself without a word
    /// and records again; a search meanwhile finds nothing known (reads every file).
    @Test(arguments: ["truncated", "garbled", "manifest"])
    func aCorruptIndexIsEmptiedAndFillsAgain(damage: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try #require(IndexStore(cacheDirectory: directory))
        store.record([entry("/x", "## 中国\n"), entry("/y", "## 重庆\n")])
        let segment = try #require(store.snapshot().segments.first).number
        let segmentPath = store.directory + "/segment-\(segment)"
        switch damage {
        case "truncated": try #require(truncate(segmentPath, 200) == 0)
        case "garbled":
            var bytes = try Data(contentsOf: URL(fileURLWithPath: segmentPath))
            bytes[20] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: segmentPath))
        default: try Data("not a manifest".utf8).write(to: URL(fileURLWithPath: store.directory + "/manifest"))
        }
        #expect(lookup(store, ["/x", "/y"], query: "中国") == [:])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["lock"])
        store.record([entry("/x", "## 中国\n"), entry("/y", "## 重庆\n")])
        #expect(lookup(store, ["/x", "/y"], query: "中国") == ["/x": true, "/y": false])
    }

    /// A posting list that names a record beyond the segment is read as corrupt: nothing
    /// is ruled out.
    @Test func aCorruptPostingListRulesNothingOut() {
        #expect([UInt8]([0x01, 0x01, 0x01]).withUnsafeBytes { SegmentFormat.decodePostings($0, limit: 4) } == [1, 2, 3])
        #expect([UInt8]([0x01, 0x05]).withUnsafeBytes { SegmentFormat.decodePostings($0, limit: 4) } == nil)
        #expect([UInt8]([0x81]).withUnsafeBytes { SegmentFormat.decodePostings($0, limit: 4) } == nil)
    }

    /// Two stores on one directory (two readers) recording at once from two threads.
    @Test func twoWritersAtOnceLoseNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try #require(IndexStore(cacheDirectory: directory))
        let second = try #require(IndexStore(cacheDirectory: directory))
        nonisolated(unsafe) let stores = [first, second]
        DispatchQueue.concurrentPerform(iterations: 2) { number in
            for file in 0..<20 {
                stores[number].record([entry("/\(number)/\(file)", "## 中国\(number)\n")])
                _ = stores[1 - number].snapshot()
            }
        }
        let paths = (0..<2).flatMap { number in (0..<20).map { "/\(number)/\($0)" } }
        let found = lookup(first, paths, query: "中国0")
        #expect(found == Dictionary(uniqueKeysWithValues: paths.map { ($0, $0.hasPrefix("/0/")) }))
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
