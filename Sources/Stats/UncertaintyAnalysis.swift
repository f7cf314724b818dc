import CLapack
import CRankKernels
import Dispatch
import Glibc

/// Monte Carlo uncertainty analysis of a composite indicator's scores and ranks (Saisana, Saltelli
/// & Tarantola 2005, JRSS A 168(2); the weights-data-method analysis of COINr's
/// `get_sensitivity(SA_type = "UA")`, but with the rank statistics streamed into counts).
///
/// The model: a `CompositeStructure` whose FIRST top node is the analysed index; one or more
/// normalised data sets (alternatives, e.g. min-max and z-scores, precomputed by the caller: one
/// column per indicator, one value per unit, NaN = missing); one or more aggregation-method
/// alternatives (one method for all levels, or one per level). Each sample draws, in this order
/// from its block's generator: the weights (`WeightSampler`), the data alternative (uniformly,
/// only when there are several), the method alternative (likewise); then computes the index of
/// every unit and ranks the units: 1 = the largest index, ties share the lowest rank ("min"), a
/// unit whose index is missing has no rank in that sample (counted in `unranked`).
///
/// Aggregation is `Aggregation`'s (threshold share of present weight, optional shift) with each
/// node's scale (`WeightPerturbation.uniform`); only the nodes under the index are evaluated
/// (a domain error in another top node does not matter here).
///
/// Speed: for a data alternative with no missing value under the index and an all-arithmetic
/// method alternative, the index is data · effective weights, so the scores of a block of
/// samples are one `dgemm`. Other samples are evaluated level by level per unit (correct but
/// several times slower). Ranks: 1 + the units scoring higher (ties as `scoreRanks`). Where the
/// perturbation is bounded and the data complete, `RankWindows` knows which pairs can swap and a
/// vector kernel (`stresstest_count_window_ranks`) compares only the few segments of the nominal
/// order a sample has disturbed, about O(n) per sample, counting into a band of ranks around
/// each unit's nominal position; otherwise an insertion sort starts from the nominal order
/// (about O(n) for moderate perturbations, see `count`) and counts into `counts[unit][rank]`.
/// Both tables are 16-bit per worker, flushed into 64-bit ones before they can overflow. Workers
/// on all cores (`DispatchQueue.concurrentPerform`) take the next block as they finish one, so a
/// core slowed by other work delays no other; OpenBLAS is set to one thread meanwhile (its threads
/// would spin against the workers).
///
/// Reproducibility: samples are processed in fixed blocks of `blockSize`; block b draws from
/// `generator(seed:block:)`. Rank counts are integers merged by addition and the score sums are
/// merged block by block in block order, so the result is the same for any number of threads.
/// Memory: O(threads × blockSize × (units + weights) + units²), whatever the number of samples;
/// no per-sample result is kept.
public struct UncertaintyAnalysis: Sendable {
    /// Samples per block (each block has its own random stream). Part of the definition of the
    /// random numbers: changing it changes the draws.
    public static let blockSize = 1024
    /// Blocks processed between two merges of the score sums (bounds their buffer).
    static let blocksPerRound = 64

    public let structure: CompositeStructure
    public let sampler: WeightSampler
    /// The data alternatives: `data[a][indicator][unit]`.
    public let data: [[[Double]]]
    /// The method alternatives, each one method for all levels or one per level.
    public let methods: [[AggregationMethod]]
    public let threshold: Double
    public let shift: Double
    /// The number of units (rows of each data alternative).
    public let units: Int

    let flat: FlatComposite
    /// Per data alternative: units × indicators row-major; indicators outside the index are 0.
    let rowMajor: [[Double]]
    /// Per data alternative: no missing value under the index.
    let complete: [Bool]
    /// Per method alternative: the method of each node (flat order).
    let nodeMethods: [[AggregationMethod]]
    /// Per method alternative: arithmetic at every level.
    let arithmetic: [Bool]
    let codes: [String]
    let maxChildren: Int

