import Dispatch

/// Silhouette widths of a partition (`Silhouette.widths`).
public struct SilhouetteWidths: Sendable {
    /// Per item, its silhouette width s(i) in [-1, 1] (R `cluster::silhouette`'s `sil_width`,
    /// sklearn's `silhouette_samples`); 0 for the member of a singleton cluster.
    public let widths: [Double]
    /// Per item, the label of the nearest other cluster (the one giving b(i); R's `neighbor`).
    public let neighbours: [Int]
    /// The distinct cluster labels, ascending.
    public let labels: [Int]
    /// The mean width per label, aligned with `labels` (R's `clus.avg.widths`).
    public let clusterMeans: [Double]
    /// The mean width over all items (R's `avg.width`, sklearn's `silhouette_score`).
    public let mean: Double
}

/// Silhouette widths (Rousseeuw 1987), as R `cluster::silhouette(x, dist)` and sklearn
/// `silhouette_samples(D, labels, metric = "precomputed")`: for item i in cluster A,
/// a(i) = the mean distance to the other members of A, b(i) = the smallest mean distance to the
/// members of another cluster (that cluster is i's neighbour; ties: the lowest label),
/// s(i) = (b(i) − a(i)) / max(a(i), b(i)), and 0 when a(i) = b(i) or A has one member only.
///
/// Complexity O(n²) time (each pair is read once; large inputs are split into a fixed number of
/// blocks run on all cores, so results do not depend on the number of threads), O(n · k) memory per
/// block for k clusters.
public enum Silhouette {
    /// Below this many items the pairs are summed on the calling thread.
    static let parallelThreshold = 2048
    /// The number of blocks for large inputs (fixed, so the sums do not depend on the cores).
    static let blocks = 8

    /// The silhouette widths of the partition `clusters` (any Int labels, one per item) under
    /// `distances`.
    ///
    /// - Throws: `StatsError.shapeMismatch` when `clusters.count != distances.count`;
    ///   `StatsError.invalidParameter` when there are fewer than 2 or more than n − 1 distinct
    ///   labels, or a distance is missing or infinite (naming the pair, 1-based).
    public static func widths(_ distances: DistanceMatrix, clusters: [Int]) throws(StatsError) -> SilhouetteWidths {
        try widths(distances, clusters: clusters, threads: ColumnParallel.cores)
    }

