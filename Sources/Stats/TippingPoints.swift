/// Exact weight tipping points of a linear (arithmetic) composite: how far the weights must move
/// before a region's rank changes.
///
/// Model: `n` regions and `m` components (indicators or dimension scores) in an `n` x `m` matrix
/// `X`, nominal weights `w0` (non-negative, summing to 1), composite scores `s = X w`, ranks with
/// 1 = best (largest score) and ties sharing the lowest rank (R's `rank(-s, ties = "min")`, as
/// `ranks(_:ties:descending:)`). Two analyses for one region `r`:
///
/// - `pairwise`: for every other region `q`, the smallest Euclidean change `||w - w0||_2` of the
///   weight vector, staying on the simplex, at which `r` and `q` tie (they swap just beyond it),
///   solved exactly as a quadratic programme (see `SimplexSliceProjection`).
/// - `singleWeight`: for every component `j`, the nearest weights `w_j` below and above `w0_j`
///   at which `r`'s rank changes when `w_j` alone moves and the other weights keep their
///   proportions, solved exactly from the crossing points of linear functions.
///
/// This is a "stability interval" / "rank reversal" analysis in the sense of multi-criteria
/// decision analysis (Triantaphyllou & Sánchez 1997, "A sensitivity analysis approach for some
/// deterministic multi-criteria decision-making methods", Decision Sciences 28(1); the OECD/JRC
/// Handbook on Constructing Composite Indicators (2008) asks in its robustness and sensitivity
/// step how far ranks depend on the weights). COINr and SALib have no counterpart; the tests
/// check it against brute force (grids on the simplex, scans of the weight, and an enumeration
/// of all supports of the quadratic programme).
///
/// Missing values: none are allowed. A region with a missing (NaN) or infinite score has no
/// composite under linear aggregation; the caller removes such regions first (or reports them),
/// and these functions throw `invalidParameter(name: "scores", ...)` naming the region and
/// component rather than guessing.
///
/// Indices (regions, components) are 0-based in the API and 1-based in error messages.
public enum TippingPoints {
    // MARK: - Pairwise tipping points

    /// The pairwise tipping points of region `region` against every other region (row of
    /// `scores`): for each `q`, the nearest weight vector of the simplex (in Euclidean distance
    /// from `weights`) at which `region` and `q` tie, sorted by distance (ties of distance by
    /// `q`'s nominal rank, then row). Regions that can never swap with `region` come last.
    /// `neighbours` picks the regions directly above and below.
    ///
    /// Nominal ranks, positions and ties come from the composite scores `X w0` (summed over the
    /// components in column order) as `scoreRanks` ranks them: scores equal up to rounding
    /// (`scoreTieTolerance`) are tied, so the order of summation cannot break a tie.
    ///
    /// Complexity O(n · E · m), with E ≤ 2m + 1 the pieces the exact solver visits (a sort of
    /// O(m log m) is added at degenerate pieces): O(n m²) at worst, plus O(n log n) for the
    /// ranks and the sort. Single-threaded: 240 regions x 21 components take about 1 ms.
    ///
    /// - Parameters:
    ///   - scores: `n` x `m`, one row per region; no missing values (see the type's notes).
    ///   - weights: `m` non-negative weights summing to 1 (within 1e-9); used as given.
    ///   - region: the row of the region under study (0-based).
    /// - Throws: `StatsError` for bad weights, missing or infinite scores, or a region out of
    ///   range (see `validate`); `StatsError.interrupted` when an interrupt is requested
    ///   (`WorkProgress`, checked every 64 regions).
    public static func pairwise(scores: Matrix, weights: [Double], region: Int) throws(StatsError)
        -> PairwiseTipping
    {
        try validate(scores: scores, weights: weights, region: region)
        let (n, m) = (scores.rows, scores.columns)
        let x = scores.elements
        let composite = compositeScores(x, rows: n, columns: m, weights: weights)
        let nominalRanks = scoreRanks(composite)
        let tolerance = scoreTieTolerance(composite)
        var points: [RegionTippingPoint] = []
        points.reserveCapacity(n - 1)
        var difference = [Double](repeating: 0, count: m)
        var above = 0
        for q in 0..<n where q != region {
            if q % 64 == 0 { try WorkProgress.checkpoint() }  // 64 regions: O(64 m²) at most
            for j in 0..<m { difference[j] = x[region * m + j] - x[q * m + j] }
            // Scores equal up to rounding are tied (as `scoreRanks`).
            let difference0 = composite[region] - composite[q]
            let nominal = abs(difference0) <= tolerance ? 0 : difference0
            if nominal < 0 { above += 1 }
            let point = tippingPoint(difference: difference, nominalDifference: nominal, weights: weights)
            points.append(
                RegionTippingPoint(
                    other: q, otherRank: Int(nominalRanks[q]),
                    position: nominal < 0 ? .above : (nominal > 0 ? .below : .tied),
                    nominalDifference: nominal, tipping: point))
        }
        points.sort { p, q in
            let (a, b) = (p.tipping.distance ?? .infinity, q.tipping.distance ?? .infinity)
            if a != b { return a < b }
            if p.otherRank != q.otherRank { return p.otherRank < q.otherRank }
            return p.other < q.other
        }
        return PairwiseTipping(region: region, rank: above + 1, scores: composite, points: points)
    }

