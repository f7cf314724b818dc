import Dispatch

/// The result of `KMeans.fit`: the best of several k-means runs.
public struct KMeansResult: Sendable {
    /// The cluster of each row, 0-based, numbered by the first row that belongs to each cluster
    /// (row 0's cluster is 0, the next new cluster met going down the rows is 1, ...).
    public let clusters: [Int]
    /// The cluster centres (the means of their members), k x p, row `c` for cluster `c`.
    public let centers: Matrix
    /// The number of rows in each cluster (all at least 1).
    public let sizes: [Int]
    /// Per cluster, the sum of squared Euclidean distances of its rows to its centre (R `withinss`).
    public let withinSumOfSquares: [Double]
    /// The total within-cluster sum of squares (R `tot.withinss`), the k-means objective.
    public let objective: Double
    /// Every restart's final objective, in restart order; `objective == restartObjectives.min()`.
    public let restartObjectives: [Double]
    /// The restart that gave the result (0-based; the lowest index among equal objectives).
    public let bestRestart: Int
    /// The number of assignment passes of the best restart (R's `iter` for `algorithm = "Lloyd"`).
    public let iterations: Int
    /// Whether the best restart stopped because a pass changed no assignment (rather than at
    /// `maxIterations`).
    public let converged: Bool
}

/// k-means clustering of the rows of a data matrix: Lloyd's algorithm (R
/// `kmeans(x, centers, algorithm = "Lloyd")`) seeded by k-means++ (Arthur & Vassilvitskii 2007,
/// "k-means++: the advantages of careful seeding": the first centre is a row chosen uniformly, each
/// next one a row chosen with probability proportional to its squared distance to the nearest
/// centre chosen so far), best of `restarts` independent runs.
///
/// Lloyd's algorithm, as R's `kmeans_Lloyd`: assign every row to its nearest centre (squared
/// Euclidean distance; ties to the lowest centre), stop when no assignment changed (or after
/// `maxIterations` passes), else move every centre to the mean of its rows and repeat. A cluster
/// left empty by a pass (R stops with an error there) gets the row farthest from its own centre
/// among the clusters with more than one row (ties: the lowest row), one empty cluster after the
/// other; that counts as a change. Distances are computed directly (no `‖x‖² − 2x·c + ‖c‖²`
/// shortcut, which cancels), so assignments and objective are exact up to the rounding of each
/// squared distance, the same numbers R computes.
///
/// Restart `r` draws from its own SplitMix64 stream derived from `(seed, r)`, and the restarts run
/// in parallel on all cores, so the result depends only on the data and the arguments, never on the
/// number of threads. The restart with the lowest objective wins (ties: the lowest index).
///
/// Complexity O(restarts · iterations · n · k · p) time for n rows and p columns (the distances
/// to 8 centres at a time in SIMD lanes, each summed over the columns in order, as R sums it), and
/// O(n + k · p) memory per restart beside the data.
public enum KMeans {
    /// k-means of the rows of `data`.
    ///
    /// - Parameters:
    ///   - data: n x p, one row per item; every cell must be present and finite.
    ///   - k: the number of clusters, 1 ... the number of distinct rows.
    ///   - restarts: independent k-means++ starts (at least 1).
    ///   - seed: the seed of the random starts.
    ///   - maxIterations: the most assignment passes per start (at least 1; R's `iter.max` is 10).
    /// - Throws: `StatsError.invalidParameter` for no rows, a missing (NaN) or infinite cell (naming
    ///   its 1-based row and column), `k` outside 1 ... the number of distinct rows, `restarts < 1`
    ///   or `maxIterations < 1`.
    public static func fit(rows data: Matrix, k: Int, restarts: Int = 10, seed: UInt64 = 1,
                           maxIterations: Int = 100) throws(StatsError) -> KMeansResult {
        try fit(rows: data, k: k, restarts: restarts, seed: seed, maxIterations: maxIterations,
                threads: ColumnParallel.cores)
    }

