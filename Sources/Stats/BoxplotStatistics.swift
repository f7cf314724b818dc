/// The statistics a boxplot draws, with the conventions of FRAMEWORK.md "Benchmarking conventions".
///
/// - Box: Q1, median and Q3 by `quantile` of the chosen Hyndman & Fan type (default 7, as R's
///   `quantile` and numpy), IQR = Q3 - Q1.
/// - Fences: Q1 - k IQR and Q3 + k IQR (Tukey; k = 1.5 by default). A value strictly beyond a
///   fence is an outlier; a value on a fence is not.
/// - Whiskers: the most extreme non-outlying data values, but never inside the box: if no data
///   value lies between the lower fence and Q1, the lower whisker is Q1 itself (zero length), and
///   likewise above. This is ggplot2's `stat_boxplot` rule (`range(c(Q1, Q3, non-outliers))`);
///   with k >= 1.5 and type 7 it differs from the plain "most extreme value inside the fences"
///   only in degenerate samples (for example 0, 100, 100, 100).
/// - Outliers: the values beyond the fences, in input order, with their 0-based positions in the
///   input (missing values included in the counting), so that names can be attached.
///
/// Edge cases: n = 0 gives NaN for every statistic and no outliers; n = 1 gives the value for
/// every statistic; IQR = 0 (e.g. all values equal) puts both fences on the box, so every value
/// that differs from it is an outlier. Missing values are removed and counted.
/// Complexity O(n) (selection for the quartiles, one pass for whiskers and outliers).
public struct BoxplotStatistics: Equatable, Sendable {
    public var count: Int
    public var missing: Int
    public var q1: Double
    public var median: Double
    public var q3: Double
    public var iqr: Double { q3 - q1 }
    public var lowerFence: Double
    public var upperFence: Double
    public var lowerWhisker: Double
    public var upperWhisker: Double
    public var outliers: [Double]
    /// 0-based positions of `outliers` in the input.
    public var outlierPositions: [Int]
    /// The whisker coefficient k.
    public var coefficient: Double
    public var type: QuantileType

    /// - Throws: `StatsError.invalidParameter` if k is negative, infinite or NaN.
    public init(
        _ data: some Collection<Double>, coefficient k: Double = 1.5, type: QuantileType = .default
    ) throws(StatsError) {
        guard k >= 0 && k.isFinite else {
            throw .invalidParameter(name: "k", value: NumberFormat.exact(k), allowed: "the whisker coefficient must be a finite number >= 0")
        }
        if let statistics = data.withContiguousStorageIfAvailable({ Self(contiguous: $0, k, type) }) {
            self = statistics
        } else {
            self = Array(data).withUnsafeBufferPointer { Self(contiguous: $0, k, type) }
        }
    }

    /// The work on contiguous memory, free of generic dispatch, with a valid k.
    private init(contiguous data: UnsafeBufferPointer<Double>, _ k: Double, _ type: QuantileType) {
        let quartiles = QuantileComputation.run(data, [0.25, 0.5, 0.75], type)
        count = quartiles.count
        missing = quartiles.missing
        coefficient = k
        self.type = type
        (q1, median, q3) = (quartiles.values[0], quartiles.values[1], quartiles.values[2])
        let spread = q3 - q1
        lowerFence = q1 - k * spread
        upperFence = q3 + k * spread
        lowerWhisker = q1
        upperWhisker = q3
        outliers = []
        outlierPositions = []
        for (position, x) in data.enumerated() where !x.isNaN {
            if x < lowerFence || x > upperFence {
                outliers.append(x)
                outlierPositions.append(position)
            } else {
                lowerWhisker = Swift.min(lowerWhisker, x)
                upperWhisker = Swift.max(upperWhisker, x)
            }
        }
    }
}
