#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thresholds of COINr's default outlier treatment (`Treat()` with `f1 = "winsorise"`,
/// `f2 = "log_CT"`, `f_pass = "check_SkewKurt"`).
public struct OutlierThresholds: Equatable, Sendable {
    /// An indicator fails when |skewness| >= this (COINr `skew_thresh`, default 2) ...
    public var skewness: Double
    /// ... and at the same time kurtosis >= this (COINr `kurt_thresh`, default 3.5).
    public var kurtosis: Double
    /// Winsorisation stops once the last step replaced this many values or more (COINr `winmax`,
    /// default 5; see `treatOutliers(_:method:)` for how COINr counts).
    public var winsorisationLimit: Int

    /// Memberwise.
    public init(skewness: Double = 2, kurtosis: Double = 3.5, winsorisationLimit: Int = 5) {
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.winsorisationLimit = winsorisationLimit
    }
}

/// How outliers are treated.
public enum OutlierTreatmentMethod: Equatable, Sendable {
    /// No treatment; the report still gives the skewness and kurtosis and whether the indicator
    /// fails the default thresholds.
    case none
    /// COINr's default two-stage treatment: winsorise step by step, and if that does not bring
    /// skewness or kurtosis under the thresholds, log-transform the untreated values instead.
    case winsoriseThenLog(OutlierThresholds)

    /// COINr's defaults: skewness 2, kurtosis 3.5, winsorisation limit 5.
    public static let coinr = OutlierTreatmentMethod.winsoriseThenLog(OutlierThresholds())
}

/// What outlier treatment did to one indicator column.
///
/// Statistics are Excel's SKEW and KURT (`Moments.skewnessAndKurtosis`) of the observed values;
/// NaN when undefined (fewer than 3 or 4 observed values, or all equal).
public struct OutlierTreatmentReport: Equatable, Sendable {
    /// The thresholds the column was checked against (COINr's defaults for `none`).
    public var thresholds: OutlierThresholds
    /// Whether the untreated column failed: |skewness| >= threshold and kurtosis >= threshold.
    /// False when the statistics are undefined (such a column is never treated).
    public var failed: Bool
    /// Skewness of the untreated column.
    public var skewnessBefore: Double
    /// Kurtosis (excess) of the untreated column.
    public var kurtosisBefore: Double
    /// Skewness of the column as returned (winsorised, log-transformed or untouched).
    public var skewnessAfter: Double
    /// Kurtosis of the column as returned.
    public var kurtosisAfter: Double
    /// Whether the returned column passes the thresholds (false after a log transform that still
    /// fails, as COINr reports it; nothing more is done then).
    public var passes: Bool
    /// Winsorisation steps taken, also when the attempt was then discarded for the log transform.
    public var winsorisationSteps: Int
    /// COINr's `nwin`: values replaced by the last step on the high side plus by the last step on
    /// the low side (the number the limit is checked against).
    public var lastStepCount: Int
    /// Rows (0-based, ascending) whose returned value was lowered to a winsorised maximum; empty
    /// when the log transform was used.
    public var winsorisedHighRows: [Int]
    /// Rows (0-based, ascending) whose returned value was raised to a winsorised minimum; empty
    /// when the log transform was used.
    public var winsorisedLowRows: [Int]
    /// Whether the returned column is log(x - min + 0.01 (max - min)) of the untreated values.
    public var logTransformed: Bool

    /// Memberwise.
    public init(thresholds: OutlierThresholds, failed: Bool, skewnessBefore: Double, kurtosisBefore: Double,
                skewnessAfter: Double, kurtosisAfter: Double, passes: Bool, winsorisationSteps: Int,
                lastStepCount: Int, winsorisedHighRows: [Int], winsorisedLowRows: [Int], logTransformed: Bool) {
        self.thresholds = thresholds
        self.failed = failed
        self.skewnessBefore = skewnessBefore
        self.kurtosisBefore = kurtosisBefore
        self.skewnessAfter = skewnessAfter
        self.kurtosisAfter = kurtosisAfter
        self.passes = passes
        self.winsorisationSteps = winsorisationSteps
        self.lastStepCount = lastStepCount
        self.winsorisedHighRows = winsorisedHighRows
        self.winsorisedLowRows = winsorisedLowRows
        self.logTransformed = logTransformed
    }

    /// The number of values whose returned value differs from the untreated one by winsorisation.
    public var winsorisedCount: Int { winsorisedHighRows.count + winsorisedLowRows.count }