    /// The tipping point of one pair: the nearest weight vector of the simplex to `weights` at
    /// which a region with component scores `region` ties one with `other`. The exact solver of
    /// `pairwise(scores:weights:region:)` for two rows (e.g. a region's dimension scores and
    /// those of its neighbour). O(E · m), O(m²) at worst, as there.
    ///
    /// - Throws: `StatsError` for bad weights, rows of the wrong length, or missing scores.
    public static func pairwise(region: [Double], other: [Double], weights: [Double]) throws(StatsError)
        -> PairTippingPoint
    {
        guard region.count == weights.count, other.count == weights.count else {
            throw .shapeMismatch(
                "the two regions have \(region.count) and \(other.count) component scores but there are "
                    + "\(weights.count) weights; give one score per weighted component")
        }
        let scores = Matrix(rows: 2, columns: weights.count, elements: region + other)
        try validate(scores: scores, weights: weights, region: 0)
        let composite = compositeScores(scores.elements, rows: 2, columns: weights.count, weights: weights)
        let nominal = composite[0] - composite[1]
        let difference = zip(region, other).map { $0 - $1 }
        return tippingPoint(difference: difference, nominalDifference: nominal, weights: weights)
    }

    private static func tippingPoint(difference a: [Double], nominalDifference: Double, weights: [Double])
        -> PairTippingPoint
    {
        if nominalDifference == 0 {
            return PairTippingPoint(kind: .tiedAtNominal, distance: 0, weights: weights)
        }
        guard let solution = SimplexSliceProjection.solve(nominal: weights, direction: a, start: nominalDifference)
        else { return PairTippingPoint(kind: .impossible, distance: nil, weights: nil) }
        // A strict swap needs a component on which the other region is strictly better.
        let swaps = nominalDifference > 0 ? a.contains { $0 < 0 } : a.contains { $0 > 0 }
        return PairTippingPoint(
            kind: swaps ? .swap : .tieOnly, distance: solution.distance, weights: solution.weights)
    }

    // MARK: - Single-weight tipping points

