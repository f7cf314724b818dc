/// Whether higher values of an indicator are better (`positive`, COINr `Direction = 1`) or worse
/// (`negative`, `Direction = -1`).
public enum IndicatorDirection: Int, CaseIterable, Sendable {
    /// Higher is better (COINr 1).
    case positive = 1
    /// Lower is better (COINr -1): reversed before normalising.
    case negative = -1
}

/// How an indicator is brought onto a common scale, as COINr's `Normalise()` with `f_n =`.
///
/// The direction is applied first, as COINr's `Normalise.numeric` does: a negative indicator is
/// multiplied by -1 and then normalised. Parameters given in the indicator's own units (a target,
/// goalposts) are reflected with it, as COINr does when it reads them from `iMeta`, so that they
/// keep meaning what they say. Hence for a negative indicator min-max gives
/// (max - x) / (max - min) (u - l) + l = u + l - minmax(x) (100 - x on 0..100) and the rank of
/// the smallest value is the highest.
public enum NormalisationMethod: Equatable, Sendable {
    /// The values unchanged (COINr `f_n = "none"`), apart from the sign of a negative indicator.
    case none
    /// COINr `n_minmax(x, l_u = c(l, u))`: (x - min) / (max - min) (u - l) + l; COINr's default is
    /// 0..100. A constant column is an error (COINr returns NaN with a warning).
    case minMax(lower: Double = 0, upper: Double = 100)
    /// COINr `n_zscore(x, m_sd = c(m, s))`: (x - mean) / sd s + m with R's sd (n - 1). A constant
    /// column is an error.
    case zScore(mean: Double = 0, standardDeviation: Double = 1)
    /// COINr `n_rank`: R's `rank(x, ties.method = "min", na.last = "keep")`, 1 = lowest value
    /// (highest value for a negative indicator); tied values share the lowest rank of the tie
    /// (COINr always uses "min", whatever its `ties.method` argument says).
    case rank
    /// COINr `n_prank`: (rank - 1) / (n - 1) with the "min" ranks of `rank` over the n observed
    /// values, so in [0, 1]. A column with a single observed value is an error (0 / 0).
    case percentileRank
    /// COINr `n_borda`: rank - 1 with the "min" ranks.
    case borda
    /// COINr `n_dist2targ` (direction 1 after the flip): (x - min) / (target - min), values past the
    /// target above 1 unless `capAtOne` (COINr `cap_max`, default FALSE) sets them to 1. For a
    /// negative indicator this is (max - x) / (max - target). Values below zero (a target below
    /// the minimum) are not clamped. A target equal to the column's minimum (maximum for a
    /// negative indicator) is an error.
    case distanceToTarget(target: Double, capAtOne: Bool = false)
    /// COINr `n_goalposts(x, gposts = c(l, u, a), trunc2posts)`: (x - l) / (u - l), truncated to
    /// [0, 1] when `truncate` (the default, COINr `trunc2posts = TRUE`), times `scale` (COINr's `a`;
    /// default 1 here, 100 gives 0..100). For a negative indicator: (u - x) / (u - l).
    case goalposts(lower: Double, upper: Double, scale: Double = 1, truncate: Bool = true)

    /// COINr's default normalisation: min-max to 0..100.
    public static let coinr = NormalisationMethod.minMax(lower: 0, upper: 100)
}

/// What normalisation did to one indicator column. Statistics are of the observed values of the
/// column as given (before the direction's flip); NaN when there is no observed value.
public struct NormalisationReport: Equatable, Sendable {
    /// The method applied.
    public var method: NormalisationMethod
    /// The direction applied.
    public var direction: IndicatorDirection
    /// Observed (non-missing) values.
    public var observed: Int
    /// Missing values, which stay missing.
    public var missing: Int
    /// Smallest observed value.
    public var minimum: Double
    /// Largest observed value.
    public var maximum: Double
    /// Mean of the observed values.
    public var mean: Double
    /// R's `sd` (n - 1); NaN for fewer than two values.
    public var standardDeviation: Double
    /// Rows (0-based, ascending) whose score was capped: at 1 by `distanceToTarget(capAtOne:)`, at 0
    /// or 1 by `goalposts(truncate:)`.
    public var cappedRows: [Int]