    /// - Parameters:
    ///   - data: the data alternatives, each `[indicator][unit]` in the order of
    ///     `structure.indicators` (NaN = missing).
    ///   - methods: the method alternatives (default: arithmetic everywhere).
    ///   - uncertainLevels: the aggregation levels (1-based) whose weights are perturbed; nil = all.
    /// - Throws: `StatsError.invalidParameter` for no data or method alternative, an infinite data
    ///   value, a bad perturbation, level, method, threshold or shift; `StatsError.shapeMismatch`
    ///   when a data alternative does not fit the structure or the alternatives differ in units.
    public init(
        structure: CompositeStructure, data: [[[Double]]], methods: [[AggregationMethod]] = [[.arithmetic]],
        perturbation: WeightPerturbation, uncertainLevels: [Int]? = nil,
        threshold: Double = Aggregation.defaultThreshold, shift: Double = 0
    ) throws(StatsError) {
        guard !data.isEmpty else { throw .invalidParameter(name: "data", value: "none", allowed: "at least one data alternative") }
        guard !methods.isEmpty else { throw .invalidParameter(name: "methods", value: "none", allowed: "at least one method alternative") }
        for alternative in data {
            for method in methods {
                try Aggregation.validate(alternative, structure: structure, methods: method, threshold: threshold, shift: shift)
            }
        }
        let n = data[0].first?.count ?? 0
        for (a, alternative) in data.enumerated() {
            let count = alternative.first?.count ?? 0
            guard count == n else {
                throw .shapeMismatch("data alternative \(a + 1) has \(count) units but alternative 1 has \(n)")
            }
            for (j, column) in alternative.enumerated() {
                if let u = column.firstIndex(where: { $0.isInfinite }) {
                    throw .invalidParameter(name: "\(structure.indicators[j]) of unit \(u + 1) in data alternative \(a + 1)",
                                            value: NumberFormat.exact(column[u]), allowed: "a finite value or missing (NaN)")
                }
            }
        }
        self.structure = structure
        sampler = try WeightSampler(structure: structure, perturbation: perturbation, levels: uncertainLevels)
        self.data = data
        self.methods = methods
        self.threshold = threshold
        self.shift = shift
        units = n
        let flat = sampler.flat
        self.flat = flat
        let d = flat.indicatorCount
        rowMajor = data.map { alternative in
            var x = [Double](repeating: 0, count: n * d)
            for j in 0..<d where flat.underIndex[j] {
                for u in 0..<n { x[u * d + j] = alternative[j][u] }
            }
            return x
        }
        complete = data.map { alternative in
            (0..<d).allSatisfy { j in !flat.underIndex[j] || !alternative[j].contains(where: \.isNaN) }
        }
        nodeMethods = methods.map { m in flat.nodeLevel.map { m.count == 1 ? m[0] : m[$0] } }
        arithmetic = methods.map { m in m.allSatisfy { $0 == .arithmetic } }
        codes = structure.allCodes
        maxChildren = structure.levels.flatMap { $0.map(\.children.count) }.max() ?? 1
    }