    /// For each component `j`, the nearest weights `w_j` below and above the nominal `w0_j` at
    /// which region `region`'s rank changes, when `w_j = t` moves over [0, 1] and the other
    /// weights keep their proportions: `w_k(t) = w0_k (1 - t) / (1 - w0_j)` (see
    /// `singleWeightPath`). When `w0_j = 1` the others have no proportions; they then share
    /// `1 - t` equally (only decreases are possible). With a single component nothing can move
    /// and both directions are `nil`.
    ///
    /// Exact: every score difference `s_r(t) - s_i(t)` is linear in `t`, so the rank changes
    /// where one of them crosses 0; the nearest crossing in each direction is the answer (each
    /// region crosses at most once per direction). A crossing at the nominal weight itself (a
    /// region tied with `region` at `w0` that passes it as soon as `w_j` moves) is reported at
    /// `w0_j`. Crossings are computed from the score differences at the nominal weight and at
    /// the end of the direction (`t = 1` or `t = 0`), so a crossing exactly at an end is exact.
    ///
    /// Complexity O(n m) (prefix sums give every `sum_{k≠j} w0_k (x_rk - x_ik)` at once), plus
    /// O(n log n) to rank the composite.
    ///
    /// - Throws: `StatsError`, as `pairwise(scores:weights:region:)`.
    public static func singleWeight(scores: Matrix, weights: [Double], region: Int) throws(StatsError)
        -> [SingleWeightTipping]
    {
        try validate(scores: scores, weights: weights, region: region)
        let (n, m) = (scores.rows, scores.columns)
        let x = scores.elements
        // For each other region i: D0_i = s_r - s_i from the composite (as `pairwise`), and with
        // a_ik = x_rk - x_ik the prefix and suffix sums of w0_k a_ik, so that
        // sum_{k != j} w0_k a_ik = prefix[j] + suffix[j + 1] without cancellation (differences
        // that are 0 on the other components give exactly 0).
        let others = (0..<n).filter { $0 != region }
        let composite = compositeScores(x, rows: n, columns: m, weights: weights)
        let count = others.count
        let tolerance = scoreTieTolerance(composite)  // equal up to rounding = tied, as `scoreRanks`
        let nominal = others.map { abs(composite[region] - composite[$0]) <= tolerance ? 0 : composite[region] - composite[$0] }
        let nominalRank = nominal.reduce(1) { $0 + ($1 < 0 ? 1 : 0) }
        // Column-major (component, region) layouts, so that each component's pass is contiguous.
        var differences = [Double](repeating: 0, count: m * count)  // a_ij at [j * count + i]
        var rest = [Double](repeating: 0, count: m * count)  // sum_{k != j} w0_k a_ik, or the mean for w0_j = 1
        x.withUnsafeBufferPointer { x in
            differences.withUnsafeMutableBufferPointer { a in
                rest.withUnsafeMutableBufferPointer { rest in
                    var prefix = [Double](repeating: 0, count: m + 1)
                    for (position, i) in others.enumerated() {
                        var rowSum = 0.0
                        for j in 0..<m {
                            let d = x[region * m + j] - x[i * m + j]
                            a[j * count + position] = d
                            prefix[j + 1] = prefix[j] + weights[j] * d
                            rowSum += d
                        }
                        var suffix = 0.0
                        for j in stride(from: m - 1, through: 0, by: -1) {
                            let d = a[j * count + position]
                            rest[j * count + position] =
                                weights[j] < 1 ? prefix[j] + suffix : (rowSum - d) / Double(max(m - 1, 1))
                            suffix += weights[j] * d
                        }
                    }
                }
            }
        }

        var results: [SingleWeightTipping] = []
        results.reserveCapacity(m)
        var ends = [Double](repeating: 0, count: count)
        var scratch = [Double](repeating: 0, count: count)
        for j in 0..<m {
            let t0 = weights[j]
            var decrease: RankChange? = nil
            var increase: RankChange? = nil
            if m > 1 {
                if t0 < 1 {
                    // Up to t = 1: the difference there is a_ij.
                    for i in 0..<count { ends[i] = differences[j * count + i] }
                    increase = nearestChange(
                        nominal: nominal, ends: ends, regions: others, rank: nominalRank, scratch: &scratch,
                        at: { f in f == 1 ? 1 : t0 + (1 - t0) * f })
                }
                if t0 > 0 {
                    // Down to t = 0: the other components carry all the weight.
                    if t0 < 1 {
                        for i in 0..<count { ends[i] = rest[j * count + i] / (1 - t0) }
                    } else {
                        for i in 0..<count { ends[i] = rest[j * count + i] }  // already the mean
                    }
                    decrease = nearestChange(
                        nominal: nominal, ends: ends, regions: others, rank: nominalRank, scratch: &scratch,
                        at: { f in f == 1 ? 0 : t0 - t0 * f })
                }
            }
            results.append(
                SingleWeightTipping(
                    component: j, nominalWeight: t0, nominalRank: nominalRank, decrease: decrease,
                    increase: increase))
        }
        return results
    }

