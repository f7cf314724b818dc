import CLapack

/// A principal component analysis (`PrincipalComponentAnalysis.fit`), R `prcomp`'s result.
public struct PrincipalComponents: Sendable {
    /// The standard deviations of the components, descending (R `prcomp`'s `sdev`): the singular
    /// values of the centred (scaled) data divided by √(nUsed − 1). min(nUsed, p) of them.
    public let standardDeviations: [Double]
    /// Each component's share of the total variance: sdev² / Σ sdev² (sums to 1; NaN, 0 / 0, when
    /// the data do not vary at all, which only an unscaled analysis allows).
    public let explainedVariance: [Double]
    /// The loadings, variables x components (R `rotation`), orthonormal columns; each column's
    /// entry of largest magnitude is positive.
    public let loadings: Matrix
    /// The scores, rows x components (R `x`): the centred (scaled) rows times `loadings`; NaN for a
    /// row not used (one with a missing cell).
    public let scores: Matrix
    /// The column means over the rows used.
    public let center: [Double]
    /// The column standard deviations (n − 1) over the rows used, or nil when not scaled.
    public let scale: [Double]?
    /// The 0-based rows with complete data, those fitted.
    public let rowsUsed: [Int]
}

/// Principal component analysis of the rows of a data matrix, as R
/// `prcomp(x[complete.cases(x), ], center = TRUE, scale. = scale)`: the thin singular value
/// decomposition `Z = U · diag(d) · Vᵀ` (LAPACK `dgesvd`, without U; R uses `dgesdd`, the same
/// decomposition) of the complete rows, centred and, with
/// `scale`, divided by their column standard deviations (n − 1); sdev = d / √(nUsed − 1),
/// loadings = V, scores = Z · V. Rows with a missing (NaN) cell are left out of the fit and get NaN
/// scores.
///
/// Signs: a component is only defined up to sign (R keeps LAPACK's); here each loading column's
/// entry of largest magnitude is positive (first on ties), and the scores follow, the convention
/// of `Matrix.singularValueDecomposition()`. Compare with R up to a sign per component.
///
/// Complexity O(n · p · min(n, p)) time, O(n · p) memory for n rows and p columns.
public enum PrincipalComponentAnalysis {
    /// - Parameters:
    ///   - data: n x p, one row per item, NaN = missing.
    ///   - scale: standardise the columns (R's `scale. = TRUE`, PCA of the correlation matrix).
    /// - Throws: `StatsError.invalidParameter` with no columns, fewer than 2 complete rows, or an
    ///   infinite cell (naming its 1-based row and column); `StatsError.constantColumn` (0-based
    ///   index) for a column constant over the complete rows when `scale` is true;
    ///   `StatsError.lapack` if the SVD fails.
    public static func fit(rows data: Matrix, scale: Bool = true) throws(StatsError) -> PrincipalComponents {
        let n = data.rows, p = data.columns
        guard p > 0 else {
            throw .invalidParameter(name: "columns", value: "0",
                                    allowed: "a principal component analysis needs at least 1 column")
        }
        if let bad = data.elements.firstIndex(where: { $0.isInfinite }) {
            throw .invalidCell(row: bad / p, column: bad % p, value: data.elements[bad],
                               allowed: "a principal component analysis needs finite values (NaN marks a missing one)")
        }
        var used = [Int]()
        used.reserveCapacity(n)
        for i in 0..<n where !(0..<p).contains(where: { data.elements[i * p + $0].isNaN }) { used.append(i) }
        let m = used.count
        guard m >= 2 else {
            throw .invalidParameter(
                name: "complete rows", value: String(m),
                allowed: "a principal component analysis needs at least 2 rows without a missing cell")
        }

        // The centred (scaled) complete rows.
        var z = [Double](repeating: 0, count: m * p)
        for (r, i) in used.enumerated() {
            for c in 0..<p { z[r * p + c] = data.elements[i * p + c] }
        }
        var center = [Double](repeating: 0, count: p)
        for r in 0..<m {
            for c in 0..<p { center[c] += z[r * p + c] }
        }
        for c in 0..<p { center[c] /= Double(m) }
        for r in 0..<m {
            for c in 0..<p { z[r * p + c] -= center[c] }
        }
        var scales: [Double]?
        if scale {
            var squares = [Double](repeating: 0, count: p)
            for r in 0..<m {
                for c in 0..<p { squares[c] += z[r * p + c] * z[r * p + c] }
            }
            let sd = squares.map { ($0 / Double(m - 1)).squareRoot() }
            if let constant = sd.firstIndex(where: { !($0 > 0) }) {
                throw .constantColumn(index: constant, method: "a principal component analysis with scaling")
            }
            for r in 0..<m {
                for c in 0..<p { z[r * p + c] /= sd[c] }
            }
            scales = sd
        }

        if let bad = z.firstIndex(where: { !$0.isFinite }) {
            let row = used[bad / p], column = bad % p
            throw .invalidCell(row: row, column: column, value: data.elements[row * p + column],
                               allowed: "centring and scaling it overflows (the column's values are too large); rescale the column")
        }
        let components = min(m, p)
        let (singularValues, loadings) = try rightSingularVectors(z, rows: m, columns: p)
        let fitted = Matrix(rows: m, columns: p, elements: z) * loadings  // m x components
        var scores = [Double](repeating: .nan, count: n * components)
        for (r, i) in used.enumerated() {
            for c in 0..<components { scores[i * components + c] = fitted.elements[r * components + c] }
        }
        let root = Double(m - 1).squareRoot()
        let sdev = singularValues.map { $0 / root }
        let total = sdev.reduce(0) { $0 + $1 * $1 }
        return PrincipalComponents(
            standardDeviations: sdev, explainedVariance: sdev.map { total > 0 ? $0 * $0 / total : .nan },
            loadings: loadings, scores: Matrix(rows: n, columns: components, elements: scores),
            center: center, scale: scales, rowsUsed: used)
    }