    /// The generator of block `block`: SplitMix64 seeded with the first output of a SplitMix64
    /// seeded with `seed ^ (block · 0x9E3779B97F4A7C15)`.
    public static func generator(seed: UInt64, block: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(block) &* 0x9E37_79B9_7F4A_7C15))
        return SplitMix64(seed: mixer.next())
    }

    /// A uniform choice among `count` alternatives (Lemire's multiply-shift of one 64-bit output).
    static func pick(_ count: Int, using g: inout SplitMix64) -> Int {
        Int(truncatingIfNeeded: g.next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// The index of every unit for the given weights, data and method alternatives (0-based),
    /// level by level: NaN where the index is missing. O(units × weights).
    ///
    /// - Throws: `StatsError.aggregationDomain` for a value outside a method's domain.
    public func scores(weights: WeightSampler.Draw, dataAlternative: Int = 0, methodAlternative: Int = 0) throws(StatsError) -> [Double] {
        let slots = weights.weights.flatMap { $0.flatMap { $0 } }
        let scales = weights.scales.flatMap { $0 }
        precondition(slots.count == flat.slotCount && scales.count == flat.nodeCount, "weights of another structure")
        var result = [Double](repeating: .nan, count: units)
        var values = [Double](repeating: 0, count: flat.memberCount)
        var gather = [Double](repeating: 0, count: maxChildren)
        for u in 0..<units {
            let r = slots.withUnsafeBufferPointer { s in
                scales.withUnsafeBufferPointer { c in
                    values.withUnsafeMutableBufferPointer { v in
                        gather.withUnsafeMutableBufferPointer { g in
                            evaluate(unit: u, dataAlternative: dataAlternative, methodAlternative: methodAlternative,
                                     slots: s.baseAddress!, scales: c.baseAddress!, values: v.baseAddress!, gather: g.baseAddress!)
                        }
                    }
                }
            }
            switch r {
            case .success(let x): result[u] = x
            case .failure(let error): throw error
            }
        }
        return result
    }

    /// The index of one unit, level by level over the nodes under the index.
    @inline(__always)
    func evaluate(
        unit u: Int, dataAlternative a: Int, methodAlternative m: Int, slots: UnsafePointer<Double>, scales: UnsafePointer<Double>,
        values: UnsafeMutablePointer<Double>, gather: UnsafeMutablePointer<Double>
    ) -> Result<Double, StatsError> {
        let d = flat.indicatorCount
        let alternative = data[a]
        for j in 0..<d where flat.underIndex[j] { values[j] = alternative[j][u] }
        let methods = nodeMethods[m]
        for g in 0..<flat.nodeCount where flat.underIndex[d + g] {
            let start = flat.slotStart[g], count = flat.slotStart[g + 1] - start
            for i in 0..<count { gather[i] = values[flat.slotChild[start + i]] }
            let mean = Aggregation.weightedMean(
                UnsafeBufferPointer(start: gather, count: count), weights: UnsafeBufferPointer(start: slots + start, count: count),
                method: methods[g], threshold: threshold, shift: shift)
            switch mean {
            case .success(let x): values[d + g] = x * scales[g]
            case .failure(let error):
                let child = flat.slotChild[start + error.position]
                return .failure(.aggregationDomain(unit: u, member: codes[child], value: gather[error.position],
                                                   method: methods[g].description, allowed: methods[g].domain))
            }
        }
        return .success(values[d + flat.indexNode])
    }

    /// Runs the analysis.
    ///
    /// - Parameters:
    ///   - samples: the number of Monte Carlo samples (≥ 1).
    ///   - seed: the seed; the result depends only on it, the inputs and `blockSize`.
    ///   - threads: worker threads (nil = the online processors); does not change the result.
    ///   - scoreStatistics: whether to stream the mean and standard deviation of each unit's
    ///     index (about 10 % of the time of a flat arithmetic analysis); NaN when false.
    /// - Throws: `StatsError.invalidParameter` for samples or threads below 1;
    ///   `StatsError.aggregationDomain` if a sample's aggregation leaves a method's domain (the
    ///   first such sample by block); `StatsError.interrupted` when an interrupt is requested
    ///   (`WorkProgress`: the workers check it before every block of `blockSize` samples).
    ///   Reports its progress by blocks (`WorkProgress.track`).
    public func run(samples: Int, seed: UInt64, threads: Int? = nil, scoreStatistics: Bool = true) throws(StatsError) -> UncertaintyResult {
        guard samples >= 1 else {
            throw .invalidParameter(name: "samples", value: String(samples), allowed: "at least 1")
        }
        let threadCount = threads ?? max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        guard threadCount >= 1 else {
            throw .invalidParameter(name: "threads", value: String(threadCount), allowed: "at least 1")
        }
        let blocks = (samples + Self.blockSize - 1) / Self.blockSize
        return try WorkProgress.track("uncertainty: \(WorkProgress.grouped(samples)) samples", total: blocks) { work throws(StatsError) in
            try WorkProgress.checkpoint()
            return try run(samples: samples, seed: seed, threadCount: threadCount, scoreStatistics: scoreStatistics, work: work)
        }
    }

    /// `run(samples:seed:threads:scoreStatistics:)` after its checks, advancing `work` by one per block.
    private func run(samples: Int, seed: UInt64, threadCount: Int, scoreStatistics: Bool,
                     work: WorkProgress.Work) throws(StatsError) -> UncertaintyResult {
        let nominalScore = try scores(weights: sampler.nominal)
        let nominalRank = scoreRanks(nominalScore)
        // Units by descending nominal score (missing last): where each sample's sort starts.
        let order = nominalScore.indices.sorted { a, b in
            let (x, y) = (nominalScore[a].isNaN ? -.infinity : nominalScore[a], nominalScore[b].isNaN ? -.infinity : nominalScore[b])
            return x != y ? x > y : a < b
        }.map { Int32(truncatingIfNeeded: $0) }
        let n = units
        let center = nominalScore.map { $0.isNaN ? 0 : $0 }
        // Per complete data alternative, the pairs that can change order (bounded perturbations).
        let firstArithmetic = arithmetic.firstIndex(of: true)
        let uncertainLevels = Set(sampler.levels)
        var windowsOfData = [RankWindows?]()
        for a in data.indices {
            guard complete[a], let m = firstArithmetic else { windowsOfData.append(nil); continue }
            let nominal = try scores(weights: sampler.nominal, dataAlternative: a, methodAlternative: m)
            windowsOfData.append(RankWindows(flat: flat, uncertainLevels: uncertainLevels, perturbation: sampler.perturbation,
                                             data: data[a], nominalScores: nominal))
        }
        let windows = windowsOfData
        // The workers call dgemm on small blocks: OpenBLAS's own threads would only spin against
        // them, so it runs single-threaded for the duration (restored afterwards; this affects
        // other BLAS calls of the process made meanwhile).
        OpenBLASKernel.ensure()
        let blasThreads = openblas_get_num_threads()
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(blasThreads) }
        let blocks = (samples + Self.blockSize - 1) / Self.blockSize
        let workerCount = min(threadCount, blocks)
        let workers = (0..<workerCount).map { _ in Workspace(self, windows: windows) }
        let round = Self.blocksPerRound
        let latch = InterruptLatch()
        let moments = MomentSlots(count: round * n * 2)
        var sum1 = [Double](repeating: 0, count: n), sum2 = [Double](repeating: 0, count: n)
        var first = 0
        while first < blocks {
            let last = min(first + round, blocks), lo = first
            let next = BlockCounter()
            let body: @Sendable (Int) -> Void = { t in
                let worker = workers[t]
                // Two relaxed atomic operations per block of 1024 samples: no measurable cost. Blocks
                // are claimed in increasing order, so the first failing block is always run.
                while worker.error == nil && !latch.poll() {
                    let b = lo + next.claim()
                    guard b < last else { break }
                    self.process(block: b, samples: samples, seed: seed, center: center, order: order, windows: windows,
                                 scoreStatistics: scoreStatistics, worker: worker,
                                 moments: moments.pointer + (b - lo) * n * 2)
                    work.advance()
                }
            }
            if workerCount == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: workerCount, execute: body) }
            try latch.check()  // blocks were skipped: the counts and sums are incomplete
            if let failure = workers.compactMap(\.error).min(by: { $0.block < $1.block }) { throw failure.error }
            for b in 0..<(last - first) {
                let slot = moments.pointer + b * n * 2
                for u in 0..<n {
                    sum1[u] += slot[u]
                    sum2[u] += slot[n + u]
                }
            }
            first = last
        }
        var counts = RankCounts(units: n)
        for worker in workers {
            worker.flush()
            for i in 0..<(n * n) { counts.counts[i] += worker.counts[i] }
            for u in 0..<n { counts.unranked[u] += worker.unranked[u] }
        }
        return UncertaintyResult(samples: samples, seed: seed, nominalScore: nominalScore, nominalRank: nominalRank,
                                 rankCounts: counts, center: center, sum1: sum1, sum2: sum2, scoreStatistics: scoreStatistics)
    }

    /// One block: draw, score (dgemm where linear, level by level otherwise), rank, count.
    private func process(
        block: Int, samples: Int, seed: UInt64, center: [Double], order: [Int32], windows: [RankWindows?], scoreStatistics: Bool,
        worker w: Workspace,
        moments: UnsafeMutablePointer<Double>
    ) {
        let n = units, d = flat.indicatorCount
        let slotCount = flat.slotCount, nodeCount = flat.nodeCount
        let count = min(Self.blockSize, samples - block * Self.blockSize)
        var g = Self.generator(seed: seed, block: block)
        let dataCount = data.count, methodCount = methods.count
        for s in 0..<count {
            sampler.draw(slots: w.slots + s * slotCount, scales: w.scales + s * nodeCount, using: &g)
            w.dataPick[s] = dataCount > 1 ? Self.pick(dataCount, using: &g) : 0
            w.methodPick[s] = methodCount > 1 ? Self.pick(methodCount, using: &g) : 0
        }
        var row = 0
        // Linear samples: effective weights, one dgemm per data alternative.
        for a in 0..<dataCount where complete[a] {
            var k = 0
            for s in 0..<count where w.dataPick[s] == a && arithmetic[w.methodPick[s]] {
                effectiveWeights(slots: w.slots + s * slotCount, scales: w.scales + s * nodeCount, share: w.share,
                                 into: w.effective + k * d)
                k += 1
            }
            guard k > 0 else { continue }
            rowMajor[a].withUnsafeBufferPointer { x in
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(k), blasint(n), blasint(d),
                            1, w.effective, blasint(d), x.baseAddress, blasint(d), 0, w.scores + row * n, blasint(n))
            }
            for r in row..<(row + k) { w.rowWindows[r] = windows[a] == nil ? -1 : Int32(a) }
            row += k
        }
        // The other samples, level by level.
        for s in 0..<count where !(complete[w.dataPick[s]] && arithmetic[w.methodPick[s]]) {
            let out = w.scores + row * n
            for u in 0..<n {
                switch evaluate(unit: u, dataAlternative: w.dataPick[s], methodAlternative: w.methodPick[s],
                                slots: w.slots + s * slotCount, scales: w.scales + s * nodeCount, values: w.values, gather: w.gather) {
                case .success(let x): out[u] = x.isNaN ? -.infinity : x
                case .failure(let error):
                    w.error = (block, error)
                    return
                }
            }
            w.rowWindows[row] = -1
            row += 1
        }
        // Ranks and counts; score sums per unit (Σ deviation in moments[0..<n], Σ deviation² after).
        for i in 0..<(2 * n) { moments[i] = 0 }
        if w.pending + row > Int(UInt16.max) { w.flush() }
        w.pending += row
        center.withUnsafeBufferPointer { center in
            order.withUnsafeBufferPointer { order in
                for r in 0..<row {
                    let key = w.scores + r * n
                    let a = Int(w.rowWindows[r])
                    if a >= 0, let window = windows[a] {
                        withUnsafePointer(to: window.kernel) { stresstest_count_window_ranks(key, $0, w.scratch, w.bands[a]) }
                    } else {
                        Self.count(key: key, order: order.baseAddress!, units: n, into: w)
                    }
                    guard scoreStatistics else { continue }
                    for u in 0..<n where key[u] > -.infinity {
                        let deviation = key[u] - center[u]
                        moments[u] += deviation
                        moments[n + u] += deviation * deviation
                    }
                }
            }
        }
    }

    /// Ranks one sample's scores (`-infinity` = missing) and adds them to the worker's counts.
    ///
    /// The rank of a unit is 1 + the number of units scoring more than its score plus the tie
    /// tolerance (`scoreTieTolerance`: 1e-12 of the largest absolute score), as `scoreRanks`: equal
    /// scores share the lowest rank even when the order of a sum has made them differ in the last
    /// bits (the nominal scores are summed level by level, the samples by a matrix product).
    ///
    /// The scores are taken in the nominal order (`order`: units by descending nominal score) and
    /// sorted by insertion: a sample's order is close to the nominal one, so this costs
    /// O(n + inversions), a few hundred moves for RIS 2023 with weights ±25 %. Past 8 n moves (a
    /// far-off sample, as weights uniform on the simplex give) the rest is an O(n log n) sort.
    /// One pass with two pointers then gives every rank. No allocation.
    @inline(__always)
    private static func count(key: UnsafeMutablePointer<Double>, order: UnsafePointer<Int32>, units n: Int, into w: Workspace) {
        let t = w.sortedKey, p = w.position
        for k in 0..<n {
            let u = order[k]
            t[k] = key[Int(u)]
            p[k] = u
        }
        var moves = 0, i = 1
        while i < n {
            let x = t[i]
            if t[i &- 1] < x {
                let unit = p[i]
                var j = i &- 1
                while j >= 0 && t[j] < x {
                    t[j &+ 1] = t[j]
                    p[j &+ 1] = p[j]
                    j &-= 1
                }
                t[j &+ 1] = x
                p[j &+ 1] = unit
                moves &+= i &- 1 &- j
                if moves > 8 &* n {
                    var positions = UnsafeMutableBufferPointer(start: p, count: n)
                    for k in 0..<n { p[k] = Int32(truncatingIfNeeded: k) }
                    positions.sort { a, b in
                        let (x, y) = (key[Int(a)], key[Int(b)])
                        return x != y ? x > y : a < b
                    }
                    for k in 0..<n { t[k] = key[Int(p[k])] }
                    break
                }
            }
            i &+= 1
        }
        var lastFinite = n &- 1
        while lastFinite >= 0 && t[lastFinite] == -.infinity { lastFinite &-= 1 }
        let counts = w.recent, unranked = w.unranked
        for k in (lastFinite &+ 1)..<n { unranked[Int(p[k])] &+= 1 }
        guard lastFinite >= 0 else { return }
        let tolerance = 1e-12 * max(1, abs(t[0]), abs(t[lastFinite]))
        var boundary = 0
        for k in 0...lastFinite {
            let limit = t[k] + tolerance
            while t[boundary] > limit { boundary &+= 1 }
            counts[Int(p[k]) &* n &+ boundary] &+= 1
        }
    }

    /// The weight of each indicator in the index for one draw: the product along its path of
    /// W_child · scale / ΣW over the node's children (0 outside the index).
    @inline(__always)
    private func effectiveWeights(slots: UnsafePointer<Double>, scales: UnsafePointer<Double>, share: UnsafeMutablePointer<Double>,
                                  into out: UnsafeMutablePointer<Double>) {
        let d = flat.indicatorCount
        share[d + flat.indexNode] = 1
        flat.slotStart.withUnsafeBufferPointer { start in
            flat.slotChild.withUnsafeBufferPointer { child in
                flat.underIndex.withUnsafeBufferPointer { under in
                    for g in stride(from: flat.nodeCount - 1, through: 0, by: -1) where under[d + g] {
                        var total = 0.0
                        for s in start[g]..<start[g + 1] { total += slots[s] }
                        let factor = share[d + g] * scales[g] / total
                        for s in start[g]..<start[g + 1] { share[child[s]] = slots[s] * factor }
                    }
                    for j in 0..<d { out[j] = under[j] ? share[j] : 0 }
                }
            }
        }
    }
}