    /// Memberwise.
    public init(method: NormalisationMethod, direction: IndicatorDirection, observed: Int, missing: Int,
                minimum: Double, maximum: Double, mean: Double, standardDeviation: Double, cappedRows: [Int]) {
        self.method = method
        self.direction = direction
        self.observed = observed
        self.missing = missing
        self.minimum = minimum
        self.maximum = maximum
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.cappedRows = cappedRows
    }

    /// Field by field, an undefined (NaN) statistic equal to another undefined one.
    public static func == (a: NormalisationReport, b: NormalisationReport) -> Bool {
        let same = MissingValues.same as (Double, Double) -> Bool
        return a.method == b.method && a.direction == b.direction && a.observed == b.observed
            && a.missing == b.missing && same(a.minimum, b.minimum) && same(a.maximum, b.maximum)
            && same(a.mean, b.mean) && same(a.standardDeviation, b.standardDeviation)
            && a.cappedRows == b.cappedRows
    }
}

/// A normalised column and the report of what was done.
public struct NormalisationResult: Equatable, Sendable {
    /// The normalised column (same length and order; missing values stay missing).
    public var values: [Double]
    /// What was done.
    public var report: NormalisationReport

    /// Memberwise.
    public init(values: [Double], report: NormalisationReport) {
        self.values = values
        self.report = report
    }

    /// Equal when the reports are equal and every cell is equal or missing in both.
    public static func == (a: NormalisationResult, b: NormalisationResult) -> Bool {
        a.report == b.report && MissingValues.same(a.values, b.values)
    }
}

/// Normalises one indicator column as COINr's `Normalise()` (see `NormalisationMethod` for each
/// method's formula and the COINr function it matches). The arithmetic follows COINr's order of
/// operations, so min-max 0..100 reproduces the published COINr ASEM "Normalised" stage.
///
/// Missing values (NaN) stay missing and are left out of min, max, mean, sd, ranks and counts. A
/// column with no observed value is returned all missing, without error. `index` is the column's
/// position in its data set, used only by error messages. Complexity O(n), O(n log n) for the
/// rank methods.
///
/// - Throws: `StatsError.constantColumn(index:method:)` for min-max or z-score of a column whose
///   observed values are all equal (or a single value), and percentile rank of a single value;
///   `StatsError.invalidParameter` for a non-finite parameter, a standard deviation <= 0,
///   goalposts with lower = upper, or a target equal to the column's minimum (after the flip).
public func normalise(
    _ column: [Double], method: NormalisationMethod = .coinr, direction: IndicatorDirection = .positive,
    index: Int = 0
) throws(StatsError) -> NormalisationResult {
    try Normalisation.validate(method)
    return try Normalisation.run(column, method: method, direction: direction, index: index)
}

/// Normalises every column of a data set (column-major: one array per indicator, all of the same
/// length) by `normalise(_:method:direction:index:)`, with one direction per column; large data sets
/// use all cores. The first failing column (lowest index) decides the error.
///
/// - Throws: `StatsError.lengthMismatch(columns.count, directions.count)` when there is not one
///   direction per column; `StatsError.shapeMismatch` naming the first column of a different
///   length; the errors of `normalise(_:method:direction:index:)`.
public func normalise(
    columns: [[Double]], method: NormalisationMethod = .coinr, directions: [IndicatorDirection]
) throws(StatsError) -> [NormalisationResult] {
    guard directions.count == columns.count else { throw .lengthMismatch(columns.count, directions.count) }
    try ColumnParallel.checkLengths(columns, of: "normalisation")
    try Normalisation.validate(method)
    let computed = ColumnParallel.mapIndexed(columns) { index, column in
        Result { () throws(StatsError) -> NormalisationResult in
            try Normalisation.run(column, method: method, direction: directions[index], index: index)
        }
    }
    var results: [NormalisationResult] = []
    results.reserveCapacity(columns.count)
    for outcome in computed { results.append(try outcome.get()) }
    return results
}

