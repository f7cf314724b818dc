/// Descriptive statistics of the non-missing values of a sample.
///
/// - Mean: two-pass (the mean of the deviations is added back), as numpy's and R's `mean`.
/// - Variance and standard deviation with n - 1 (R's `var`, `sd`; numpy with `ddof=1`).
/// - Skewness and excess kurtosis with the bias corrections of Excel's SKEW and KURT (SAS and SPSS
///   type 2, `e1071::skewness(type = 2)`), which COINr's outlier rule uses:
///   G1 = n / ((n - 1)(n - 2)) * sum(z^3),
///   G2 = n (n + 1) / ((n - 1)(n - 2)(n - 3)) * sum(z^4) - 3 (n - 1)^2 / ((n - 2)(n - 3)),
///   with z = (x - mean) / sd.
///
/// Missing values (NaN) are removed and counted. Undefined statistics are NaN: everything for
/// n = 0, variance and sd for n < 2, skewness for n < 3 or sd = 0, kurtosis for n < 4 or sd = 0.
/// Complexity O(n) apart from the median (selection, O(n) expected).
public struct DescriptiveStatistics: Equatable, Sendable {
    public var count: Int
    public var missing: Int
    public var mean: Double
    public var median: Double
    public var variance: Double
    public var standardDeviation: Double
    public var min: Double
    public var max: Double
    public var skewness: Double
    public var kurtosis: Double

    public init(_ data: some Collection<Double>) {
        let values = MissingValues.removed(from: data)
        count = values.count
        missing = data.count - values.count
        mean = Moments.mean(values)
        median = (try? quantile(values, 0.5)) ?? .nan
        variance = Moments.variance(values, mean: mean)
        standardDeviation = variance.squareRoot()
        min = values.min() ?? .nan
        max = values.max() ?? .nan
        (skewness, kurtosis) = Moments.skewnessAndKurtosis(values, mean: mean, sd: standardDeviation)
    }
}

/// Moments of samples without missing values.
public enum Moments {
    /// Arithmetic mean, two-pass for accuracy; NaN when empty.
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let n = Double(values.count)
        let first = values.reduce(0, +) / n
        guard first.isFinite else { return first }
        return first + values.reduce(0) { $0 + ($1 - first) } / n
    }

    /// Sample variance (n - 1); NaN for fewer than two values.
    public static func variance(_ values: [Double], mean: Double) -> Double {
        guard values.count > 1 else { return .nan }
        var squares = 0.0, sum = 0.0
        for x in values {
            let d = x - mean
            squares += d * d
            sum += d
        }
        let n = Double(values.count)
        return (squares - sum * sum / n) / (n - 1)
    }

    /// Excel's SKEW and KURT; see `DescriptiveStatistics`.
    public static func skewnessAndKurtosis(_ values: [Double], mean: Double, sd: Double) -> (Double, Double) {
        let count = values.count
        guard count >= 3, sd > 0 else { return (.nan, .nan) }
        var cubes = 0.0, fourths = 0.0
        for x in values {
            let z = (x - mean) / sd
            let z2 = z * z
            cubes += z2 * z
            fourths += z2 * z2
        }
        let n = Double(count)
        let skewness = n / ((n - 1) * (n - 2)) * cubes
        guard count >= 4 else { return (skewness, .nan) }
        let kurtosis = n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * fourths
            - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
        return (skewness, kurtosis)
    }
}
