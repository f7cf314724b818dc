/// Sample quantiles of the non-missing values of `data`, by any of the nine Hyndman & Fan types.
///
/// Matches numpy's `quantile(a, q, method=)` (numpy 2.x) bit for bit in its arithmetic: the same
/// virtual index `n p + (alpha + p (1 - alpha - beta)) - 1` (type 7: `(n - 1) p`), the same rules
/// for the discrete types 1-3, the same clamping at both ends and the same two-sided linear
/// interpolation. R's `quantile(type =)` agrees with it up to rounding.
///
/// - Missing values (NaN) are removed first and counted in `QuantileResult.missing`.
/// - No non-missing value: every quantile is missing (NaN).
/// - Complexity: O(n + m log m) for m probabilities; the order statistics are found by selection
///   (introselect with a median-of-three pivot), not by sorting. The input is not modified.
///
/// - Throws: `StatsError.probabilityOutOfRange` if a probability is NaN or outside [0, 1].
public func quantiles(
    _ data: some Collection<Double>, _ probabilities: [Double], type: QuantileType = .default
) throws(StatsError) -> QuantileResult {
    for (index, p) in probabilities.enumerated() where !(p >= 0 && p <= 1) {
        throw .probabilityOutOfRange(p, position: index)
    }
    if let result = data.withContiguousStorageIfAvailable({ QuantileComputation.run($0, probabilities, type) }) {
        return result
    }
    return Array(data).withUnsafeBufferPointer { QuantileComputation.run($0, probabilities, type) }
}

/// A single sample quantile of the non-missing values of `data`; see `quantiles(_:_:type:)`.
/// NaN when no value is present.
public func quantile(
    _ data: some Collection<Double>, _ probability: Double, type: QuantileType = .default
) throws(StatsError) -> Double {
    try quantiles(data, [probability], type: type).values[0]
}

/// The work of `quantiles` on contiguous memory, without generic dispatch (callers in other
/// modules would otherwise run it unspecialised), with valid probabilities.
enum QuantileComputation {
    /// Samples up to this size are copied to the stack rather than the heap.
    static let stackLimit = 4_096

    static func run(_ data: UnsafeBufferPointer<Double>, _ probabilities: [Double], _ type: QuantileType) -> QuantileResult {
        if data.count <= stackLimit {
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(1, data.count)) { scratch in
                var kept = 0
                for x in data {
                    scratch[kept] = x
                    kept &+= x.isNaN ? 0 : 1
                }
                return select(UnsafeMutableBufferPointer(rebasing: scratch[..<kept]), probabilities, type,
                              missing: data.count - kept)
            }
        }
        var values = MissingValues.removed(from: data)
        let missing = data.count - values.count
        return values.withUnsafeMutableBufferPointer { select($0, probabilities, type, missing: missing) }
    }

    /// Quantiles of `values` (no NaN), which it reorders.
    private static func select(
        _ values: UnsafeMutableBufferPointer<Double>, _ probabilities: [Double], _ type: QuantileType, missing: Int
    ) -> QuantileResult {
        guard !values.isEmpty else {
            return QuantileResult(values: probabilities.map { _ in .nan }, count: 0, missing: missing)
        }
        let plans = probabilities.map { QuantilePlan(count: values.count, probability: $0, type: type) }
        Selection.select(values, ranks: plans.flatMap { [$0.lower, $0.upper] })
        return QuantileResult(values: plans.map { $0.value(in: values) }, count: values.count, missing: missing)
    }
}

/// Quantiles together with the counts they rest on.
public struct QuantileResult: Equatable, Sendable {
    /// One quantile per requested probability, in the order requested; NaN if `count == 0`.
    public var values: [Double]
    /// Number of non-missing values used.
    public var count: Int
    /// Number of missing values (NaN) removed.
    public var missing: Int
}