/// The scratch of one worker thread, allocated once per run.
final class Workspace: @unchecked Sendable {
    let slots: UnsafeMutablePointer<Double>
    let scales: UnsafeMutablePointer<Double>
    let dataPick: UnsafeMutablePointer<Int>
    let methodPick: UnsafeMutablePointer<Int>
    let effective: UnsafeMutablePointer<Double>
    let scores: UnsafeMutablePointer<Double>
    let share: UnsafeMutablePointer<Double>
    let values: UnsafeMutablePointer<Double>
    let gather: UnsafeMutablePointer<Double>
    /// One sample's scores in descending order, and the unit of each (the insertion sort).
    let sortedKey: UnsafeMutablePointer<Double>
    let position: UnsafeMutablePointer<Int32>
    /// The scratch of the window kernel.
    let scratch: UnsafeMutablePointer<Double>
    /// Per row of `scores`: the data alternative whose `RankWindows` rank it, or -1.
    let rowWindows: UnsafeMutablePointer<Int32>
    /// The rank counts of this worker: `recent` (samples ranked by the insertion sort) and, per
    /// data alternative with windows, `bands` (ranks around each nominal position, see
    /// `stresstest_count_window_ranks`), 16 bits so that the cells the samples hit stay in the
    /// first-level cache, are added to `counts` before they can overflow.
    let counts: UnsafeMutablePointer<Int>
    let recent: UnsafeMutablePointer<UInt16>
    let windows: [RankWindows?]
    let bands: [UnsafeMutablePointer<UInt16>?]
    var pending = 0
    let unranked: UnsafeMutablePointer<Int>
    let units: Int
    var error: (block: Int, error: StatsError)?

