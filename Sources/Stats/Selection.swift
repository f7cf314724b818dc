/// Selection of order statistics without a full sort (Hoare's FIND with several ranks at once, as
/// numpy's `partition(kth=[...])`): after `select(buffer, ranks:)` every `buffer[r]` for r in
/// `ranks` holds the value a full ascending sort would put there.
///
/// Introselect: median-of-three pivots and Hoare partitioning (robust to many equal values);
/// a range that has been partitioned more than 2 log2(n) times is sorted instead, so the worst
/// case is O(n log n). Expected O(n) for a bounded number of ranks. No NaN allowed in the buffer.
enum Selection {
    static func select(_ buffer: UnsafeMutableBufferPointer<Double>, ranks: [Int]) {
        guard buffer.count > 1 else { return }
        let wanted = Array(Set(ranks)).sorted()
        precondition(wanted.first! >= 0 && wanted.last! < buffer.count, "rank out of range")
        let depthLimit = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
        select(buffer, 0, buffer.count - 1, wanted[...], depthLimit)
    }

    private static let smallRange = 24

    private static func select(
        _ b: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int,
        _ ranks: ArraySlice<Int>, _ depthLimit: Int
    ) {
        var low = low, high = high, ranks = ranks, depth = depthLimit
        while let first = ranks.first, let last = ranks.last {
            if high - low < smallRange {
                insertionSort(b, low, high)
                return
            }
            if depth == 0 {
                var range = UnsafeMutableBufferPointer(rebasing: b[low...high])
                range.sort()
                return
            }
            depth -= 1
            let split = partition(b, low, high)  // b[low...split] <= pivot <= b[split+1...high]
            let firstRight = ranks.firstIndex { $0 > split } ?? ranks.endIndex
            let left = ranks[..<firstRight], right = ranks[firstRight...]
            if first > split {
                low = split + 1
            } else if last <= split {
                high = split
            } else if left.count <= right.count {
                select(b, low, split, left, depth)
                low = split + 1
                ranks = right
            } else {
                select(b, split + 1, high, right, depth)
                high = split
                ranks = left
            }
        }
    }

    /// Hoare partition around the median of b[low], b[mid], b[high]; returns j with
    /// low <= j < high, b[low...j] <= pivot and b[j+1...high] >= pivot.
    @inline(__always)
    private static func partition(_ b: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) -> Int {
        let mid = low + (high - low) / 2
        if b[mid] < b[low] { b.swapAt(mid, low) }
        if b[high] < b[low] { b.swapAt(high, low) }
        if b[high] < b[mid] { b.swapAt(high, mid) }
        let pivot = b[mid]
        var i = low - 1, j = high + 1
        while true {
            repeat { i += 1 } while b[i] < pivot
            repeat { j -= 1 } while b[j] > pivot
            if i >= j { return j }
            b.swapAt(i, j)
        }
    }

    @inline(__always)
    static func insertionSort(_ b: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        guard low < high else { return }
        for i in (low + 1)...high {
            let x = b[i]
            var j = i - 1
            while j >= low && b[j] > x {
                b[j + 1] = b[j]
                j -= 1
            }
            b[j + 1] = x
        }
    }
}