/// Where a quantile lies in the sorted sample: two order statistics (0-based) and the weight of the
/// upper one, computed exactly as numpy computes them.
struct QuantilePlan {
    var lower: Int
    var upper: Int
    /// The weight of `upper`; nil for the discrete types 1 and 3, which take `lower` as it is
    /// (numpy takes the element, so an infinite order statistic stays infinite).
    var gamma: Double?

    init(count n: Int, probability p: Double, type: QuantileType) {
        let count = Double(n)
        switch type {
        case .invertedCDF:
            let index = Self.discreteIndex(count * p - 1) { gamma, _ in gamma == 0 }
            self.init(lower: index, upper: index, gamma: nil)
            return
        case .closestObservation:
            let index = Self.discreteIndex(count * p - 1 - 0.5) { gamma, index in
                gamma == 0 && Self.pythonModulo(index.rounded(.down), 2) == 1
            }
            self.init(lower: index, upper: index, gamma: nil)
            return
        case .averagedInvertedCDF:
            self.init(virtualIndex: count * p - 1, count: n) { gamma in gamma == 0 ? 0.5 : 1 }
        case .linear:
            self.init(virtualIndex: (count - 1) * p, count: n) { $0 }
        case .interpolatedInvertedCDF:
            self.init(continuous: n, p, alpha: 0, beta: 1)
        case .hazen:
            self.init(continuous: n, p, alpha: 0.5, beta: 0.5)
        case .weibull:
            self.init(continuous: n, p, alpha: 0, beta: 0)
        case .medianUnbiased:
            self.init(continuous: n, p, alpha: 1 / 3.0, beta: 1 / 3.0)
        case .normalUnbiased:
            self.init(continuous: n, p, alpha: 3 / 8.0, beta: 3 / 8.0)
        }
    }

    /// The continuous types 4-9 with their plotting-position constants (Hyndman & Fan, eq. 2), as
    /// numpy's `_compute_virtual_index`.
    private init(continuous n: Int, _ p: Double, alpha: Double, beta: Double) {
        self.init(virtualIndex: Double(n) * p + (alpha + p * (1 - alpha - beta)) - 1, count: n) { $0 }
    }

    private init(lower: Int, upper: Int, gamma: Double?) {
        self.lower = lower
        self.upper = upper
        self.gamma = gamma
    }

    /// numpy's `_get_indexes` and `_get_gamma`: neighbours of the virtual index, clamped to the
    /// sample (numpy's index -1 is the last element), and the weight from the clamped lower index.
    private init(virtualIndex v: Double, count n: Int, fixGamma: (Double) -> Double) {
        if v >= Double(n - 1) {
            // numpy marks both neighbours -1 (the last element) and takes gamma from that -1.
            self.init(lower: n - 1, upper: n - 1, gamma: fixGamma(v + 1))
        } else if v < 0 {
            self.init(lower: 0, upper: 0, gamma: fixGamma(v))
        } else {
            let lower = Int(v.rounded(.down))
            self.init(lower: lower, upper: lower + 1, gamma: fixGamma(v - Double(lower)))
        }
    }

    /// numpy's `_discrete_interpolation_to_boundaries`.
    private static func discreteIndex(_ index: Double, takeLower: (Double, Double) -> Bool) -> Int {
        let previous = index.rounded(.down)
        let gamma = index - previous
        let chosen = takeLower(gamma, index) ? previous : previous + 1
        return max(0, Int(chosen))
    }

    private static func pythonModulo(_ a: Double, _ b: Double) -> Double {
        let r = a.truncatingRemainder(dividingBy: b)
        return r < 0 ? r + b : r
    }

    /// The quantile from a sample in which the order statistics `lower` and `upper` are in place.
    func value(in sorted: UnsafeMutableBufferPointer<Double>) -> Double {
        guard let gamma else { return sorted[lower] }
        return Interpolation.lerp(sorted[lower], sorted[upper], gamma)
    }
}

/// Linear interpolation as numpy's `_lerp`: from the nearer end, so that t = 1 gives b exactly.
enum Interpolation {
    @inline(__always)
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
