/// How missing values of an indicator are filled in, as COINr's `Impute(f_i =)` with
/// `impute_by = "column"`: `none` leaves them, `mean` is `i_mean`, `median` is `i_median`; given a
/// group label per unit, `mean` and `median` become `i_mean_grp` and `i_median_grp` (the value of
/// the unit's own group).
public enum ImputationMethod: String, CaseIterable, Sendable {
    /// Nothing is imputed; the report lists every missing cell as left missing.
    case none
    /// The arithmetic mean of the observed values (two-pass, `Moments.mean`; R's `mean`).
    case mean
    /// The median of the observed values: the middle value, or the average of the two middle
    /// values for an even count (R's `median`, quantile type 7 at 0.5).
    case median
}

/// What imputation did to one indicator column.
public struct ImputationReport: Equatable, Sendable {
    /// The method that was applied.
    public var method: ImputationMethod
    /// The rows (0-based, ascending) whose missing value was replaced.
    public var imputedRows: [Int]
    /// The value put into each row of `imputedRows`, in the same order.
    public var imputedValues: [Double]
    /// The rows (0-based, ascending) that were missing and are still missing: with `none`, or
    /// because the unit's group (or, without groups, the whole column) has no observed value to
    /// impute from. Nothing is invented for them.
    public var unimputedRows: [Int]

    /// Memberwise.
    public init(method: ImputationMethod, imputedRows: [Int], imputedValues: [Double], unimputedRows: [Int]) {
        self.method = method
        self.imputedRows = imputedRows
        self.imputedValues = imputedValues
        self.unimputedRows = unimputedRows
    }
}

/// An imputed column and the report of what changed.
public struct ImputationResult: Equatable, Sendable {
    /// The column with its missing values replaced where possible (same length and order).
    public var values: [Double]
    /// What was done.
    public var report: ImputationReport

    /// Memberwise.
    public init(values: [Double], report: ImputationReport) {
        self.values = values
        self.report = report
    }

    /// Equal when the reports are equal and every cell is equal or missing in both.
    public static func == (a: ImputationResult, b: ImputationResult) -> Bool {
        a.report == b.report && MissingValues.same(a.values, b.values)
    }
}

/// Imputes the missing values (NaN) of one indicator column from all its observed values, as
/// COINr's `i_mean` / `i_median`.
///
/// Observed values are never changed. A column with no observed value stays entirely missing and
/// every row is reported in `unimputedRows`. Complexity O(n) for mean and none, O(n log n) for
/// the median (a sort of the observed values).
public func impute(_ column: [Double], method: ImputationMethod) -> ImputationResult {
    let everyone = [Int](repeating: 0, count: column.count)
    return Imputation.run(column, method: method, groups: everyone, groupCount: 1)
}

/// Imputes the missing values (NaN) of one indicator column from the observed values of the
/// unit's own group, as COINr's `i_mean_grp` / `i_median_grp` (`Impute(use_group =)`).
///
/// `groups[i]` is the group label of row i (e.g. "Asia"/"Europe", or an `Int`); an optional label
/// type makes `nil` a group of its own. A group in which the indicator is missing for every unit
/// cannot be imputed: its missing rows stay missing and are listed in `unimputedRows` (COINr
/// would write R's `NaN`, the mean of nothing; nothing is invented here). Observed values are
/// never changed. Complexity O(n) for mean and none, O(n log n) for the median.
///
/// - Throws: `StatsError.lengthMismatch(column.count, groups.count)` when there is not exactly one
///   label per row.
public func impute<Group: Hashable>(
    _ column: [Double], method: ImputationMethod, groups: [Group]
) throws(StatsError) -> ImputationResult {
    guard groups.count == column.count else { throw .lengthMismatch(column.count, groups.count) }
    let (codes, count) = Imputation.codes(groups)
    return Imputation.run(column, method: method, groups: codes, groupCount: count)
}

/// Imputes every column of a data set (column-major: one array per indicator, all of the same
/// length) from all observed values of that column; see `impute(_:method:)`. Columns are
/// independent; large data sets are processed on all cores, with the same result.
///
/// - Throws: `StatsError.shapeMismatch` naming the first column whose length differs from the
///   first column's.
public func impute(columns: [[Double]], method: ImputationMethod) throws(StatsError) -> [ImputationResult] {
    try ColumnParallel.checkLengths(columns, of: "imputation")
    return ColumnParallel.map(columns) { impute($0, method: method) }
}

/// Imputes every column of a data set within groups (one label per row, shared by all columns);
/// see `impute(_:method:groups:)`.
///
/// - Throws: `StatsError.shapeMismatch` naming the first column whose length differs from the
///   number of group labels.
public func impute<Group: Hashable>(
    columns: [[Double]], method: ImputationMethod, groups: [Group]
) throws(StatsError) -> [ImputationResult] {
    for (index, column) in columns.enumerated() where column.count != groups.count {
        throw .shapeMismatch("imputation: column \(index + 1) has \(column.count) values but there are "
            + "\(groups.count) group labels (one per row is needed)")
    }
    let (codes, count) = Imputation.codes(groups)
    return ColumnParallel.map(columns) { Imputation.run($0, method: method, groups: codes, groupCount: count) }
}

/// The work of the `impute` functions on groups coded 0..<groupCount.
enum Imputation {
    /// Group labels coded 0, 1, ... in order of first appearance, and the number of groups.
    static func codes<Group: Hashable>(_ groups: [Group]) -> ([Int], Int) {
        var lookup: [Group: Int] = [:]
        let codes = groups.map { label in
            if let code = lookup[label] { return code }
            let code = lookup.count
            lookup[label] = code
            return code
        }
        return (codes, lookup.count)
    }

    static func run(_ column: [Double], method: ImputationMethod, groups: [Int], groupCount: Int) -> ImputationResult {
        let missingRows = column.indices.filter { column[$0].isNaN }
        guard !missingRows.isEmpty, method != .none else {
            return ImputationResult(values: column, report: ImputationReport(
                method: method, imputedRows: [], imputedValues: [], unimputedRows: missingRows))
        }
        // The observed values of each group that has a missing value (only those are needed).
        var needed = [Bool](repeating: false, count: groupCount)
        for row in missingRows { needed[groups[row]] = true }
        var observed = [[Double]](repeating: [], count: groupCount)
        for (row, x) in column.enumerated() where !x.isNaN && needed[groups[row]] {
            observed[groups[row]].append(x)
        }
        let fill: [Double] = observed.map { values in
            guard !values.isEmpty else { return .nan }
            return method == .mean ? Moments.mean(values) : median(values)
        }
        var values = column
        var imputedRows: [Int] = [], imputedValues: [Double] = [], unimputedRows: [Int] = []
        for row in missingRows {
            let value = fill[groups[row]]
            if value.isNaN {
                unimputedRows.append(row)
            } else {
                values[row] = value
                imputedRows.append(row)
                imputedValues.append(value)
            }
        }
        return ImputationResult(values: values, report: ImputationReport(
            method: method, imputedRows: imputedRows, imputedValues: imputedValues, unimputedRows: unimputedRows))
    }

    /// R's `median` of values without NaN (not empty): the mean of the two middle order statistics
    /// for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let half = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[half] }
        let (a, b) = (sorted[half - 1], sorted[half])
        let mean = (a + b) / 2
        return mean.isFinite ? mean : a / 2 + b / 2
    }
}
