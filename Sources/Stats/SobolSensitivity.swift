import CLapack
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A model evaluated by `SobolSensitivity` on a batch of points.
///
/// - `points`: `count` points, row-major `count` x `dimensions`, each coordinate in the open unit
///   interval (0, 1). The model maps them to its input distributions itself (`lower + (upper -
///   lower) * u` for a uniform input, an inverse distribution function, `Int(u * k)` for one of
///   k discrete choices).
/// - `outputs`: room for `count` x `outputs` values, row-major (one row of outputs per point);
///   the model writes every cell. Outputs must be finite.
///
/// The engine calls the model concurrently from several threads with disjoint buffers, in batches
/// of at most 256 points (one block of one of the k + 2 matrices, so that an interrupt is seen
/// between two batches); scratch memory the model needs is best allocated per call.
public typealias SobolModel = @Sendable (
    _ points: UnsafeBufferPointer<Double>, _ count: Int, _ outputs: UnsafeMutableBufferPointer<Double>
) -> Void

/// Inputs that move together in a Sobol' analysis (SALib's `groups`): the design takes all of the
/// group's columns from B at once, and the indices are the group's (closed first-order and total).
public struct SobolGroup: Sendable, Equatable, Hashable {
    /// The name the group's indices carry.
    public var name: String
    /// The 0-based input columns of the group.
    public var columns: [Int]

    public init(_ name: String, columns: [Int]) {
        self.name = name
        self.columns = columns
    }
}

/// The indices of one output estimated from the first `samples` rows of the design.
public struct SobolEstimate: Sendable, Equatable {
    /// The number of base rows N used (the design's first rows).
    public let samples: Int
    /// First-order indices S_i, one per group (input), in group order.
    public let firstOrder: [Double]
    /// Total-order indices ST_i, one per group.
    public let totalOrder: [Double]
    /// Half-widths of the bootstrap confidence intervals of S_i (NaN without resamples).
    public let firstOrderConfidence: [Double]
    /// Half-widths of the bootstrap confidence intervals of ST_i (NaN without resamples).
    public let totalOrderConfidence: [Double]
    /// The variance of the outputs of A and B together (divisor 2N, as numpy's `np.var`).
    public let variance: Double
}

