import CRankKernels

/// Which pairs of units can change order under a bounded weight perturbation, as windows in the
/// nominal order: the rank of the unit at nominal position k is 1 + `lower[k]` + the number of
/// positions in `lower[k]...upper[k]` that score more (every position before the window scores
/// more in every draw, every position after it less), so a Monte Carlo sample needs only the
/// comparisons inside the windows (`UncertaintyAnalysis`).
///
/// The bounds: with every weight uniform within ±f of its nominal value, the weight of indicator
/// j in the index lies in an interval (the product along its path of each weight's share of its
/// node, over all draws, and the node's scale when not renormalised; the index's own total is a
/// factor common to all units and is left out). A pair is fixed when the difference of its two
/// units' data, dotted with every vector of that box of weights, keeps its sign with a margin of
/// 1e-9 of the largest possible score: far above rounding and the tie tolerance of `scoreRanks`.
/// The box contains every weight vector a draw can make, so a fixed pair never swaps; pairs
/// that are not fixed are compared in each sample. O(n² d) to build.
final class RankWindows: @unchecked Sendable {
    /// Units (rows of the data) by descending nominal score.
    let order: [Int32]
    let lower: [Int32]
    let upper: [Int32]
    /// The windows as the counting kernels read them (`stresstest_count_window_ranks`): the
    /// order, and per group of `STRESSTEST_RANK_GROUP` positions the segments holding its
    /// smallest lower and largest upper bound. Its arrays are owned by this object (immutable
    /// after `init`, freed by `deinit`), so the inner loop does no reference counting.
    let kernel: stresstest_rank_windows
    /// The rows of the band of rank counts the kernels fill: the ranks a position can take.
    var bandRows: Int { Int(kernel.before) + 1 + Int(kernel.after) }

    deinit {
        for pointer in [kernel.unit, kernel.segment_first, kernel.segment_last] {
            UnsafeMutablePointer(mutating: pointer)?.deallocate()
        }
    }

    /// Nil when the perturbation is not bounded (Dirichlet, simplex) or the data has a missing
    /// value under the index.
    convenience init?(flat: FlatComposite, uncertainLevels: Set<Int>, perturbation: WeightPerturbation, data: [[Double]], nominalScores: [Double]) {
        guard case .uniform(let f, let renormalised) = perturbation else { return nil }
        let d = flat.indicatorCount, n = nominalScores.count
        guard !nominalScores.contains(where: \.isNaN),
              (0..<d).allSatisfy({ j in !flat.underIndex[j] || !data[j].contains(where: \.isNaN) }) else { return nil }
        // Interval of every member's weight in the index, top-down.
        var low = [Double](repeating: 0, count: flat.memberCount), high = low
        low[d + flat.indexNode] = 1
        high[d + flat.indexNode] = 1
        for g in stride(from: flat.nodeCount - 1, through: 0, by: -1) where flat.underIndex[d + g] {
            let uncertain = uncertainLevels.contains(flat.nodeLevel[g] + 1)
            let total = flat.nominalSum[g]
            for s in flat.slotStart[g]..<flat.slotStart[g + 1] {
                let w = flat.nominal[s], rest = total - w
                var a = w / total, b = w / total
                if uncertain {
                    if g == flat.indexNode {
                        (a, b) = (w * (1 - f), w * (1 + f))  // the index's total is common to all units
                    } else if renormalised {
                        a = w * (1 - f) / (w * (1 - f) + rest * (1 + f))
                        b = w * (1 + f) / (w * (1 + f) + rest * (1 - f))
                    } else {
                        (a, b) = (w * (1 - f) / total, w * (1 + f) / total)
                    }
                } else if g == flat.indexNode {
                    (a, b) = (w, w)
                }
                let child = flat.slotChild[s]
                low[child] = low[d + g] * (a.isNaN ? 0 : a)
                high[child] = high[d + g] * (b.isNaN ? 0 : b)
            }
        }
        var scale = 0.0
        for j in 0..<d where flat.underIndex[j] {
            for u in 0..<n { scale = max(scale, abs(data[j][u]) * high[j]) }
        }
        let margin = 1e-9 * max(scale * Double(d), 1e-300)
        let order = (0..<n).sorted { a, b in
            nominalScores[a] != nominalScores[b] ? nominalScores[a] > nominalScores[b] : a < b
        }
        let columns = (0..<d).filter { flat.underIndex[$0] }
        // fixed(a, b): a scores more than b by more than the margin for every weight vector of the box.
        func above(_ a: Int, _ b: Int) -> Bool {
            var least = 0.0
            for j in columns {
                let difference = data[j][a] - data[j][b]
                least += difference > 0 ? difference * low[j] : difference * high[j]
            }
            return least > margin
        }
        var lower = [Int32](repeating: 0, count: n), upper = lower
        for k in 0..<n {
            var l = 0
            while l < k && above(order[l], order[k]) { l += 1 }
            var u = n - 1
            while u > k && above(order[k], order[u]) { u -= 1 }
            lower[k] = Int32(l)
            upper[k] = Int32(u)
        }
        self.init(order: order.map { Int32(truncatingIfNeeded: $0) }, lower: lower, upper: upper)
    }

    /// Windows given in full: `order[k]` is the unit at nominal position k, and
    /// `lower[k] <= k <= upper[k]` bound the positions it may swap with.
    init(order: [Int32], lower: [Int32], upper: [Int32]) {
        let n = order.count
        precondition(lower.count == n && upper.count == n, "one window per position")
        precondition((0..<n).allSatisfy { Int(lower[$0]) <= $0 && $0 <= Int(upper[$0]) }, "every window holds its position")
        self.order = order
        self.lower = lower
        self.upper = upper
        func copy(_ values: [Int32]) -> UnsafePointer<Int32> {
            let pointer = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, values.count))
            pointer.initialize(repeating: 0, count: max(1, values.count))
            for (i, v) in values.enumerated() { pointer[i] = v }
            return UnsafePointer(pointer)
        }
        let group = Int(STRESSTEST_RANK_GROUP)
        let groups = stride(from: 0, to: n, by: group).map { $0..<min($0 + group, n) }
        kernel = stresstest_rank_windows(
            units: Int32(n), unit: copy(order),
            segment_first: copy(groups.map { Int32(Int(lower[$0].min()!) / group) }),
            segment_last: copy(groups.map { Int32(Int(upper[$0].max()!) / group) }),
            before: (0..<n).map { Int32($0) - lower[$0] }.max() ?? 0,
            after: (0..<n).map { upper[$0] - Int32($0) }.max() ?? 0)
    }

    /// Adds a band of rank counts filled by `stresstest_count_window_ranks` (`bandRows` × units)
    /// to `counts` (units × units, row = unit, column = rank - 1) and clears it. O(bandRows × units).
    func flush(_ band: UnsafeMutablePointer<UInt16>, into counts: UnsafeMutablePointer<Int>) {
        let n = order.count, before = Int(kernel.before)
        for row in 0..<bandRows {
            for k in 0..<n where band[row * n + k] != 0 {
                counts[Int(order[k]) * n + row - before + k] += Int(band[row * n + k])
                band[row * n + k] = 0
            }
        }
    }
}