/// The work of `normalise`.
enum Normalisation {
    static func validate(_ method: NormalisationMethod) throws(StatsError) {
        func finite(_ value: Double, _ name: String) throws(StatsError) {
            guard value.isFinite else {
                throw .invalidParameter(name: name, value: value.isNaN ? "missing" : NumberFormat.exact(value),
                                        allowed: "it must be a finite number")
            }
        }
        switch method {
        case .none, .rank, .percentileRank, .borda:
            break
        case .minMax(let lower, let upper):
            try finite(lower, "min-max lower bound")
            try finite(upper, "min-max upper bound")
        case .zScore(let mean, let sd):
            try finite(mean, "z-score mean")
            try finite(sd, "z-score standard deviation")
            guard sd > 0 else {
                throw .invalidParameter(name: "z-score standard deviation", value: NumberFormat.exact(sd),
                                        allowed: "it must be greater than 0")
            }
        case .distanceToTarget(let target, _):
            try finite(target, "target")
        case .goalposts(let lower, let upper, let scale, _):
            try finite(lower, "lower goalpost")
            try finite(upper, "upper goalpost")
            try finite(scale, "goalpost scale")
            guard lower != upper else {
                throw .invalidParameter(name: "goalposts", value: "\(NumberFormat.exact(lower)) and \(NumberFormat.exact(upper))",
                                        allowed: "the lower and upper goalposts must differ")
            }
        }
    }

    static func run(
        _ column: [Double], method: NormalisationMethod, direction: IndicatorDirection, index: Int
    ) throws(StatsError) -> NormalisationResult {
        let observedValues = MissingValues.removed(from: column)
        let mean = Moments.mean(observedValues)
        var report = NormalisationReport(
            method: method, direction: direction, observed: observedValues.count,
            missing: column.count - observedValues.count,
            minimum: observedValues.min() ?? .nan, maximum: observedValues.max() ?? .nan,
            mean: mean, standardDeviation: Moments.variance(observedValues, mean: mean).squareRoot(),
            cappedRows: [])
        guard !observedValues.isEmpty else {
            return NormalisationResult(values: column.map { _ in .nan }, report: report)
        }
        // COINr: x <- x * direction, then the normalisation function.
        let sign = Double(direction.rawValue)
        let x = direction == .positive ? column : column.map { $0 * sign }
        let low = direction == .positive ? report.minimum : -report.maximum
        let high = direction == .positive ? report.maximum : -report.minimum
        var values: [Double]
        switch method {
        case .none:
            values = x
        case .minMax(let lower, let upper):
            guard high != low else { throw .constantColumn(index: index, method: "min-max normalisation") }
            let range = high - low, width = upper - lower
            values = x.map { ($0 - low) / range * width + lower }
        case .zScore(let targetMean, let targetSD):
            let flippedMean = mean * sign  // negation is exact: the mean of -x is -mean(x)
            let sd = report.standardDeviation
            guard sd > 0 else { throw .constantColumn(index: index, method: "z-score normalisation") }
            values = x.map { ($0 - flippedMean) / sd * targetSD + targetMean }
        case .rank:
            values = ranks(x, ties: .min)
        case .borda:
            values = ranks(x, ties: .min).map { $0 - 1 }
        case .percentileRank:
            guard observedValues.count > 1 else {
                throw .constantColumn(index: index, method: "percentile-rank normalisation")
            }
            let denominator = Double(observedValues.count - 1)
            values = ranks(x, ties: .min).map { ($0 - 1) / denominator }
        case .distanceToTarget(let target, let capAtOne):
            let flippedTarget = target * sign
            guard flippedTarget != low else {
                throw .invalidParameter(
                    name: "target", value: "\(NumberFormat.exact(target)) for column \(index + 1)",
                    allowed: "it equals the column's \(direction == .positive ? "minimum" : "maximum"), "
                        + "so every distance would be divided by 0; choose a target beyond the observed values")
            }
            let span = flippedTarget - low
            values = x.map { ($0 - low) / span }
            if capAtOne {
                for row in values.indices where values[row] > 1 {
                    values[row] = 1
                    report.cappedRows.append(row)
                }
            }
        case .goalposts(let lower, let upper, let scale, let truncate):
            let (l, u) = direction == .positive ? (lower, upper) : (-upper, -lower)
            values = x.map { ($0 - l) / (u - l) }
            for row in values.indices {
                if truncate && values[row] > 1 {
                    values[row] = 1
                    report.cappedRows.append(row)
                } else if truncate && values[row] < 0 {
                    values[row] = 0
                    report.cappedRows.append(row)
                }
                values[row] *= scale
            }
        }
        return NormalisationResult(values: values, report: report)
    }
}