/// Variance-based sensitivity analysis (Sobol' indices) of a model with `dimensions` inputs on the
/// unit hypercube, with Saltelli's design and SALib's estimators (`SALib.sample.sobol` +
/// `SALib.analyze.sobol` with `calc_second_order=False`).
///
/// Design (Saltelli 2002; Saltelli et al. 2010). Points of a scrambled Sobol' sequence in 2d
/// dimensions (`SobolSequence`, seeded from `seed`; the first point is used, it is not 0 after
/// scrambling): row j gives A_j (coordinates 1...d) and B_j (coordinates d+1...2d), as SALib's
/// `sobol.sample`. For each of the k groups (by default one per input), A_B^(i) is A with the
/// group's columns taken from B. The model is evaluated on A, B and the k matrices A_B^(i):
/// N (k + 2) evaluations, in fixed blocks of 256 rows on `threads` threads; the result does not
/// depend on the number of threads.
///
/// Estimators, for each output: the outputs are first centred by their mean over the whole
/// design (SALib also divides by their standard deviation, which cancels); V = the variance of
/// the outputs of A and B together (divisor 2N, `np.var(np.r_[YA, YB])`);
/// S_i = mean(f(B) (f(A_B^i) − f(A))) / V (Saltelli et al. 2010);
/// ST_i = mean((f(A) − f(A_B^i))²) / 2 / V (Jansen 1999). For a group these are its closed
/// first-order index and its total index. Estimates can fall slightly outside [0, 1] (sampling
/// error) and are not clipped. A constant output (V = 0) gives NaN indices.
///
/// Confidence intervals, as SALib: B resamples of the N rows with replacement (the same rows of
/// A, B and every A_B^i), each re-estimating the indices (V included, the centring kept);
/// the half-width is z_{(1 + level)/2} times the standard deviation (n − 1) of the resampled
/// indices. The resamples are seeded from `seed` (each with its own SplitMix64 stream); the
/// resampled sums are one BLAS product of the resample counts with per-row terms.
///
/// Convergence: the same estimators (and bootstrap) on the first N/4 and N/2 rows (integer
/// division), centred by the mean of that sub-design, in `convergence` with the full N last.
///
/// N: any N ≥ 8. A power of two is best: the first 2^m points of a Sobol' sequence are exactly
/// balanced (SALib warns otherwise); other N work with slightly less uniform designs. The same
/// holds for N/4 and N/2.
///
/// Missing values: none are accepted. A model output that is NaN or infinite is an error naming
/// the matrix (A, B or A_B(group)), the row and the output; the caller validates its inputs
/// beforehand (the model cannot throw).
///
/// Complexity: N (k + 2) model evaluations plus O(N · 2d · 32) for the points and
/// O(1.75 · resamples · N · (k + 2)) for the bootstrap (as BLAS products). Memory: the outputs,
/// (k + 2) · N · outputs doubles (23 · 2^14 · 8 bytes = 3 MB for the 21 RIS weights), plus at
/// most about 16 MB of per-row bootstrap terms.
public struct SobolSensitivity: Sendable {
    /// The names of the indices: the group names, or the input names without groups.
    public let names: [String]
    /// The groups (one per input, named after it, when none were given).
    public let groups: [SobolGroup]
    /// First-order indices S_i at the full N, one per group.
    public var firstOrder: [Double] { full.firstOrder }
    /// Total-order indices ST_i at the full N.
    public var totalOrder: [Double] { full.totalOrder }
    /// Confidence half-widths of S_i at the full N.
    public var firstOrderConfidence: [Double] { full.firstOrderConfidence }
    /// Confidence half-widths of ST_i at the full N.
    public var totalOrderConfidence: [Double] { full.totalOrderConfidence }
    /// The output variance V at the full N.
    public var variance: Double { full.variance }
    /// The estimates at N/4, N/2 and N (in this order), from the first rows of the design.
    public let convergence: [SobolEstimate]
    /// The number of base rows N.
    public let samples: Int
    /// The number of model evaluations, N (k + 2).
    public let evaluations: Int
    /// The confidence level of the intervals (e.g. 0.95).
    public let confidenceLevel: Double
    /// The number of bootstrap resamples.
    public let resamples: Int
    /// The seed of the design and of the bootstrap.
    public let seed: UInt64

    /// The estimate at the full N.
    public var full: SobolEstimate { convergence[convergence.count - 1] }

    /// The number of base rows per block of the design (each block is one or more model calls).
    public static let blockRows = 256
    /// The number of bootstrap resamples per block.
    static let resampleBlock = 16

    /// Sobol' indices of a model with one output; see the type's documentation.
    ///
    /// - Parameters:
    ///   - dimensions: the number of inputs d (1...512: the sequence has 2d ≤ 1024 dimensions).
    ///   - groups: optional groups covering every input exactly once; nil: one per input.
    ///   - inputNames: d names (default x1, x2, ...), the index names when there are no groups.
    ///   - samples: N ≥ 8, best a power of two.
    ///   - seed: seeds the scrambling of the design and the bootstrap.
    ///   - resamples: bootstrap resamples (SALib's `num_resamples`, default 1000); 0 gives NaN
    ///     confidence half-widths.
    ///   - confidenceLevel: in (0, 1), default 0.95.
    ///   - threads: threads for the model and the bootstrap; nil = all online cores.
    ///   - model: the model; see `SobolModel`.
    /// - Throws: `invalidParameter` for a bad argument, a group that is empty, repeats or misses a
    ///   column, and for a model output that is not finite (naming the matrix and row).
    public init(
        dimensions: Int, groups: [SobolGroup]? = nil, inputNames: [String]? = nil, samples: Int,
        seed: UInt64, resamples: Int = 1000, confidenceLevel: Double = 0.95, threads: Int? = nil,
        model: @escaping SobolModel
    ) throws(StatsError) {
        self = try Self.analyze(
            dimensions: dimensions, groups: groups, inputNames: inputNames, samples: samples,
            seed: seed, outputs: 1, resamples: resamples, confidenceLevel: confidenceLevel,
            threads: threads, model: model)[0]
    }

