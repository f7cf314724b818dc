/// Selection of order statistics without a full sort (Hoare's FIND with several ranks at once, as
/// numpy's `partition(kth=[...])`): after `select(buffer, ranks:)` every `buffer[r]` for r in
/// `ranks` holds the value a full ascending sort would put there, everything before it is <= it
/// and everything after it is >= it. The buffer stays a permutation of its input.
///
/// Algorithm: Floyd & Rivest's SELECT (CACM 18(3), 1975) with two pivots, for several ranks.
/// - A range of more than `samplingThreshold` values draws a random sample of n^(5/8) values
///   (a partial Fisher–Yates shuffle to the front, from a fixed seed, so that runs repeat
///   exactly), selects in the sample, recursively, two order statistics u <= v that bracket the
///   range's middle wanted rank with a margin of four standard deviations of the sample rank,
///   and splits the range three ways: < u, [u, v], > v. The wanted rank falls in the middle part
///   but with probability about 1e-4 (then the step still shrinks the range), and the middle
///   part is small (about 2 % of 1e7 values), so a rank costs about n + min(k, n - k) element
///   moves instead of quickselect's ~3.4 n.
/// - The three-way split is two branch-free Lomuto passes (the predicate's 0 or 1 is added to the
///   write index instead of branched on): no mispredicted branches, about 2 ns per value on an
///   80 MB buffer, where the passes are bound by memory bandwidth (a two-thread pass was tried
///   and gained nothing on this 2-core machine).
/// - Smaller ranges: Hoare partitioning around a median of three (robust to many equal values).
///   Ranges of `networkThreshold` (32) values or fewer, and buffers that small whatever the
///   ranks, are sorted by Batcher's merge-exchange sorting network.
/// - Every range counts against a depth budget of 2 log2(n) partitioning steps; a range that
///   exhausts it is sorted instead, so the worst case is O(n log n) whatever the input.
///
/// Complexity: expected O(n) for a bounded number of ranks (about 1.5 n + o(n) element moves for
/// the median, 3 n for the three quartiles), worst case O(n log n); O(log n) stack. Measured
/// against numpy by Benchmarks/compare.py.
/// No NaN allowed in the buffer (remove missing values first: `MissingValues.removed(from:)`).
enum Selection {
    static func select(_ buffer: UnsafeMutableBufferPointer<Double>, ranks: [Int]) {
        guard let base = buffer.baseAddress, buffer.count > 1, !ranks.isEmpty else { return }
        let count = buffer.count
        if count <= networkThreshold {
            // A full sort of a tiny buffer is cheaper than bookkeeping the ranks.
            precondition(ranks.allSatisfy { $0 >= 0 && $0 < count }, "rank out of range")
            networkSort(base, count)
            return
        }
        let sorted = ranks.sorted()
        precondition(sorted.first! >= 0 && sorted.last! < count, "rank out of range")
        var wanted = [sorted[0]]
        for r in sorted.dropFirst() where r != wanted.last! { wanted.append(r) }
        let depthBudget = 2 * (Int.bitWidth - count.leadingZeroBitCount)
        select(base, 0, count - 1, wanted[...], depthBudget)
    }

    /// Ranges with more values than this are split by Floyd–Rivest sampling, smaller ones by
    /// Hoare partitioning around a median of three.
    static let samplingThreshold = 2_048
    /// Ranges of this many values or fewer are sorted by a sorting network.
    static let networkThreshold = 32