    /// The nearest rank change along one direction, where the difference `s_r - s_i` runs
    /// linearly from `nominal[i]` (at the nominal weight) to `ends[i]` (at the end of the
    /// direction). `at` maps the fraction of the way to the end (in [0, 1]) to the weight.
    /// `scratch` (as long as `nominal`) holds the fractions.
    private static func nearestChange(
        nominal: [Double], ends: [Double], regions: [Int], rank: Int, scratch: inout [Double],
        at weight: (Double) -> Double
    ) -> RankChange? {
        // Crossings as fractions of the way to the end (infinity: none); those within 1e-12 of the
        // nearest count as simultaneous (rounding must not split a genuine coincidence).
        var nearest = Double.infinity
        scratch.withUnsafeMutableBufferPointer { fractions in
            nominal.withUnsafeBufferPointer { nominal in
                ends.withUnsafeBufferPointer { ends in
                    for i in 0..<nominal.count {
                        let (d0, d1) = (nominal[i], ends[i])
                        // Above r before and tied there, or not above before and above after.
                        let crosses = d0 < 0 ? d1 >= 0 : d1 < 0
                        let f = !crosses ? Double.infinity : (d0 == 0 ? 0 : d0 / (d0 - d1))
                        fractions[i] = f
                        nearest = min(nearest, f)
                    }
                }
            }
        }
        guard nearest.isFinite else { return nil }
        var leaving: [Int] = [], entering: [Int] = []
        var last = nearest
        for i in nominal.indices where scratch[i] <= nearest + 1e-12 {
            if nominal[i] < 0 { leaving.append(regions[i]) } else { entering.append(regions[i]) }
            last = max(last, scratch[i])
        }
        if last == 1 { nearest = 1 }  // a group reaching the end of the direction is at the end
        let rankAt = rank - leaving.count
        return RankChange(
            weight: weight(nearest),
            rank: nearest == 1 ? rankAt : rankAt + entering.count,
            rankAtWeight: rankAt,
            passedBy: entering.sorted(), passes: leaving.sorted())
    }

    /// The weight vector on the single-weight path of component `component` at `w_j = value`:
    /// `w_k = w0_k (1 - value) / (1 - w0_j)` for `k ≠ j`, or `(1 - value) / (m - 1)` each when
    /// `w0_j = 1`. O(m).
    ///
    /// - Precondition: `component` is in range, `value` in [0, 1], `weights` has 2 or more entries.
    public static func singleWeightPath(weights: [Double], component j: Int, value t: Double) -> [Double] {
        let m = weights.count
        precondition(m >= 2 && weights.indices.contains(j) && (0...1).contains(t), "no single-weight path here")
        var w = [Double](repeating: 0, count: m)
        for k in 0..<m where k != j {
            w[k] = weights[j] < 1 ? weights[k] * (1 - t) / (1 - weights[j]) : (1 - t) / Double(m - 1)
        }
        w[j] = t
        return w
    }

    // MARK: - Validation and scores

    /// Checks the inputs of both analyses.
    ///
    /// - Throws: `StatsError.invalidParameter` when there are no components, a weight is
    ///   negative, NaN or infinite, the weights do not sum to 1 within 1e-9, a score is missing
    ///   (NaN) or infinite (with its region and component, 1-based), or `region` is not a row;
    ///   `StatsError.shapeMismatch` when the number of weights is not the number of columns.
    public static func validate(scores: Matrix, weights: [Double], region: Int) throws(StatsError) {
        let (n, m) = (scores.rows, scores.columns)
        guard m > 0 else {
            throw .invalidParameter(name: "scores", value: "\(n) x 0", allowed: "tipping points need at least one component")
        }
        guard weights.count == m else {
            throw .shapeMismatch(
                "there are \(weights.count) weight\(weights.count == 1 ? "" : "s") for \(m) component"
                    + "\(m == 1 ? "" : "s"); give one weight per column of the scores")
        }
        for (j, w) in weights.enumerated() where !(w >= 0 && w.isFinite) {
            throw .invalidParameter(
                name: "weights[\(j + 1)]", value: w.isNaN ? "missing" : NumberFormat.exact(w),
                allowed: "weights must be finite and non-negative")
        }
        let total = weights.reduce(0, +)
        guard abs(total - 1) <= 1e-9 else {
            throw .invalidParameter(
                name: "weights", value: "a sum of \(NumberFormat.exact(total))",
                allowed: "the weights must sum to 1 (within 1e-9); divide them by their sum first")
        }
        guard (0..<n).contains(region) else {
            throw .invalidParameter(
                name: "region", value: "\(region + 1) (1-based)", allowed: "the portfolio has \(n) region\(n == 1 ? "" : "s")")
        }
        for (index, value) in scores.elements.enumerated() where !value.isFinite {
            throw .invalidParameter(
                name: "scores", value: "\(value.isNaN ? "missing" : NumberFormat.exact(value)) for region "
                    + "\(index / m + 1), component \(index % m + 1)",
                allowed: "tipping points need every region's scores; remove regions with missing scores first")
        }
    }