    private init(names: [String], groups: [SobolGroup], convergence: [SobolEstimate], samples: Int,
                 evaluations: Int, confidenceLevel: Double, resamples: Int, seed: UInt64) {
        self.names = names
        self.groups = groups
        self.convergence = convergence
        self.samples = samples
        self.evaluations = evaluations
        self.confidenceLevel = confidenceLevel
        self.resamples = resamples
        self.seed = seed
    }

    /// Sobol' indices of each of the `outputs` outputs of a model from one design (the model
    /// writes `outputs` values per point), one result per output, in order. The bootstrap uses
    /// the same resampled rows for every output. See `init(dimensions:...)` for the parameters.
    public static func analyze(
        dimensions d: Int, groups: [SobolGroup]? = nil, inputNames: [String]? = nil, samples n: Int,
        seed: UInt64, outputs m: Int = 1, resamples: Int = 1000, confidenceLevel: Double = 0.95,
        threads: Int? = nil, model: @escaping SobolModel
    ) throws(StatsError) -> [SobolSensitivity] {
        OpenBLASKernel.ensure()
        // Validation.
        guard d >= 1 && 2 * d <= SobolSequence.maxDimensions else {
            throw .invalidParameter(name: "dimensions", value: String(d),
                                    allowed: "1 to \(SobolSequence.maxDimensions / 2) inputs (the design uses a Sobol' sequence of 2 x inputs dimensions)")
        }
        guard n >= 8 && n <= 1 << 31 else {
            throw .invalidParameter(name: "samples", value: String(n), allowed: "8 to 2^31 base rows, best a power of two")
        }
        guard m >= 1 else {
            throw .invalidParameter(name: "outputs", value: String(m), allowed: "at least 1")
        }
        guard resamples >= 0 && resamples != 1 else {
            throw .invalidParameter(name: "resamples", value: String(resamples), allowed: "0 (no confidence intervals) or at least 2")
        }
        guard confidenceLevel > 0 && confidenceLevel < 1 else {
            throw .invalidParameter(name: "confidenceLevel", value: NumberFormat.exact(confidenceLevel), allowed: "strictly between 0 and 1")
        }
        if let threads, threads < 1 {
            throw .invalidParameter(name: "threads", value: String(threads), allowed: "at least 1")
        }
        let names = inputNames ?? (1...d).map { "x\($0)" }
        guard names.count == d else {
            throw .invalidParameter(name: "inputNames", value: "\(names.count) names",
                                    allowed: "one name per input (\(d))")
        }
        let groups = groups ?? names.enumerated().map { SobolGroup($0.element, columns: [$0.offset]) }
        try validate(groups: groups, dimensions: d)
        let k = groups.count
        let threadCount = threads ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

        // Progress in model evaluations, the bootstrap counted at `bootstrapCost` per resampled row.
        let matrices = k + 2
        var steps: [Int] = []
        for size in [n / 4, n / 2, n] where !steps.contains(size) { steps.append(size) }
        let bootstrapTotal = steps.reduce(0) { $0 + bootstrapUnits(resamples: resamples, rows: $1, outputs: m, k: k) }
        return try WorkProgress.track(
            "sobol: \(WorkProgress.grouped(n * matrices)) evaluations" + (resamples > 0 ? ", \(WorkProgress.grouped(resamples)) resamples" : ""),
            total: n * matrices + bootstrapTotal
        ) { work throws(StatsError) in
            try WorkProgress.checkpoint()
            return try analyze(d: d, groups: groups, n: n, seed: seed, m: m, resamples: resamples, confidenceLevel: confidenceLevel,
                               threadCount: threadCount, steps: steps, model: model, work: work)
        }
    }