    /// Puts the order statistics `ranks` (sorted, distinct, all in low...high) of b[low...high]
    /// in place.
    private static func select(
        _ b: UnsafeMutablePointer<Double>, _ low: Int, _ high: Int,
        _ ranks: ArraySlice<Int>, _ depthBudget: Int
    ) {
        var low = low, high = high, ranks = ranks, depth = depthBudget
        while !ranks.isEmpty {
            let count = high - low + 1
            if count <= networkThreshold {
                networkSort(b + low, count)
                return
            }
            if depth == 0 {
                var range = UnsafeMutableBufferPointer(start: b + low, count: count)
                range.sort()
                return
            }
            depth -= 1

            // Split b[low...high] into [low, lessEnd), [lessEnd, greaterStart), [greaterStart, high],
            // each part's values <= the next part's; the middle one holds equal values (or none)
            // when `middleIsConstant`, so its ranks are already in place.
            var lessEnd: Int, greaterStart: Int, middleIsConstant: Bool
            if count > samplingThreshold,
                let split = samplingPartition(b, low, high, around: ranks[ranks.startIndex + ranks.count / 2], depth)
            {
                (lessEnd, greaterStart, middleIsConstant) = split
            } else {
                let j = hoarePartition(b, low, high)  // b[low...j] <= pivot <= b[j+1...high]
                (lessEnd, greaterStart, middleIsConstant) = (j + 1, j + 1, true)
            }

            // The wanted ranks in each part; recurse into the smaller parts, loop on the largest.
            let middleFirst = ranks.firstIndex { $0 >= lessEnd } ?? ranks.endIndex
            let greaterFirst = ranks[middleFirst...].firstIndex { $0 >= greaterStart } ?? ranks.endIndex
            var parts: [(low: Int, high: Int, ranks: ArraySlice<Int>)] = [
                (low, lessEnd - 1, ranks[..<middleFirst]),
                (lessEnd, greaterStart - 1, middleIsConstant ? [] : ranks[middleFirst..<greaterFirst]),
                (greaterStart, high, ranks[greaterFirst...]),
            ]
            parts.removeAll { $0.ranks.isEmpty }
            parts.sort { $0.high - $0.low < $1.high - $1.low }
            guard let largest = parts.popLast() else { return }
            for part in parts {
                select(b, part.low, part.high, part.ranks, depth)
            }
            (low, high, ranks) = largest
        }
    }