    init(_ analysis: UncertaintyAnalysis, windows: [RankWindows?]) {
        let b = UncertaintyAnalysis.blockSize, n = analysis.units, flat = analysis.flat
        func allocate<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, count))
            p.initialize(repeating: value, count: max(1, count))
            return p
        }
        units = n
        slots = allocate(b * flat.slotCount, 0.0)
        scales = allocate(b * flat.nodeCount, 0.0)
        effective = allocate(b * flat.indicatorCount, 0.0)
        scores = allocate(b * n, 0.0)
        share = allocate(flat.memberCount, 0.0)
        values = allocate(flat.memberCount, 0.0)
        gather = allocate(analysis.maxChildren, 0.0)
        dataPick = allocate(b, 0)
        methodPick = allocate(b, 0)
        position = allocate(n, Int32(0))
        rowWindows = allocate(b, Int32(-1))
        sortedKey = allocate(n, 0.0)
        scratch = allocate(Int(stresstest_rank_scratch_count(Int32(n))), 0.0)
        counts = allocate(n * n, 0)
        recent = allocate(n * n, UInt16(0))
        self.windows = windows
        bands = windows.map { $0.map { allocate($0.bandRows * n, UInt16(0)) } }
        unranked = allocate(n, 0)
    }

    /// Adds the 16-bit counts to the full ones and clears them.
    func flush() {
        let n = units
        for i in 0..<(n * n) {
            counts[i] += Int(recent[i])
            recent[i] = 0
        }
        for case let (window?, band?) in zip(windows, bands) { window.flush(band, into: counts) }
        pending = 0
    }

    deinit {
        for p in [slots, scales, effective, scores, share, values, gather, sortedKey, scratch] { p.deallocate() }
        for p in [dataPick, methodPick, counts, unranked] { p.deallocate() }
        for p in [recent] + bands.compactMap({ $0 }) { p.deallocate() }
        position.deallocate()
        rowWindows.deallocate()
    }
}