    /// The units of progress of the bootstrap of `rows` rows: about the time of one model
    /// evaluation per `bootstrapCost` resampled rows and outputs.
    private static func bootstrapUnits(resamples: Int, rows: Int, outputs: Int, k: Int) -> Int {
        resamples * rows * outputs * (4 + 2 * k) / bootstrapCost
    }

    /// Resampled rows x terms per unit of progress (one model evaluation's time, about).
    private static let bootstrapCost = 64

    /// `analyze` after its checks: the design and the estimates, advancing `work` by model
    /// evaluations; throws `StatsError.interrupted` when an interrupt is requested (checked
    /// before every block of the design and of the bootstrap).
    private static func analyze(
        d: Int, groups: [SobolGroup], n: Int, seed: UInt64, m: Int, resamples: Int, confidenceLevel: Double,
        threadCount: Int, steps: [Int], model: @escaping SobolModel, work: WorkProgress.Work
    ) throws(StatsError) -> [SobolSensitivity] {
        let k = groups.count
        // The design, evaluated block by block.
        let sequence = try SobolSequence(dimensions: 2 * d, seed: derivedSeed(seed, 1, 0))
        let matrices = k + 2
        var y = [Double](repeating: .nan, count: matrices * n * m)
        let blocks = (n + blockRows - 1) / blockRows
        let latch = InterruptLatch()
        y.withUnsafeMutableBufferPointer { yBuffer in
            let shared = SharedPointer(yBuffer.baseAddress!)
            parallel(threadCount, blocks) { worker in
                var base = [Double](repeating: 0, count: blockRows * 2 * d)
                var points = [Double](repeating: 0, count: matrices * blockRows * d)
                var outs = [Double](repeating: .nan, count: matrices * blockRows * m)
                for block in stride(from: worker, to: blocks, by: threadCount) {
                    if latch.poll() { break }
                    let first = block * blockRows
                    let rows = min(blockRows, n - first)
                    base.withUnsafeMutableBufferPointer { sequence.fill(from: first, count: rows, into: $0) }
                    for r in 0..<rows {
                        for j in 0..<d {
                            let a = base[r * 2 * d + j], b = base[r * 2 * d + d + j]
                            points[r * d + j] = a
                            points[(rows + r) * d + j] = b
                            for i in 0..<k { points[((2 + i) * rows + r) * d + j] = a }
                        }
                        for i in 0..<k {
                            for j in groups[i].columns { points[((2 + i) * rows + r) * d + j] = base[r * 2 * d + d + j] }
                        }
                    }
                    let count = matrices * rows
                    for index in 0..<(count * m) { outs[index] = .nan }
                    // One call per matrix (`rows` points), with a check of the interrupt flag
                    // before each: a model can be slow (a composite of many regions).
                    var stopped = false
                    points.withUnsafeBufferPointer { p in
                        outs.withUnsafeMutableBufferPointer { o in
                            for start in stride(from: 0, to: count, by: rows) {
                                if latch.poll() { stopped = true; return }
                                model(UnsafeBufferPointer(rebasing: p[(start * d)..<((start + rows) * d)]), rows,
                                      UnsafeMutableBufferPointer(rebasing: o[(start * m)..<((start + rows) * m)]))
                                work.advance(by: rows)
                            }
                        }
                    }
                    if stopped { break }
                    for matrix in 0..<matrices {
                        for r in 0..<rows {
                            for o in 0..<m {
                                shared.pointer[(matrix * n + first + r) * m + o] = outs[(matrix * rows + r) * m + o]
                            }
                        }
                    }
                }
            }
        }
        try latch.check()  // blocks were skipped: outputs are missing
        if let bad = y.firstIndex(where: { !$0.isFinite }) {
            let matrix = bad / (n * m), row = (bad / m) % n, output = bad % m
            let location = matrix == 0 ? "A" : matrix == 1 ? "B" : "A_B(\(groups[matrix - 2].name))"
            throw .invalidParameter(
                name: "model output", value: y[bad].isNaN ? "missing (NaN)" : NumberFormat.exact(y[bad]),
                allowed: "finite numbers; found at row \(row + 1) of matrix \(location)" + (m > 1 ? ", output \(output + 1)" : ""))
        }

        // Estimates and bootstrap at N/4, N/2 and N.
        let z = resamples > 0 ? normalQuantile((1 + confidenceLevel) / 2) : .nan
        var perOutput = [[SobolEstimate]](repeating: [], count: m)
        for (stepIndex, size) in steps.enumerated() {
            let estimates = y.withUnsafeBufferPointer { yBuffer in
                estimate(y: yBuffer, n: n, m: m, k: k, size: size, seed: derivedSeed(seed, 2, UInt64(stepIndex)),
                         resamples: resamples, z: z, threads: threadCount, work: work, latch: latch)
            }
            try latch.check()  // resample blocks were skipped
            for o in 0..<m { perOutput[o].append(estimates[o]) }
        }
        let groupNames = groups.map(\.name)
        return perOutput.map {
            SobolSensitivity(names: groupNames, groups: groups, convergence: $0, samples: n,
                             evaluations: n * matrices, confidenceLevel: confidenceLevel,
                             resamples: resamples, seed: seed)
        }
    }

