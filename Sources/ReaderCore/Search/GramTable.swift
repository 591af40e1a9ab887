/// A set of grams (`SearchGrams` keys, never negative) with a slot number for each:
/// open addressing with linear probing and a multiplicative hash. Made for the millions
/// of insertions of indexing, where `Set<Int64>` and `Dictionary` (SipHash) and sorting
/// were most of the time. A class over raw memory (no array uniqueness check per probe,
/// nor per insertion), its properties exempt from the run-time exclusivity checks (they
/// were a third of each insertion: nothing outside this class ever gets at them, and it
/// is not for sharing between threads).
public final class GramTable {
    /// The key at each place, `empty` for none.
    @exclusivity(unchecked) private var keys: UnsafeMutablePointer<Int64>
    /// Slot number of the key at each place (its order of first insertion); read only
    /// where there is a key.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Int32>
    /// Places in `keys` and `slots` (a power of two).
    @exclusivity(unchecked) private var size: Int
    /// 64 minus the number of bits of a place: the hash is the product's top bits.
    @exclusivity(unchecked) private var shift: UInt64
    /// The distinct keys in order of first insertion (room for `size / 2`: the table
    /// grows before it is half full).
    @exclusivity(unchecked) private var order: UnsafeMutablePointer<Int64>
    /// The number of distinct keys.
    @exclusivity(unchecked) public private(set) var count = 0

    /// What `keys` holds at an empty place (keys are never negative).
    private static let empty: Int64 = -1

    /// The distinct keys in order of first insertion.
    public var inserted: [Int64] { Array(UnsafeBufferPointer(start: order, count: count)) }

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        shift = UInt64(64 - size.trailingZeroBitCount)
        keys = .allocate(capacity: size)
        keys.initialize(repeating: GramTable.empty, count: size)
        slots = .allocate(capacity: size)
        order = .allocate(capacity: size / 2)
    }

    deinit {
        keys.deallocate()
        slots.deallocate()
        order.deallocate()
    }

    /// The slot number of `key`, inserting it if new.
    @discardableResult
    public func slot(of key: Int64) -> Int {
        let place = self.place(ofNew: key)
        if keys[place] == key { return Int(slots[place]) }
        add(key, at: place)
        return count - 1
    }

    /// Inserts `key` if new: `slot(of:)` without the slot number (one look per probe,
    /// at `keys` only).
    @inline(__always)
    public func insert(_ key: Int64) {
        let place = self.place(ofNew: key)
        if keys[place] != key { add(key, at: place) }
    }

    /// The place holding `key`, or the empty place where it goes (the table grown first
    /// if it is half full).
    @inline(__always)
    private func place(ofNew key: Int64) -> Int {
        if count * 2 >= size { grow() }
        var place = self.place(of: key)
        while true {
            let found = keys[place]
            if found == key || found == GramTable.empty { return place }
            place = (place + 1) & (size - 1)
        }
    }

    /// Puts the new `key` at the empty `place`, with the next slot number.
    @inline(__always)
    private func add(_ key: Int64, at place: Int) {
        keys[place] = key
        slots[place] = Int32(count)
        order[count] = key
        count += 1
    }

    /// Fibonacci hashing: the top bits of the product depend on every bit of the key.
    @inline(__always)
    private func place(of key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Doubles the places and puts every key back, with its slot number.
    private func grow() {
        keys.deallocate()
        slots.deallocate()
        size *= 2
        shift -= 1
        keys = .allocate(capacity: size)
        keys.initialize(repeating: GramTable.empty, count: size)
        slots = .allocate(capacity: size)
        let moved = UnsafeMutablePointer<Int64>.allocate(capacity: size / 2)
        moved.initialize(from: order, count: count)
        order.deallocate()
        order = moved
        for number in 0..<count {
            let key = order[number]
            var place = self.place(of: key)
            while keys[place] != GramTable.empty { place = (place + 1) & (size - 1) }
            keys[place] = key
            slots[place] = Int32(number)
        }
    }
}