    /// `fit` on at most `threads` threads (the result does not depend on it).
    static func fit(rows data: Matrix, k: Int, restarts: Int, seed: UInt64, maxIterations: Int,
                    threads: Int) throws(StatsError) -> KMeansResult {
        try validate(data)
        guard restarts >= 1 else {
            throw .invalidParameter(name: "restarts", value: String(restarts),
                                    allowed: "k-means needs at least 1 restart")
        }
        guard maxIterations >= 1 else {
            throw .invalidParameter(name: "maxIterations", value: String(maxIterations),
                                    allowed: "k-means needs at least 1 iteration")
        }
        guard data.rows > 0 else {
            throw .invalidParameter(name: "rows", value: "0", allowed: "k-means needs at least 1 row")
        }
        let distinct = distinctRowCount(data, limit: max(k, 1))
        guard k >= 1, k <= distinct else {
            throw .invalidParameter(
                name: "k", value: String(k),
                allowed: "k-means of \(data.rows) row\(data.rows == 1 ? "" : "s") with \(distinct) distinct "
                    + "one\(distinct == 1 ? "" : "s") needs 1 <= k <= \(distinct); choose fewer clusters")
        }

        // Progress: maxIterations units per restart, one per pass and the rest when it converges.
        let runs = try WorkProgress.track(
            "k-means: \(WorkProgress.grouped(restarts)) restart\(restarts == 1 ? "" : "s") on \(WorkProgress.grouped(data.rows)) rows",
            total: restarts * maxIterations
        ) { progress throws(StatsError) in
            try WorkProgress.checkpoint()
            let latch = InterruptLatch()
            let runs = [Run](unsafeUninitializedCapacity: restarts) { buffer, initialized in
                let base = RunPointer(buffer.baseAddress!)
                let workers = max(1, min(threads, restarts))
                data.elements.withUnsafeBufferPointer { x in
                    let input = DataPointer(x)
                    let work: @Sendable (Int) -> Void = { worker in
                        for restart in stride(from: worker, to: restarts, by: workers) {
                            // Interrupted: the remaining restarts are placeholders, discarded.
                            var generator = Self.generator(seed: seed, restart: restart)
                            guard !latch.poll(), let centres = Self.plusPlus(
                                input.buffer, n: data.rows, p: data.columns, k: k, generator: &generator, latch: latch)
                            else {
                                (base.pointer + restart).initialize(to: .interrupted)
                                continue
                            }
                            (base.pointer + restart).initialize(
                                to: Self.lloyd(input.buffer, n: data.rows, p: data.columns, k: k, centres: centres,
                                               maxIterations: maxIterations, progress: progress, latch: latch))
                        }
                    }
                    if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
                }
                initialized = restarts
            }
            try latch.check()  // some runs stopped early
            return runs
        }

        var best = 0
        for r in 1..<restarts where runs[r].objective < runs[best].objective { best = r }
        return result(runs[best], n: data.rows, p: data.columns, k: k, relabel: true,
                      restartObjectives: runs.map(\.objective), bestRestart: best)
    }

    /// Lloyd's algorithm from the given initial centres (k x p), without relabelling: cluster `c`
    /// is the one started from row `c` of `centers`, as R's `kmeans(x, centers = C,
    /// algorithm = "Lloyd")` numbers them. For comparison with R.
    static func lloyd(rows data: Matrix, centers: Matrix, maxIterations: Int) throws(StatsError) -> KMeansResult {
        try validate(data)
        precondition(centers.columns == data.columns && centers.rows >= 1 && centers.rows <= data.rows,
                     "1 to n centres, p columns each")
        let latch = InterruptLatch()
        let run = data.elements.withUnsafeBufferPointer { x in
            lloyd(x, n: data.rows, p: data.columns, k: centers.rows, centres: centers.elements,
                  maxIterations: maxIterations, progress: .silent, latch: latch)
        }
        try latch.check()  // the run stopped early
        return result(run, n: data.rows, p: data.columns, k: centers.rows, relabel: false,
                      restartObjectives: [run.objective], bestRestart: 0)
    }