    /// Every group non-empty, every column in range and in exactly one group, names unique.
    private static func validate(groups: [SobolGroup], dimensions d: Int) throws(StatsError) {
        guard !groups.isEmpty else {
            throw .invalidParameter(name: "groups", value: "none", allowed: "at least one group")
        }
        var owner = [Int?](repeating: nil, count: d)
        var seenNames = Set<String>()
        for (index, group) in groups.enumerated() {
            guard !group.columns.isEmpty else {
                throw .invalidParameter(name: "groups", value: "group \(group.name) is empty", allowed: "each group has at least one input column")
            }
            guard seenNames.insert(group.name).inserted else {
                throw .invalidParameter(name: "groups", value: "two groups named \(group.name)", allowed: "unique group names")
            }
            for column in group.columns {
                guard column >= 0 && column < d else {
                    throw .invalidParameter(name: "groups", value: "column \(column + 1) in group \(group.name)", allowed: "columns 1 to \(d)")
                }
                if let other = owner[column] {
                    throw .invalidParameter(name: "groups", value: "column \(column + 1) in groups \(groups[other].name) and \(group.name)", allowed: "each input in exactly one group")
                }
                owner[column] = index
            }
        }
        if let missing = owner.firstIndex(where: { $0 == nil }) {
            throw .invalidParameter(name: "groups", value: "column \(missing + 1) is in no group", allowed: "each input in exactly one group")
        }
    }