    /// `X w` for a row-major `n` x `m` matrix. O(n m).
    static func compositeScores(_ x: [Double], rows n: Int, columns m: Int, weights w: [Double]) -> [Double] {
        (0..<n).map { i in
            var s = 0.0
            for j in 0..<m { s += x[i * m + j] * w[j] }
            return s
        }
    }
}

/// The tipping point of one pair of regions (see `TippingPoints.pairwise`).
public struct PairTippingPoint: Equatable, Sendable {
    /// What the pair can do on the simplex.
    public enum Kind: String, Equatable, Sendable {
        /// They tie at the nominal weights: distance 0, `weights` = the nominal weights.
        case tiedAtNominal
        /// They tie at `weights` and swap just beyond it.
        case swap
        /// They tie at `weights` but never swap: the region ahead is at least as good on every
        /// component, and equal on those carrying all the weight at the tie. (A tie still moves
        /// the region behind up to the shared rank.)
        case tieOnly
        /// No weight vector ties them: the region ahead is strictly better on every component.
        case impossible
    }

    public let kind: Kind
    /// `||w - w0||_2` at the tipping point (0 when tied at nominal; nil when impossible). At most
    /// `sqrt(2)`, the diameter of the simplex.
    public let distance: Double?
    /// The weight vector at the tipping point (the unique minimiser); nil when impossible.
    public let weights: [Double]?
}

/// Another region's tipping point against the region under study.
public struct RegionTippingPoint: Equatable, Sendable {
    /// Where a region stands relative to the region under study at the nominal weights.
    public enum Position: String, Equatable, Sendable { case above, below, tied }

    /// The other region's row (0-based).
    public let other: Int
    /// Its nominal rank (1 = best, ties "min").
    public let otherRank: Int
    /// Whether it is above (higher score), below or tied at the nominal weights.
    public let position: Position
    /// `s_r - s_q` at the nominal weights (negative: `q` is above).
    public let nominalDifference: Double
    public let tipping: PairTippingPoint
}

/// The pairwise tipping points of one region (see `TippingPoints.pairwise`).
public struct PairwiseTipping: Equatable, Sendable {
    /// The region under study (0-based row).
    public let region: Int
    /// Its nominal rank (1 = best, ties "min").
    public let rank: Int
    /// The nominal composite scores `X w0` of all regions.
    public let scores: [Double]
    /// Every other region, nearest tipping point first; impossible ones last.
    public let points: [RegionTippingPoint]

    /// The regions directly above (the lowest score above the region's) and directly below (the
    /// highest score below it), in the order of `points`. Regions tied with the region are not
    /// included (see `tied`). O(n).
    public var neighbours: [RegionTippingPoint] {
        let aboveGap = points.filter { $0.position == .above }.map(\.nominalDifference).max()
        let belowGap = points.filter { $0.position == .below }.map(\.nominalDifference).min()
        return points.filter {
            ($0.position == .above && $0.nominalDifference == aboveGap)
                || ($0.position == .below && $0.nominalDifference == belowGap)
        }
    }

    /// The regions tied with the region at the nominal weights.
    public var tied: [RegionTippingPoint] { points.filter { $0.position == .tied } }
}

/// The nearest rank change in one direction of a single-weight path.
public struct RankChange: Equatable, Sendable {
    /// The weight `w_j` at which the rank changes: the region ties the regions of `passedBy`
    /// and `passes` there.
    public let weight: Double
    /// The region's rank just beyond `weight` in the direction of travel; at the end of [0, 1]
    /// (`weight` 0 or 1) the rank there.
    public let rank: Int
    /// The rank at `weight` itself: a tie gives the region the better rank, so a region that was
    /// above and ties there already counts as passed.
    public let rankAtWeight: Int
    /// Regions (0-based rows) not above the region before and above it just beyond `weight`.
    public let passedBy: [Int]
    /// Regions above the region before and tied with it at `weight` (below it beyond).
    public let passes: [Int]
}

/// The single-weight tipping points of one component (see `TippingPoints.singleWeight`).
public struct SingleWeightTipping: Equatable, Sendable {
    /// The component (0-based column).
    public let component: Int
    /// Its nominal weight `w0_j`.
    public let nominalWeight: Double
    /// The region's rank at the nominal weights.
    public let nominalRank: Int
    /// The nearest change as `w_j` decreases towards 0; nil when the rank never changes.
    public let decrease: RankChange?
    /// The nearest change as `w_j` increases towards 1; nil when the rank never changes.
    public let increase: RankChange?
}