    /// The singular values and right singular vectors (as the columns of a p x min(m, p) matrix,
    /// each with its entry of largest magnitude positive) of the row-major m x p matrix `z`,
    /// through LAPACK `dgesvd` without the left vectors. The row-major buffer is `zᵀ` column-major,
    /// whose left singular vectors are the wanted ones, so no transposed copy is made.
    /// O(m · p · min(m, p)).
    static func rightSingularVectors(_ z: [Double], rows m: Int, columns p: Int) throws(StatsError)
        -> ([Double], Matrix) {
        let k = min(m, p)
        var a = z  // destroyed by dgesvd
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: p * k)  // column-major p x k
        var superb = [Double](repeating: 0, count: max(1, k - 1))
        var unused = 0.0
        OpenBLASKernel.ensure()
        let info = a.withUnsafeMutableBufferPointer { a in
            s.withUnsafeMutableBufferPointer { s in
                u.withUnsafeMutableBufferPointer { u in
                    superb.withUnsafeMutableBufferPointer { superb in
                        LAPACKE_dgesvd(
                            LAPACK_COL_MAJOR, CChar(UInt8(ascii: "S")), CChar(UInt8(ascii: "N")),
                            Int32(p), Int32(m), a.baseAddress, Int32(p), s.baseAddress,
                            u.baseAddress, Int32(p), &unused, 1, superb.baseAddress)
                    }
                }
            }
        }
        guard info == 0 else { throw .lapack(routine: "dgesvd", info: Int(info)) }
        // Column j of u is component j's loadings: u[j * p + v]. Row-major p x k, signs fixed.
        var loadings = [Double](repeating: 0, count: p * k)
        for j in 0..<k {
            let sign = Matrix.conventionalSign(count: p) { u[j * p + $0] }
            for v in 0..<p { loadings[v * k + j] = sign * u[j * p + v] }
        }
        return (s, Matrix(rows: p, columns: k, elements: loadings))
    }
}
