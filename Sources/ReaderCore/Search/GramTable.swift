/// A set of grams (`SearchGrams` keys, never negative) with a slot number for each:
/// open addressing with linear probing and a multiplicative hash. Made for the millions
/// of insertions of indexing, where `Set<Int64>` and `Dictionary` (SipHash) and sorting
/// were most of the time.
public struct GramTable {
    private var keys: [Int64]
    /// Slot number of each key (its order of first insertion), -1 for an empty place.
    private var slots: [Int32]
    private var mask: Int
    /// 64 minus the number of bits of a place: the hash is the product's top bits.
    private var shift: UInt64
    /// The distinct keys in order of first insertion.
    public private(set) var inserted: [Int64] = []

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The slot number of `key`, inserting it if new.
    public mutating func slot(of key: Int64) -> Int {
        if inserted.count * 2 >= keys.count { grow() }
        // Fibonacci hashing: the top bits of the product depend on every bit of the key.
        var place = Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[place]
            if slot < 0 {
                keys[place] = key
                slots[place] = Int32(inserted.count)
                inserted.append(key)
                return inserted.count - 1
            }
            if keys[place] == key { return Int(slot) }
            place = (place + 1) & mask
        }
    }

    private mutating func grow() {
        let old = inserted
        var larger = GramTable(capacity: keys.count)
        for key in old { _ = larger.slot(of: key) }
        self = larger
    }
}