    /// Floyd–Rivest step: brackets the order statistic `rank` of b[low...high] by two order
    /// statistics u <= v of a random sample and splits the range into < u, [u, v] and > v. A
    /// bracket at the sample's minimum (maximum) leaves the lower (upper) part empty instead.
    /// Returns the bounds of the middle part, or nil when the split did not shrink the range
    /// (a range of few distinct values); the range is still a permutation of itself then.
    private static func samplingPartition(
        _ b: UnsafeMutablePointer<Double>, _ low: Int, _ high: Int, around rank: Int, _ depthBudget: Int
    ) -> (lessEnd: Int, greaterStart: Int, middleIsConstant: Bool)? {
        let count = high - low + 1
        let n = Double(count)
        // About n^(2/3) in Floyd & Rivest; n^(5/8) balances, on this machine's costs, drawing the
        // sample against selecting in the middle part (2.4e4 values of 1e7).
        let sampleSize = min(count / 4, max(256, Int(n.squareRoot() * n.squareRoot().squareRoot().squareRoot())))

        // A uniform random sample without replacement, moved to b[low..<low + sampleSize].
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: count) &* 0x2545_F491_4F6C_DD1D ^ UInt64(truncatingIfNeeded: low))
        for i in 0..<sampleSize {
            let remaining = UInt64(count - i)
            let j = low + i + Int(truncatingIfNeeded: random.next().multipliedFullWidth(by: remaining).high)
            swapAt(b, low + i, j)
        }

        // The sample ranks that bracket `rank`: its expected sample rank plus or minus four
        // standard deviations of the sample rank (binomial), plus two.
        let fraction = (Double(rank - low) + 0.5) / n
        let expected = fraction * Double(sampleSize) - 0.5
        let margin = 4 * (Double(sampleSize) * fraction * (1 - fraction)).squareRoot() + 2
        let lowerRank = Int(max(0, (expected - margin).rounded(.down)))
        let upperRank = Int(min(Double(sampleSize - 1), (expected + margin).rounded(.up)))
        let hasLower = lowerRank > 0, hasUpper = upperRank < sampleSize - 1
        guard hasLower || hasUpper else { return nil }
        let sampleRanks = (hasLower ? [lowerRank] : []) + (hasUpper ? [upperRank] : [])
        select(b, low, low + sampleSize - 1, sampleRanks[...], depthBudget)
        let u = b[low + lowerRank], v = b[low + upperRank]

        // Two branch-free passes, the longer one first over the whole range, the second over the
        // side that holds `rank` (about min(k, n - k) values).
        var lessEnd = low, greaterStart = high + 1
        if rank - low < count / 2 {
            if hasUpper { greaterStart = partition(b, low, high + 1) { $0 <= v } }
            if hasLower { lessEnd = partition(b, low, greaterStart) { $0 < u } }
        } else {
            if hasLower { lessEnd = partition(b, low, high + 1) { $0 < u } }
            if hasUpper { greaterStart = partition(b, lessEnd, high + 1) { $0 <= v } }
        }
        let middleIsConstant = hasLower && hasUpper && u == v
        if lessEnd == low && greaterStart == high + 1 && !middleIsConstant { return nil }
        return (lessEnd, greaterStart, middleIsConstant)
    }

    /// Moves the values of b[low..<end] that satisfy `isLeft` to the front, the others behind
    /// them, and returns the index of the first of those others. Branch-free Lomuto: every value
    /// is swapped with the first value that is not left, and the boundary advances by the
    /// predicate's result (0 or 1) instead of branching on it.
    @inline(__always)
    private static func partition(
        _ b: UnsafeMutablePointer<Double>, _ low: Int, _ end: Int, _ isLeft: (Double) -> Bool
    ) -> Int {
        var boundary = low
        var index = low
        while index < end {
            let x = b[index]
            b[index] = b[boundary]
            b[boundary] = x
            boundary &+= isLeft(x) ? 1 : 0
            index &+= 1
        }
        return boundary
    }

    /// Hoare partition around the median of b[low], b[mid], b[high]; returns j with
    /// low <= j < high, b[low...j] <= pivot and b[j+1...high] >= pivot.
    @inline(__always)
    private static func hoarePartition(_ b: UnsafeMutablePointer<Double>, _ low: Int, _ high: Int) -> Int {
        let mid = low + (high - low) / 2
        if b[mid] < b[low] { swapAt(b, mid, low) }
        if b[high] < b[low] { swapAt(b, high, low) }
        if b[high] < b[mid] { swapAt(b, high, mid) }
        let pivot = b[mid]
        var i = low - 1, j = high + 1
        while true {
            repeat { i += 1 } while b[i] < pivot
            repeat { j -= 1 } while b[j] > pivot
            if i >= j { return j }
            swapAt(b, i, j)
        }
    }

    @inline(__always)
    private static func swapAt(_ b: UnsafeMutablePointer<Double>, _ i: Int, _ j: Int) {
        let t = b[i]
        b[i] = b[j]
        b[j] = t
    }

    /// Sorts b[0..<count], count <= `networkThreshold`, by Batcher's merge-exchange network
    /// (Knuth, TAOCP vol. 3, 5.2.2, Algorithm M): a fixed sequence of compare-exchanges, about
    /// 150 for 26 values, with no data-dependent branch (each compiles to a min and a max), where
    /// insertion sort mispredicts about once per value (350 ns against 600 ns for 26 values).
    @inline(__always)
    static func networkSort(_ b: UnsafeMutablePointer<Double>, _ count: Int) {
        guard count > 1 else { return }
        networks[count].withUnsafeBufferPointer { comparators in
            for comparator in comparators {
                let i = Int(comparator.low), j = Int(comparator.high)
                let x = b[i], y = b[j]
                // min is `y < x ? y : x` and max `y >= x ? y : x`: a permutation even for -0.0
                // and 0.0. (A hand-written `?:` pair compiles to a mispredicted branch.)
                b[i] = Swift.min(x, y)
                b[j] = Swift.max(x, y)
            }
        }
    }

    /// The merge-exchange networks for 0...networkThreshold values, built once.
    private static let networks: [[(low: UInt8, high: UInt8)]] = (0...networkThreshold).map(mergeExchangeNetwork)

    /// Knuth's Algorithm M: the comparators (i, i + d) of Batcher's merge exchange for n values.
    private static func mergeExchangeNetwork(_ n: Int) -> [(low: UInt8, high: UInt8)] {
        guard n > 1 else { return [] }
        var comparators: [(low: UInt8, high: UInt8)] = []
        let t = Int.bitWidth - (n - 1).leadingZeroBitCount  // ceil(log2 n)
        var p = 1 << (t - 1)
        while p > 0 {
            var q = 1 << (t - 1), r = 0, d = p
            while true {
                for i in 0..<(n - d) where i & p == r {
                    comparators.append((UInt8(i), UInt8(i + d)))
                }
                if q == p { break }
                d = q - p
                q >>= 1
                r = p
            }
            p >>= 1
        }
        return comparators
    }
}