/// Hands out the blocks of a round in increasing order to whichever worker asks first.
final class BlockCounter: @unchecked Sendable {
    private let cell: UnsafeMutablePointer<Int64>

    init() {
        cell = .allocate(capacity: 1)
        cell.initialize(to: 0)
    }

    deinit { cell.deallocate() }

    /// The next block (0, 1, 2, ... across all callers), one relaxed atomic addition.
    func claim() -> Int { Int(stresstest_counter_add(cell, 1)) - 1 }
}

/// The per-block score sums of one round (Σ deviation, Σ deviation² per unit), one slot per block.
final class MomentSlots: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(count: Int) {
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }
    deinit { pointer.deallocate() }
}

/// The result of `UncertaintyAnalysis.run`: per unit (0-based, in data order) its nominal score
/// and rank (nominal weights, first data alternative, first method alternative), its rank
/// distribution over the samples (exact counts and statistics from them) and the mean and
/// standard deviation of its index.
public struct UncertaintyResult: Sendable, Equatable {
    public let samples: Int
    public let seed: UInt64
    /// The index at the nominal weights (NaN = missing).
    public let nominalScore: [Double]
    /// The rank at the nominal weights, 1 = best, ties "min" (NaN = no index).
    public let nominalRank: [Double]
    /// How often each unit took each rank, and how often it had none.
    public let rankCounts: RankCounts
    /// The mean rank over the samples where the unit had one (NaN if never).
    public let meanRank: [Double]
    /// Type 7 (numpy `linear`) quantiles of each unit's ranks over the samples where it had one,
    /// computed exactly from the counts (NaN if it never had a rank).
    public let medianRank: [Double]
    public let p05Rank: [Double]
    public let p95Rank: [Double]
    /// The mean of the unit's index over the samples where it had one, and its standard deviation
    /// (n - 1 denominator; NaN below two samples; NaN when not requested). Streamed as sums of deviations from the nominal
    /// score (exact up to rounding; with several data alternatives the scores mix their scales).
    public let meanScore: [Double]
    public let sdScore: [Double]