    /// Field by field, an undefined (NaN) statistic equal to another undefined one.
    public static func == (a: OutlierTreatmentReport, b: OutlierTreatmentReport) -> Bool {
        let same = MissingValues.same as (Double, Double) -> Bool
        return a.thresholds == b.thresholds && a.failed == b.failed
            && same(a.skewnessBefore, b.skewnessBefore) && same(a.kurtosisBefore, b.kurtosisBefore)
            && same(a.skewnessAfter, b.skewnessAfter) && same(a.kurtosisAfter, b.kurtosisAfter)
            && a.passes == b.passes && a.winsorisationSteps == b.winsorisationSteps
            && a.lastStepCount == b.lastStepCount && a.winsorisedHighRows == b.winsorisedHighRows
            && a.winsorisedLowRows == b.winsorisedLowRows && a.logTransformed == b.logTransformed
    }
}

/// A treated column and the report of what changed.
public struct OutlierTreatmentResult: Equatable, Sendable {
    /// The treated column (same length and order; missing values stay missing).
    public var values: [Double]
    /// What was done.
    public var report: OutlierTreatmentReport

    /// Memberwise.
    public init(values: [Double], report: OutlierTreatmentReport) {
        self.values = values
        self.report = report
    }

    /// Equal when the reports are equal and every cell is equal or missing in both.
    public static func == (a: OutlierTreatmentResult, b: OutlierTreatmentResult) -> Bool {
        a.report == b.report && MissingValues.same(a.values, b.values)
    }
}

/// Treats the outliers of one indicator column as COINr's `Treat()` with its defaults
/// (`winsorise`, then `log_CT` on the untreated values, `check_SkewKurt`); matches the published
/// COINr ASEM "Treated" stage.
///
/// 1. The column fails when |skewness| >= `thresholds.skewness` and kurtosis >=
///    `thresholds.kurtosis` (Excel SKEW/KURT of the observed values). A passing column is returned
///    unchanged.
/// 2. Winsorisation, one step at a time: if the current skewness is >= 0, every value tied at the
///    maximum is set to the largest remaining value, else every value tied at the minimum to the
///    smallest remaining value; then the check is repeated. Steps continue while the column fails
///    and `lastStepCount` < `winsorisationLimit`, where `lastStepCount` (COINr's `nwin`) is the
///    number of values the last high step replaced plus the number the last low step replaced:
///    COINr does not add up the steps. Each step also re-replaces the values winsorised before
///    (they are tied with the new maximum), so k steps on one side replace 1, 2, ..., k values:
///    ASEM's `Services` passes after 4 steps (4 rows changed), `Tariff` after 3.
/// 3. If the winsorised column still fails, the winsorisation is discarded and the untreated
///    column is transformed by COINr's `log_CT`: log(x - min + 0.01 (max - min)). The result is
///    checked again and reported, but not treated further (as COINr).
///
/// Missing values (NaN) are left out of every statistic, minimum and maximum, and stay missing.
/// A column whose statistics are undefined (fewer than 4 observed values, all equal, or an infinite
/// value) passes and is returned unchanged. Winsorisation that makes every value equal (possible when the skew
/// changes side, e.g. 14, 14, 15, 14, 14, 9) ends there with undefined statistics, reported as
/// passing (COINr stops with an error at that point). `none` returns the column unchanged, with its statistics.
/// Complexity O(n) per winsorisation step; steps are few (bounded by the number of distinct values).
///
/// - Throws: `StatsError.invalidParameter` for a NaN or negative threshold, or a winsorisation
///   limit below 1.
public func treatOutliers(
    _ column: [Double], method: OutlierTreatmentMethod = .coinr
) throws(StatsError) -> OutlierTreatmentResult {
    let thresholds: OutlierThresholds
    switch method {
    case .none: thresholds = OutlierThresholds()
    case .winsoriseThenLog(let given): thresholds = given
    }
    try OutlierTreatment.validate(thresholds)
    return OutlierTreatment.run(column, thresholds: thresholds, treat: method != .none)
}

/// Treats every column of a data set (column-major: one array per indicator, all of the same
/// length) by `treatOutliers(_:method:)`; columns are independent, large data sets use all cores.
///
/// - Throws: `StatsError.shapeMismatch` naming the first column whose length differs from the
///   first column's; `StatsError.invalidParameter` for invalid thresholds.
public func treatOutliers(
    columns: [[Double]], method: OutlierTreatmentMethod = .coinr
) throws(StatsError) -> [OutlierTreatmentResult] {
    try ColumnParallel.checkLengths(columns, of: "outlier treatment")
    let thresholds: OutlierThresholds
    switch method {
    case .none: thresholds = OutlierThresholds()
    case .winsoriseThenLog(let given): thresholds = given
    }
    try OutlierTreatment.validate(thresholds)
    let treat = method != .none
    return ColumnParallel.map(columns) { OutlierTreatment.run($0, thresholds: thresholds, treat: treat) }
}