    /// The estimates of every output from the first `size` rows, with their bootstrap. Skips the
    /// remaining resample blocks when an interrupt is requested (`latch`; the caller then throws).
    private static func estimate(
        y: UnsafeBufferPointer<Double>, n: Int, m: Int, k: Int, size: Int, seed: UInt64,
        resamples: Int, z: Double, threads: Int, work: WorkProgress.Work, latch: InterruptLatch
    ) -> [SobolEstimate] {
        let termCount = 4 + 2 * k  // a, a², b, b², then b (ab_i − a) and (a − ab_i)² per group
        // Output chunks so that the per-row terms stay within about 16 MB.
        let chunk = max(1, min(m, (1 << 21) / max(1, size * termCount)))
        var results: [SobolEstimate] = []
        results.reserveCapacity(m)
        var firstOutput = 0
        while firstOutput < m {
            let outputs = min(chunk, m - firstOutput)
            let columns = outputs * termCount
            // Per-row terms of the centred outputs, rows x (outputs · terms), row-major.
            var terms = [Double](repeating: 0, count: size * columns)
            var s1 = [[Double]](), st = [[Double]](), variances = [Double]()
            for c in 0..<outputs {
                let o = firstOutput + c
                func value(_ matrix: Int, _ row: Int) -> Double { y[(matrix * n + row) * m + o] }
                var total = 0.0
                for matrix in 0..<(k + 2) { for row in 0..<size { total += value(matrix, row) } }
                let mean = total / Double((k + 2) * size)
                var sums = [Double](repeating: 0, count: termCount)
                for row in 0..<size {
                    let a = value(0, row) - mean, b = value(1, row) - mean
                    let offset = row * columns + c * termCount
                    terms[offset] = a
                    terms[offset + 1] = a * a
                    terms[offset + 2] = b
                    terms[offset + 3] = b * b
                    for i in 0..<k {
                        let ab = value(2 + i, row) - mean
                        terms[offset + 4 + i] = b * (ab - a)
                        terms[offset + 4 + k + i] = (a - ab) * (a - ab)
                    }
                    for t in 0..<termCount { sums[t] += terms[offset + t] }
                }
                let (first, total_, variance) = indices(sums, count: Double(size), k: k)
                s1.append(first)
                st.append(total_)
                variances.append(variance)
            }
            // Bootstrap: resample counts (resamples x rows) times the terms, block by block.
            var sumDeviation = [Double](repeating: 0, count: outputs * 2 * k)
            var sumSquares = [Double](repeating: 0, count: outputs * 2 * k)
            if resamples > 0 {
                let (s1, st) = (s1, st)
                let blocks = (resamples + resampleBlock - 1) / resampleBlock
                var partial = [Double](repeating: 0, count: blocks * 2 * outputs * 2 * k)
                let width = outputs * 2 * k
                terms.withUnsafeBufferPointer { termBuffer in
                    partial.withUnsafeMutableBufferPointer { partialBuffer in
                        let shared = SharedPointer(partialBuffer.baseAddress!)
                        let termPointer = SharedConstPointer(termBuffer.baseAddress!)
                        parallel(threads, blocks) { worker in
                            var counts = [Double](repeating: 0, count: resampleBlock * size)
                            var product = [Double](repeating: 0, count: resampleBlock * columns)
                            for block in stride(from: worker, to: blocks, by: threads) {
                                if latch.poll() { break }
                                let firstResample = block * resampleBlock
                                let rowsInBlock = min(resampleBlock, resamples - firstResample)
                                for index in 0..<counts.count { counts[index] = 0 }
                                for r in 0..<rowsInBlock {
                                    var generator = SplitMix64(seed: derivedSeed(seed, 3, UInt64(firstResample + r)))
                                    for _ in 0..<size { counts[r * size + Int.random(in: 0..<size, using: &generator)] += 1 }
                                }
                                counts.withUnsafeBufferPointer { w in
                                    product.withUnsafeMutableBufferPointer { p in
                                        cblas_dgemm(
                                            CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(rowsInBlock),
                                            blasint(columns), blasint(size), 1, w.baseAddress, blasint(size),
                                            termPointer.pointer, blasint(columns), 0, p.baseAddress, blasint(columns))
                                    }
                                }
                                let out = shared.pointer + block * 2 * width
                                for r in 0..<rowsInBlock {
                                    for c in 0..<outputs {
                                        let sums = Array(product[(r * columns + c * termCount)..<(r * columns + (c + 1) * termCount)])
                                        let (first, total, _) = indices(sums, count: Double(size), k: k)
                                        for i in 0..<k {
                                            let e1 = first[i] - s1[c][i], e2 = total[i] - st[c][i]
                                            out[c * 2 * k + i] += e1
                                            out[c * 2 * k + k + i] += e2
                                            out[width + c * 2 * k + i] += e1 * e1
                                            out[width + c * 2 * k + k + i] += e2 * e2
                                        }
                                    }
                                }
                                work.advance(by: bootstrapUnits(resamples: rowsInBlock, rows: size, outputs: outputs, k: k))
                            }
                        }
                    }
                }
                for block in 0..<blocks {
                    for index in 0..<width {
                        sumDeviation[index] += partial[block * 2 * width + index]
                        sumSquares[index] += partial[block * 2 * width + width + index]
                    }
                }
            }
            for c in 0..<outputs {
                var conf1 = [Double](repeating: .nan, count: k), confT = [Double](repeating: .nan, count: k)
                if resamples > 1 {
                    let count = Double(resamples)
                    for i in 0..<k {
                        for (target, offset) in [(0, i), (1, k + i)] {
                            let s = sumDeviation[c * 2 * k + offset], q = sumSquares[c * 2 * k + offset]
                            let sd = (max(0, q - s * s / count) / (count - 1)).squareRoot()
                            if target == 0 { conf1[i] = z * sd } else { confT[i] = z * sd }
                        }
                    }
                }
                results.append(SobolEstimate(samples: size, firstOrder: s1[c], totalOrder: st[c],
                                             firstOrderConfidence: conf1, totalOrderConfidence: confT,
                                             variance: variances[c]))
            }
            firstOutput += outputs
        }
        return results
    }

