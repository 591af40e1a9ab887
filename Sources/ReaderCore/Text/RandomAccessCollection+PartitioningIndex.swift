extension RandomAccessCollection {
    /// The index of the first element for which `isInSecondPart` holds, or `endIndex`
    /// when none does: the one binary search of the code base.
    ///
    /// The collection must be partitioned by `isInSecondPart`: every element for which
    /// it is false comes before every element for which it is true (a sorted array and
    /// a test such as `{ $0 >= value }`). Takes O(log n) calls of `isInSecondPart`.
    func partitioningIndex(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