/// The work of `treatOutliers`.
enum OutlierTreatment {
    static func validate(_ thresholds: OutlierThresholds) throws(StatsError) {
        if !(thresholds.skewness >= 0) {
            throw .invalidParameter(name: "skewness threshold", value: NumberFormat.exact(thresholds.skewness),
                                    allowed: "it must be a number >= 0 (COINr's default is 2)")
        }
        if thresholds.kurtosis.isNaN {
            throw .invalidParameter(name: "kurtosis threshold", value: "missing",
                                    allowed: "it must be a number (COINr's default is 3.5)")
        }
        if thresholds.winsorisationLimit < 1 {
            throw .invalidParameter(name: "winsorisation limit", value: String(thresholds.winsorisationLimit),
                                    allowed: "it must be at least 1 (COINr's default is 5)")
        }
    }

    /// Skewness and kurtosis of values without NaN.
    static func moments(_ values: [Double]) -> (skewness: Double, kurtosis: Double) {
        let mean = Moments.mean(values)
        let sd = Moments.variance(values, mean: mean).squareRoot()
        return Moments.skewnessAndKurtosis(values, mean: mean, sd: sd)
    }

    /// COINr's `check_SkewKurt`, inverted: fails when |skewness| >= s and kurtosis >= k. Undefined
    /// statistics never fail.
    static func fails(_ m: (skewness: Double, kurtosis: Double), _ t: OutlierThresholds) -> Bool {
        abs(m.skewness) >= t.skewness && m.kurtosis >= t.kurtosis
    }

    static func run(_ column: [Double], thresholds: OutlierThresholds, treat: Bool) -> OutlierTreatmentResult {
        let rows = column.indices.filter { !column[$0].isNaN }
        let untreated = rows.map { column[$0] }
        let before = moments(untreated)
        let failed = fails(before, thresholds)
        var report = OutlierTreatmentReport(
            thresholds: thresholds, failed: failed, skewnessBefore: before.skewness, kurtosisBefore: before.kurtosis,
            skewnessAfter: before.skewness, kurtosisAfter: before.kurtosis, passes: !failed,
            winsorisationSteps: 0, lastStepCount: 0, winsorisedHighRows: [], winsorisedLowRows: [],
            logTransformed: false)
        guard treat, failed else { return OutlierTreatmentResult(values: column, report: report) }

        // Winsorisation on the observed values.
        var x = untreated
        var current = before
        var stillFails = true
        var lastHigh = 0, lastLow = 0
        var steps = 0
        while stillFails && lastHigh + lastLow < thresholds.winsorisationLimit {
            let upper = current.skewness >= 0
            let extreme = upper ? x.max()! : x.min()!
            var next = upper ? -Double.infinity : Double.infinity
            var tied = 0
            for value in x {
                if value == extreme {
                    tied += 1
                } else {
                    next = upper ? max(next, value) : min(next, value)
                }
            }
            // Every value tied: the statistics would be undefined, which cannot fail; defensive.
            guard tied < x.count else { break }
            for index in x.indices where x[index] == extreme { x[index] = next }
            if upper { lastHigh = tied } else { lastLow = tied }
            steps += 1
            current = moments(x)
            stillFails = fails(current, thresholds)
        }
        report.winsorisationSteps = steps
        report.lastStepCount = lastHigh + lastLow

        var values = column
        if !stillFails {
            for (position, row) in rows.enumerated() {
                values[row] = x[position]
                // A value moved both ways (the skew changed side) and ended where it began is unchanged.
                guard x[position] != untreated[position] else { continue }
                if x[position] < untreated[position] {
                    report.winsorisedHighRows.append(row)
                } else {
                    report.winsorisedLowRows.append(row)
                }
            }
            report.skewnessAfter = current.skewness
            report.kurtosisAfter = current.kurtosis
            report.passes = true
            return OutlierTreatmentResult(values: values, report: report)
        }

        // COINr's log_CT of the untreated values.
        let minimum = untreated.min()!, maximum = untreated.max()!
        let shift = 0.01 * (maximum - minimum)
        var transformed = untreated
        for index in transformed.indices {
            transformed[index] = log(untreated[index] - minimum + shift)
        }
        for (position, row) in rows.enumerated() { values[row] = transformed[position] }
        let after = moments(transformed)
        report.logTransformed = true
        report.skewnessAfter = after.skewness
        report.kurtosisAfter = after.kurtosis
        report.passes = !fails(after, thresholds)
        return OutlierTreatmentResult(values: values, report: report)
    }
}
