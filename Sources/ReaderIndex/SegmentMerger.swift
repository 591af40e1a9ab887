/// Merges segments into one (`IndexStore`'s compaction): the records by path, a path's
/// newest record winning (and a tombstone dropped when no older segment is left for it
/// to hide a record of), then each gram's posting lists, the record numbers mapped to the
/// merged segment's. Reads the inputs in place and streams the output.
enum SegmentMerger {
    /// Writes the merge of `segments` (oldest first) through `writer`; false when an
    /// input turns out corrupt (or the output cannot be written).
    static func merge(_ segments: [IndexSegment], dropTombstones: Bool, into writer: SegmentWriter) -> Bool {
        var maps = segments.map { [Int32](repeating: -1, count: $0.recordCount) }
        var records: [SegmentRecord] = []
        var cursors = segments.map { _ in 0 }
        while true {
            var smallest: Int? = nil
            for number in segments.indices where cursors[number] < segments[number].recordCount {
                if let best = smallest,
                   TreeOrder.compare(segments[number].path(at: cursors[number]), segments[best].path(at: cursors[best])) >= 0 {
                    continue
                }
                smallest = number
            }
            guard let smallest else { break }
            let path = segments[smallest].path(at: cursors[smallest])
            var newest = smallest
            var newestRecord = cursors[smallest]
            for number in segments.indices where cursors[number] < segments[number].recordCount {
                guard TreeOrder.compare(segments[number].path(at: cursors[number]), path) == 0 else { continue }
                if number >= newest {
                    newest = number
                    newestRecord = cursors[number]
                }
                cursors[number] += 1
            }
            let record = segments[newest].record(at: newestRecord)
            if record.removed && dropTombstones { continue }
            maps[newest][newestRecord] = Int32(records.count)
            records.append(SegmentRecord(
                path: Array(segments[newest].path(at: newestRecord)), size: record.size, modified: record.modified,
                contentHash: record.contentHash, repair: record.repair, removed: record.removed))
        }
        writer.write(records: records)
        var gramCursors = segments.map { _ in 0 }
        var lastGram: Int64? = nil
        // One list of ids for every gram, its room kept.
        var ids: [Int32] = []
        while true {
            var gram: Int64? = nil
            for number in segments.indices where gramCursors[number] < segments[number].gramCount {
                let candidate = segments[number].gram(at: gramCursors[number])
                if gram.map({ candidate < $0 }) ?? true { gram = candidate }
            }
            guard let gram else { break }
            // A gram table out of order is a corrupt segment.
            if let lastGram, gram <= lastGram { return false }
            lastGram = gram
            ids.removeAll(keepingCapacity: true)
            var sources = 0
            for number in segments.indices where gramCursors[number] < segments[number].gramCount {
                let segment = segments[number]
                guard segment.gram(at: gramCursors[number]) == gram else { continue }
                guard let list = segment.postingBytes(at: gramCursors[number]) else { return false }
                gramCursors[number] += 1
                let before = ids.count
                // Decoded and mapped in one pass (no array of the list's ids).
                let decoded = maps[number].withUnsafeBufferPointer { map in
                    SegmentFormat.forEachPosting(list, limit: segment.recordCount) { id in
                        let mapped = map[Int(id)]
                        if mapped >= 0 { ids.append(mapped) }
                    }
                }
                guard decoded else { return false }
                if ids.count > before { sources += 1 }
            }
            // Each segment's mapped ids ascend; lists from several segments interleave.
            if sources > 1 { ids.sort() }
            if !ids.isEmpty { writer.addPostings(gram: gram, ids: ids) }
        }
        return writer.finish()
    }
}
