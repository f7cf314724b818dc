/// Weights from the first principal component of a group of indicators, as COINr's `get_PCA`:
/// the PCA of the standardised data (R's `prcomp(x, center = TRUE, scale. = TRUE)`, i.e. the
/// eigenvectors of the correlation matrix, here through LAPACK `dsyevd`) over the rows without
/// a missing value, and the loadings of the first component as weights.
///
/// An eigenvector's sign is arbitrary (COINr keeps whatever `prcomp` returns); here it is chosen
/// so that the loadings sum to a positive number. A loading that is still negative cannot be a
/// weight: that is an error naming the column, never a silent clamp. O(n m² + m³) for n rows and
/// m columns.
public struct PrincipalComponentWeights: Sendable, Equatable {
    /// The loadings of the first component (unit length), one per column.
    public var weights: [Double]
    /// The share of the total variance the first component explains (its eigenvalue / m).
    public var explained: Double
    /// The rows used (those without a missing value).
    public var rowsUsed: Int

    /// - Parameter columns: one array per indicator (NaN = missing), all of the same length.
    /// - Throws: `StatsError.invalidParameter` with fewer than 2 columns, fewer than 3 complete
    ///   rows, a constant column, or a negative loading (naming the column's position).
    public init(columns: [[Double]]) throws(StatsError) {
        let m = columns.count
        guard m >= 2 else {
            throw .invalidParameter(name: "columns", value: String(m), allowed: "principal-component weights need at least 2 columns")
        }
        let n = columns[0].count
        guard columns.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch("the columns for principal-component weights have different lengths")
        }
        let complete = (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
        guard complete.count >= 3 else {
            throw .invalidParameter(name: "complete rows", value: String(complete.count),
                                    allowed: "principal-component weights need at least 3 rows without a missing value")
        }
        // Standardise the complete rows (sd with n - 1, as prcomp's scale.), then R = ZᵀZ / (n - 1).
        var z = [Double](repeating: 0, count: complete.count * m)
        for j in 0..<m {
            let x = complete.map { columns[j][$0] }
            let mean = Moments.mean(x)
            let sd = Moments.variance(x, mean: mean).squareRoot()
            guard sd > 0 else {
                throw .constantColumn(index: j, method: "principal-component weights (a constant column has no correlation)")
            }
            for (i, value) in x.enumerated() { z[i * m + j] = (value - mean) / sd }
        }
        let gram = Matrix(rows: complete.count, columns: m, elements: z).transposeTimesSelf()
        let correlation = Matrix(rows: m, columns: m, elements: gram.elements.map { $0 / Double(complete.count - 1) })
        let eigen = try correlation.symmetricEigen()
        var loadings = eigen.eigenvectors.column(0)
        if loadings.reduce(0, +) < 0 { loadings = loadings.map { -$0 } }
        if let negative = loadings.firstIndex(where: { $0 < 0 }) {
            throw .invalidParameter(name: "loading of column \(negative + 1)", value: NumberFormat.exact(loadings[negative]),
                                    allowed: "principal-component weights are the loadings of the first component, and a negative loading cannot be a weight; check the column's direction or give explicit weights")
        }
        weights = loadings
        explained = eigen.eigenvalues[0] / Double(m)
        rowsUsed = complete.count
    }
}