    /// Per unit, the samples in which it had no rank.
    public var unranked: [Int] { rankCounts.unranked }

    init(samples: Int, seed: UInt64, nominalScore: [Double], nominalRank: [Double], rankCounts: RankCounts,
         center: [Double], sum1: [Double], sum2: [Double], scoreStatistics: Bool) {
        self.samples = samples
        self.seed = seed
        self.nominalScore = nominalScore
        self.nominalRank = nominalRank
        self.rankCounts = rankCounts
        let n = rankCounts.units
        meanRank = (0..<n).map { rankCounts.meanRank(of: $0) }
        let q = (0..<n).map { (try? rankCounts.rankQuantiles(of: $0, [0.05, 0.5, 0.95])) ?? [.nan, .nan, .nan] }
        p05Rank = q.map { $0[0] }
        medianRank = q.map { $0[1] }
        p95Rank = q.map { $0[2] }
        var mean = [Double](repeating: .nan, count: n), sd = [Double](repeating: .nan, count: n)
        for u in 0..<n where scoreStatistics {
            let m = Double(rankCounts.ranked(u))
            guard m > 0 else { continue }
            mean[u] = center[u] + sum1[u] / m
            if m > 1 { sd[u] = (max(0, sum2[u] - sum1[u] * sum1[u] / m) / (m - 1)).squareRoot() }
        }
        meanScore = mean
        sdScore = sd
    }

    /// Quantiles of each unit's ranks for other probabilities or types: `[unit][probability]`.
    ///
    /// - Throws: `StatsError.probabilityOutOfRange` for a probability outside [0, 1].
    public func rankQuantiles(_ probabilities: [Double], type: QuantileType = .default) throws(StatsError) -> [[Double]] {
        var result = [[Double]]()
        for u in 0..<rankCounts.units { result.append(try rankCounts.rankQuantiles(of: u, probabilities, type: type)) }
        return result
    }
}