    // MARK: - Validation

    private static func validate(_ data: Matrix) throws(StatsError) {
        if let bad = data.elements.firstIndex(where: { !$0.isFinite }) {
            let value = data.elements[bad]
            throw .invalidCell(row: bad / data.columns, column: bad % data.columns, value: value,
                               allowed: "k-means needs every cell present and finite; impute the missing cells or leave the row out")
        }
    }

    /// The number of distinct rows (0.0 and -0.0 count as equal), counting stops at `limit`.
    /// O(min(n, rows read until `limit` distinct ones) · p) expected.
    static func distinctRowCount(_ data: Matrix, limit: Int = .max) -> Int {
        var seen = Set<[Double]>()
        for i in 0..<data.rows where seen.count < limit {
            seen.insert(data.elements[(i * data.columns)..<((i + 1) * data.columns)].map { $0 + 0 })
        }
        return seen.count
    }

    // MARK: - One run

    struct Run: Sendable {
        var clusters: [Int]
        var centres: [Double]  // k x p
        var within: [Double]
        var objective: Double
        var iterations: Int
        var converged: Bool

        /// The placeholder of a run stopped or skipped by an interrupt (never returned).
        static let interrupted = Run(clusters: [], centres: [], within: [], objective: .nan, iterations: 0, converged: false)
    }

