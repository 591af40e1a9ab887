import PropertyBased
import Testing
@testable import ReaderCore

@Suite struct PartitioningIndexTests {
    @Test func firstIndexWhereThePredicateHolds() {
        let sorted = [1, 3, 3, 5, 8]
        #expect(sorted.partitioningIndex { $0 >= 3 } == 1)
        #expect(sorted.partitioningIndex { $0 > 3 } == 3)
        #expect(sorted.partitioningIndex { $0 > 8 } == 5)
        #expect(sorted.partitioningIndex { $0 >= 0 } == 0)
        #expect([Int]().partitioningIndex { $0 > 0 } == 0)
        #expect(sorted[1...].partitioningIndex { $0 >= 5 } == 3)
    }

    @Test func agreesWithALinearSearch() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...20).array(of: 0...40), Gen.int(in: -1...21)) { values, value in
            let sorted = values.sorted()
            #expect(sorted.partitioningIndex { $0 > value } == (sorted.firstIndex { $0 > value } ?? sorted.count))
        }
    }
}