    /// `widths` on at most `threads` threads (the result does not depend on it).
    static func widths(_ distances: DistanceMatrix, clusters: [Int], threads: Int) throws(StatsError) -> SilhouetteWidths {
        let n = distances.count
        guard clusters.count == n else {
            throw .shapeMismatch("silhouette widths need one cluster label per item: \(clusters.count) labels "
                + "for \(n) items")
        }
        let labels = Array(Set(clusters)).sorted()
        let k = labels.count
        guard k >= 2, k <= n - 1 else {
            throw .invalidParameter(
                name: "clusters", value: "\(k) distinct label\(k == 1 ? "" : "s")",
                allowed: n < 3 ? "silhouette widths need at least 3 items (here \(n)), in 2 to n - 1 clusters"
                    : "silhouette widths of \(n) items need 2 to \(n - 1) distinct cluster labels")
        }
        var position = [Int: Int](minimumCapacity: k)
        for (index, label) in labels.enumerated() { position[label] = index }
        let cluster = clusters.map { position[$0]! }
        var counts = [Int](repeating: 0, count: k)
        for c in cluster { counts[c] += 1 }

        // sums[i * k + c] = the sum of distances from item i to the members of cluster c.
        let sums = try WorkProgress.track("silhouette: \(WorkProgress.grouped(n)) items", total: n * (n - 1) / 2) {
            work throws(StatsError) in
            try WorkProgress.checkpoint()
            let latch = InterruptLatch()
            let sums = pairSums(distances, cluster: cluster, k: k, threads: threads, progress: work, latch: latch)
            try latch.check()  // rows were skipped
            return sums
        }
        // A NaN or infinite distance makes some sum NaN or infinite (so does an overflow, rarely):
        // only then are the distances searched, saving a pass over them.
        if sums.contains(where: { !$0.isFinite }), let bad = distances.values.firstIndex(where: { !$0.isFinite }) {
            let (i, j) = pair(bad, count: n)
            let value = distances.values[bad]
            throw .invalidParameter(
                name: "distances", value: "\(value.isNaN ? "missing (NaN)" : String(value)) between items \(i + 1) and \(j + 1)",
                allowed: "silhouette widths need every distance, finite; impute the data or leave an item out")
        }

        var widths = [Double](repeating: 0, count: n)
        var neighbours = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let own = cluster[i]
            var b = Double.infinity, neighbour = 0
            for c in 0..<k where c != own {
                let mean = sums[i * k + c] / Double(counts[c])
                if mean < b { b = mean; neighbour = c }
            }
            neighbours[i] = labels[neighbour]
            guard counts[own] > 1 else { continue }
            let a = sums[i * k + own] / Double(counts[own] - 1)
            widths[i] = a == b ? 0 : (b - a) / max(a, b)
        }
        var clusterSums = [Double](repeating: 0, count: k)
        for i in 0..<n { clusterSums[cluster[i]] += widths[i] }
        return SilhouetteWidths(
            widths: widths, neighbours: neighbours, labels: labels,
            clusterMeans: (0..<k).map { clusterSums[$0] / Double(counts[$0]) },
            mean: widths.reduce(0, +) / Double(n))
    }

    /// The items (i, j), i < j, of the pair at `index` in condensed order. O(n).
    static func pair(_ index: Int, count n: Int) -> (Int, Int) {
        var i = 0, start = 0
        while start + (n - i - 1) <= index { start += n - i - 1; i += 1 }
        return (i, i + 1 + index - start)
    }

    /// Rows between two checks of the interrupt flag.
    static let rowsPerCheck = 16

    /// Per item and cluster, the sum of distances to the cluster's members, reading each pair once.
    /// Stops early when an interrupt is requested (`latch`, checked every `rowsPerCheck` rows).
    private static func pairSums(_ distances: DistanceMatrix, cluster: [Int], k: Int, threads: Int,
                                 progress: WorkProgress.Work, latch: InterruptLatch) -> [Double] {
        let n = distances.count
        let blockCount = n < parallelThreshold ? 1 : blocks
        // Block b takes the rows i in bounds[b] ..< bounds[b + 1], with about equal numbers of pairs.
        var cuts = [0]
        let totalPairs = Double(n) * Double(n - 1) / 2
        var done = 0.0, row = 0
        for b in 1..<blockCount {
            let goal = totalPairs * Double(b) / Double(blockCount)
            while row < n && done < goal { done += Double(n - row - 1); row += 1 }
            cuts.append(row)
        }
        cuts.append(n)
        let bounds = cuts

        var partial = [Double](repeating: 0, count: blockCount * n * k)
        partial.withUnsafeMutableBufferPointer { output in
            distances.values.withUnsafeBufferPointer { values in
                cluster.withUnsafeBufferPointer { cluster in
                    let shared = Shared(output: output.baseAddress!, values: values.baseAddress!,
                                        cluster: cluster.baseAddress!)
                    let workers = max(1, min(threads, blockCount))
                    let work: @Sendable (Int) -> Void = { worker in
                        for block in stride(from: worker, to: blockCount, by: workers) {
                            let sums = shared.output + block * n * k
                            var pairs = 0
                            for i in bounds[block]..<bounds[block + 1] {
                                if (i - bounds[block]) % rowsPerCheck == 0 {
                                    if latch.poll() { return }
                                    progress.advance(by: pairs)
                                    pairs = 0
                                }
                                pairs += n - 1 - i
                                let start = n * i - i * (i + 1) / 2  // the pair (i, i + 1)
                                let ci = shared.cluster[i]
                                let rowSums = sums + i * k
                                for j in (i + 1)..<n {
                                    let d = shared.values[start + j - i - 1]
                                    rowSums[shared.cluster[j]] += d
                                    sums[j * k + ci] += d
                                }
                            }
                            progress.advance(by: pairs)
                        }
                    }
                    if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
                }
            }
        }
        guard blockCount > 1 else { return partial }
        var sums = Array(partial[0..<(n * k)])
        for block in 1..<blockCount {
            let base = block * n * k
            for index in 0..<(n * k) { sums[index] += partial[base + index] }
        }
        return sums
    }
}

/// The buffers shared, read-only or written in disjoint blocks, by the blocks of `concurrentPerform`.
private struct Shared: @unchecked Sendable {
    let output: UnsafeMutablePointer<Double>
    let values: UnsafePointer<Double>
    let cluster: UnsafePointer<Int>
}