    /// S_i, ST_i and V from the (weighted) sums of the per-row terms over `count` rows.
    private static func indices(_ sums: [Double], count: Double, k: Int) -> ([Double], [Double], Double) {
        let meanAB = (sums[0] + sums[2]) / (2 * count)
        let variance = (sums[1] + sums[3]) / (2 * count) - meanAB * meanAB
        var first = [Double](repeating: .nan, count: k), total = [Double](repeating: .nan, count: k)
        if variance > 0 {
            for i in 0..<k {
                first[i] = sums[4 + i] / count / variance
                total[i] = sums[4 + k + i] / count / 2 / variance
            }
        }
        return (first, total, max(0, variance))
    }
}

/// A seed for one stream of the analysis, from the user's seed, a purpose and an index.
private func derivedSeed(_ seed: UInt64, _ purpose: UInt64, _ index: UInt64) -> UInt64 {
    var generator = SplitMix64(seed: seed ^ (purpose &* 0xD1B5_4A32_D192_ED03))
    _ = generator.next()
    var mixer = SplitMix64(seed: generator.next() ^ (index &* 0x9E37_79B9_7F4A_7C15))
    return mixer.next()
}

/// Runs `work(worker)` for workers 0..<min(threads, items) in parallel; worker w takes the items
/// w, w + threads, w + 2·threads, ... (fixed items, so the result does not depend on `threads`).
private func parallel(_ threads: Int, _ items: Int, _ work: @Sendable (Int) -> Void) {
    let workers = min(threads, items)
    if workers == 1 { work(0) } else if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
}

/// The standard normal quantile Φ⁻¹(p), by bisection on Φ(x) = erfc(−x/√2)/2 to full precision.
func normalQuantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1)
    var low = -40.0, high = 40.0
    for _ in 0..<200 {
        let middle = (low + high) / 2
        if middle == low || middle == high { break }
        if erfc(-middle / 2.0.squareRoot()) / 2 < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
}

/// A pointer handed to worker threads that write disjoint cells.
private struct SharedPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
}

/// A read-only pointer handed to worker threads.
private struct SharedConstPointer: @unchecked Sendable {
    let pointer: UnsafePointer<Double>
    init(_ pointer: UnsafePointer<Double>) { self.pointer = pointer }
}
