#if canImport(Glibc)
import Glibc
#endif

/// A few byte patterns (the UTF-8 of non-ASCII scalars: 2 to 4 bytes), any of which is
/// looked for in a file by `SearchPrefilter` (the full-width forms of an ASCII run's
/// letters). One `memchr` pass per lead byte; a hit is checked first against a table of
/// the byte pairs that follow the lead in some pattern, so the full-width punctuation
/// of CJK text (`，` is EF BC 8C, the lead of every full-width letter) costs one lookup.
struct PatternSet: Sendable {
    /// The lead bytes, and per lead its patterns and its table.
    private var leads: [UInt8] = []
    private var groups: [[[UInt8]]] = []
    /// Per lead: entry `second << 8 | third` is true when a pattern of that lead goes on
    /// so (a two-byte pattern marks every third byte).
    private var follows: [[Bool]] = []

    init(_ patterns: [[UInt8]]) {
        for pattern in patterns where pattern.count >= 2 {
            let lead = pattern[0]
            let group: Int
            if let known = leads.firstIndex(of: lead) {
                group = known
            } else {
                leads.append(lead)
                groups.append([])
                follows.append([Bool](repeating: false, count: 1 << 16))
                group = leads.count - 1
            }
            groups[group].append(pattern)
            let second = Int(pattern[1]) << 8
            if pattern.count == 2 {
                for third in 0..<256 { follows[group][second | third] = true }
            } else {
                follows[group][second | Int(pattern[2])] = true
            }
        }
    }

    /// Whether some pattern is in `bytes`.
    func isFound(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        for (group, lead) in leads.enumerated() {
            let follow = follows[group]
            var position = 0
            while position < count, let hit = memchr(base + position, Int32(lead), count - position) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                position = offset + 1
                guard offset + 1 < count else { break }
                let third = offset + 2 < count ? Int(bytes[offset + 2]) : 0
                guard follow[Int(bytes[offset + 1]) << 8 | third] else { continue }
                for pattern in groups[group] where PatternSet.matches(pattern, at: offset, in: bytes) { return true }
            }
        }
        return false
    }

    /// Whether `pattern` starts at `offset` of `bytes`.
    private static func matches(_ pattern: [UInt8], at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        var index = 0
        while index < pattern.count {
            if bytes[offset + index] != pattern[index] { return false }
            index += 1
        }
        return true
    }
}