    /// The stream of restart `restart`: SplitMix64 seeded with the first output of a SplitMix64
    /// seeded with `seed ^ ((restart + 1) · 0x9E3779B97F4A7C15)`.
    static func generator(seed: UInt64, restart: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(restart + 1) &* 0x9E37_79B9_7F4A_7C15))
        return SplitMix64(seed: mixer.next())
    }

    /// The squared Euclidean distance between row `i` of `x` and row `j` of `c` (p columns).
    @inline(__always)
    private static func squaredDistance(_ x: UnsafeBufferPointer<Double>, _ i: Int,
                                        _ c: UnsafeBufferPointer<Double>, _ j: Int, p: Int) -> Double {
        var sum = 0.0
        let a = x.baseAddress! + i * p, b = c.baseAddress! + j * p
        for column in 0..<p {
            let d = a[column] - b[column]
            sum += d * d
        }
        return sum
    }

    /// k-means++ centres (k x p). Needs at least k distinct rows, so that every draw after the
    /// first has a positive total weight and picks a row not yet chosen. Nil when an interrupt
    /// is requested (checked before each centre).
    private static func plusPlus(_ x: UnsafeBufferPointer<Double>, n: Int, p: Int, k: Int,
                                 generator: inout SplitMix64, latch: InterruptLatch) -> [Double]? {
        var centres = [Double](repeating: 0, count: k * p)
        let first = min(n - 1, Int(generator.unit() * Double(n)))
        for c in 0..<p { centres[c] = x[first * p + c] }
        guard k > 1 else { return centres }
        var nearest = [Double](repeating: 0, count: n)
        centres.withUnsafeBufferPointer { centre in
            for i in 0..<n { nearest[i] = squaredDistance(x, i, centre, 0, p: p) }
        }
        for chosen in 1..<k {
            if latch.poll() { return nil }
            var total = 0.0
            for i in 0..<n { total += nearest[i] }
            let target = generator.unit() * total
            var cumulative = 0.0
            var pick = -1
            for i in 0..<n where nearest[i] > 0 {
                pick = i  // the last row of positive weight, should rounding leave the target beyond the sum
                cumulative += nearest[i]
                if cumulative > target { break }
            }
            if pick < 0 {
                // Every squared distance underflowed to 0 (rows closer than about 1e-160): take
                // the first row that differs from every chosen centre; one exists, as the rows
                // have at least k distinct values.
                pick = (0..<n).first { i in
                    (0..<chosen).allSatisfy { c in (0..<p).contains { x[i * p + $0] != centres[c * p + $0] } }
                } ?? -1
            }
            precondition(pick >= 0, "k-means++ needs at least k distinct rows")
            for c in 0..<p { centres[chosen * p + c] = x[pick * p + c] }
            centres.withUnsafeBufferPointer { centre in
                for i in 0..<n { nearest[i] = min(nearest[i], squaredDistance(x, i, centre, chosen, p: p)) }
            }
        }
        return centres
    }

    /// Rows per check of the interrupt flag within an assignment pass (a power of two).
    static let rowsPerCheck = 1024

    /// Lloyd's algorithm from `centres` (k x p), advancing `progress` by one per pass and by the
    /// passes left when it converges. Returns `Run.interrupted` as soon as it sees an interrupt
    /// request (`latch`, checked every `rowsPerCheck` rows).
    private static func lloyd(_ x: UnsafeBufferPointer<Double>, n: Int, p: Int, k: Int, centres initial: [Double],
                              maxIterations: Int, progress: WorkProgress.Work, latch: InterruptLatch) -> Run {
        var centres = initial
        var clusters = [Int](repeating: -1, count: n)
        var distance = [Double](repeating: 0, count: n)  // to the assigned centre
        var sizes = [Int](repeating: 0, count: k)
        var iterations = 0
        var converged = false
        let groups = (k + 7) / 8
        var lanes = [SIMD8<Double>](repeating: .zero, count: groups * p)
        while iterations < maxIterations {
            iterations += 1
            var changed = false, interrupted = false
            transpose(centres, k: k, p: p, groups: groups, into: &lanes)
            lanes.withUnsafeBufferPointer { lanes in
                for i in 0..<n {
                    // A test of the row number per row, a relaxed load per 1024 rows (a blocked
                    // loop instead costs the optimiser more: 2 % of the instructions).
                    if i & (rowsPerCheck - 1) == 0 && latch.poll() { interrupted = true; return }
                    let (best, bestCluster) = nearest(x, i, p: p, k: k, lanes: lanes, groups: groups)
                    if clusters[i] != bestCluster { clusters[i] = bestCluster; changed = true }
                    distance[i] = best
                }
            }
            if interrupted { return .interrupted }
            progress.advance(by: changed ? 1 : 1 + maxIterations - iterations)
            if !changed { converged = true; break }
            for j in 0..<k { sizes[j] = 0 }
            for i in 0..<n { sizes[clusters[i]] += 1 }
            // Empty clusters take the row farthest from its centre among clusters of 2 or more rows.
            for empty in 0..<k where sizes[empty] == 0 {
                var far = -1
                for i in 0..<n where sizes[clusters[i]] > 1 && (far < 0 || distance[i] > distance[far]) { far = i }
                sizes[clusters[far]] -= 1
                clusters[far] = empty
                sizes[empty] = 1
                distance[far] = 0
            }
            means(x, n: n, p: p, k: k, clusters: clusters, sizes: sizes, into: &centres)
        }
        let within = withinSums(x, n: n, p: p, k: k, clusters: clusters, centres: centres)
        return Run(clusters: clusters, centres: centres, within: within, objective: within.reduce(0, +),
                   iterations: iterations, converged: converged)
    }

    /// The centres (k x p) as `groups` blocks of 8 centres, column after column: `lanes[g * p + c]`
    /// holds column c of centres 8g ..< 8g + 8 (0 beyond k).
    private static func transpose(_ centres: [Double], k: Int, p: Int, groups: Int, into lanes: inout [SIMD8<Double>]) {
        for g in 0..<groups {
            for c in 0..<p {
                var v = SIMD8<Double>.zero
                for lane in 0..<8 where g * 8 + lane < k { v[lane] = centres[(g * 8 + lane) * p + c] }
                lanes[g * p + c] = v
            }
        }
    }

    /// The nearest centre to row `i` (lowest index on ties) and its squared distance. The distances
    /// to 8 centres at a time are summed over the columns in order, as `squaredDistance` (and R) do,
    /// so each is the same number.
    @inline(__always)
    private static func nearest(_ x: UnsafeBufferPointer<Double>, _ i: Int, p: Int, k: Int,
                                lanes: UnsafeBufferPointer<SIMD8<Double>>, groups: Int) -> (Double, Int) {
        var best = Double.infinity, bestCluster = 0
        let row = x.baseAddress! + i * p
        for g in 0..<groups {
            var sum = SIMD8<Double>.zero
            let block = lanes.baseAddress! + g * p
            for c in 0..<p {
                let d = SIMD8<Double>(repeating: row[c]) - block[c]
                sum += d * d
            }
            for lane in 0..<min(8, k - g * 8) where sum[lane] < best {
                best = sum[lane]
                bestCluster = g * 8 + lane
            }
        }
        return (best, bestCluster)
    }

    /// The cluster means (k x p): sums in row order, then divided by the sizes (as R).
    private static func means(_ x: UnsafeBufferPointer<Double>, n: Int, p: Int, k: Int, clusters: [Int],
                              sizes: [Int], into centres: inout [Double]) {
        for j in 0..<(k * p) { centres[j] = 0 }
        for i in 0..<n {
            let base = clusters[i] * p
            for c in 0..<p { centres[base + c] += x[i * p + c] }
        }
        for j in 0..<k {
            let size = Double(sizes[j])
            for c in 0..<p { centres[j * p + c] /= size }
        }
    }

    /// The within-cluster sums of squares, computed directly.
    private static func withinSums(_ x: UnsafeBufferPointer<Double>, n: Int, p: Int, k: Int, clusters: [Int],
                                   centres: [Double]) -> [Double] {
        var sums = [Double](repeating: 0, count: k)
        centres.withUnsafeBufferPointer { centre in
            for i in 0..<n { sums[clusters[i]] += squaredDistance(x, i, centre, clusters[i], p: p) }
        }
        return sums
    }

    private static func result(_ run: Run, n: Int, p: Int, k: Int, relabel: Bool, restartObjectives: [Double],
                               bestRestart: Int) -> KMeansResult {
        var label = Array(0..<k)
        if relabel {
            label = [Int](repeating: -1, count: k)
            var next = 0
            for i in 0..<n where label[run.clusters[i]] < 0 {
                label[run.clusters[i]] = next
                next += 1
            }
            for j in 0..<k where label[j] < 0 { label[j] = next; next += 1 }  // unreachable after Lloyd's fix
        }
        var centres = [Double](repeating: 0, count: k * p)
        var within = [Double](repeating: 0, count: k)
        for j in 0..<k {
            within[label[j]] = run.within[j]
            for c in 0..<p { centres[label[j] * p + c] = run.centres[j * p + c] }
        }
        let clusters = run.clusters.map { label[$0] }
        var sizes = [Int](repeating: 0, count: k)
        for cluster in clusters { sizes[cluster] += 1 }
        return KMeansResult(
            clusters: clusters, centers: Matrix(rows: k, columns: p, elements: centres), sizes: sizes,
            withinSumOfSquares: within, objective: run.objective, restartObjectives: restartObjectives,
            bestRestart: bestRestart, iterations: run.iterations, converged: run.converged)
    }
}

/// The runs, each written by one block of `concurrentPerform` at its own index.
private struct RunPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<KMeans.Run>
    init(_ pointer: UnsafeMutablePointer<KMeans.Run>) { self.pointer = pointer }
}

/// The data, read-only, shared by the blocks of `concurrentPerform`.
private struct DataPointer: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Double>
    init(_ buffer: UnsafeBufferPointer<Double>) { self.buffer = buffer }
}
