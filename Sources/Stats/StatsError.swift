/// Bad input to a statistic: what is wrong and where, so that a caller can point at it.
public enum StatsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A probability that is NaN or outside [0, 1], with its 0-based position in the request.
    case probabilityOutOfRange(Double, position: Int)
    /// Two vectors that must pair up have different lengths.
    case lengthMismatch(Int, Int)
    /// A parameter outside its domain, e.g. a negative whisker coefficient.
    case invalidParameter(name: String, value: String, allowed: String)
    /// A LAPACK routine failed (its `info` code) or did not converge.
    case lapack(routine: String, info: Int)
    /// Matrix shapes that do not fit the operation.
    case shapeMismatch(String)
    /// A value outside an aggregation method's domain (e.g. 0 under a geometric mean): the unit
    /// (0-based row), the child's code, its value, the method and what it accepts.
    case aggregationDomain(unit: Int, member: String, value: Double, method: String, allowed: String)
    /// A data column (0-based `index`) whose observed values are all equal (or a single value), so
    /// that `method` would divide by a spread of 0.
    case constantColumn(index: Int, method: String)
    /// A cell (0-based `row` and `column`) whose value a method cannot take, such as an infinite
    /// value, or a missing one where every cell must be present.
    case invalidCell(row: Int, column: Int, value: Double, allowed: String)
    /// A row (0-based) whose values are all zero, which a cosine distance cannot use; `other` is
    /// the row it was compared with when only the variables both have were zero.
    case zeroRow(Int, other: Int?)
    /// Variables (0-based column indices) that are linear combinations of each other, so that
    /// their covariance matrix is singular (Mahalanobis distance, whitening).
    case collinearVariables([Int])
    /// The computation was interrupted (`WorkProgress.requestInterrupt()`, e.g. Ctrl-C) and its
    /// partial results discarded.
    case interrupted

    public var description: String {
        switch self {
        case .probabilityOutOfRange(let p, _):
            "probability \(p.isNaN ? "missing" : NumberFormat.exact(p)) is outside [0, 1]"
        case .lengthMismatch(let a, let b):
            "the vectors have different lengths (\(a) and \(b))"
        case .invalidParameter(let name, let value, let allowed):
            "\(name) = \(value) is not allowed; \(allowed)"
        case .lapack(let routine, let info):
            "LAPACK \(routine) failed (info = \(info))"
        case .shapeMismatch(let message):
            message
        case .aggregationDomain(let unit, let member, let value, let method, let allowed):
            "unit \(unit + 1) has \(member) = \(NumberFormat.exact(value)), which a \(method) mean cannot aggregate (it needs \(allowed))"
        case .constantColumn(let index, let method):
            "column \(index + 1) is constant (its observed values are all equal, or there is only one): "
                + "\(method) would divide by a spread of 0; leave the indicator out or use a rank normalisation"
        case .invalidCell(let row, let column, let value, let allowed):
            "the cell in row \(row + 1), column \(column + 1) is \(value.isNaN ? "missing" : NumberFormat.exact(value)); \(allowed)"
        case .zeroRow(let row, let other):
            "row \(row + 1) is all zero" + (other.map { " on the variables it shares with row \($0 + 1)" } ?? "")
                + ": a cosine distance needs a row with a non-zero value; leave the row out, require more shared variables (min_shared) or use another metric"
        case .collinearVariables(let columns):
            "columns \(columns.map { String($0 + 1) }.joined(separator: ", ")) are collinear (one is a linear "
                + "combination of the others), so their covariance matrix is singular; leave one of them out"
        case .interrupted:
            "interrupted"
        }
    }
}
