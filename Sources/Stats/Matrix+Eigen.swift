import CLapack

/// The eigen-decomposition `A = V · diag(λ) · Vᵀ` of a real symmetric matrix.
public struct SymmetricEigendecomposition: Equatable, Sendable {
    /// The eigenvalues λ in descending order (the PCA convention: the first is the largest).
    /// numpy's `eigh` and LAPACK return them ascending; these are reversed.
    public var eigenvalues: [Double]
    /// The orthonormal eigenvectors V as columns: column `j` belongs to `eigenvalues[j]`. Each
    /// column's entry of largest magnitude is positive (see `Matrix.symmetricEigen()`).
    public var eigenvectors: Matrix
}

extension Matrix {
    /// The eigenvalues and eigenvectors of this symmetric matrix, through LAPACK `dsyevd`
    /// (divide and conquer; `LAPACKE_dsyevd`, row-major, `jobz = "V"`, `uplo = "U"`). Matches
    /// `numpy.linalg.eigh(A, UPLO="U")` up to order and signs:
    ///
    /// - Eigenvalues come in DESCENDING order (the PCA convention), eigenvectors as the matching
    ///   columns of `eigenvectors`.
    /// - Eigenvectors are only defined up to sign, so each one is flipped to make its entry of
    ///   largest magnitude positive; when several entries tie in magnitude (within a relative
    ///   1e-10), the first of them is made positive. For `[[2, 1], [1, 2]]` this gives
    ///   (1, 1)/√2 for 3 and (1, -1)/√2 for 1. (Vectors of a repeated eigenvalue span a subspace,
    ///   and any orthonormal basis of it is as right as the one returned.)
    /// - Only the upper triangle (with the diagonal) is read; the strict lower triangle is assumed
    ///   to mirror it and is not checked.
    ///
    /// Complexity O(n³) time, O(n²) memory.
    ///
    /// - Throws: `StatsError.shapeMismatch` if the matrix is not square;
    ///   `StatsError.invalidParameter` naming the first entry of the upper triangle that is NaN
    ///   or infinite; `StatsError.lapack(routine: "dsyevd", info:)` if LAPACK reports failure
    ///   (`info > 0`: the algorithm did not converge).
    public func symmetricEigen() throws(StatsError) -> SymmetricEigendecomposition {
        guard rows == columns else {
            throw .shapeMismatch(
                "a symmetric eigen-decomposition needs a square matrix, not a \(rows) x \(columns) one")
        }
        let n = rows
        for i in 0..<n {
            for j in i..<n where !elements[i * n + j].isFinite {
                throw Self.nonFinite(elements[i * n + j], row: i, column: j, in: "a symmetric eigen-decomposition")
            }
        }
        guard n > 0 else { return SymmetricEigendecomposition(eigenvalues: [], eigenvectors: self) }

        var a = elements  // overwritten by the eigenvectors (as columns)
        var w = [Double](repeating: 0, count: n)  // ascending eigenvalues
        OpenBLASKernel.ensure()
        let info = a.withUnsafeMutableBufferPointer { a in
            w.withUnsafeMutableBufferPointer { w in
                LAPACKE_dsyevd(
                    LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
                    Int32(n), a.baseAddress, Int32(n), w.baseAddress)
            }
        }
        guard info == 0 else { throw .lapack(routine: "dsyevd", info: Int(info)) }

        // Reverse the order: output column j is LAPACK's column n - 1 - j.
        var vectors = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            let source = n - 1 - j
            let sign = Self.conventionalSign(count: n) { a[$0 * n + source] }
            for i in 0..<n { vectors[i * n + j] = sign * a[i * n + source] }
        }
        return SymmetricEigendecomposition(
            eigenvalues: w.reversed(), eigenvectors: Matrix(rows: n, columns: n, elements: vectors))
    }

    /// The sign (1 or -1) that makes a vector's entry of largest magnitude positive; on ties in
    /// magnitude (within a relative 1e-10, so that rounding does not decide) the first such entry
    /// counts. The sign convention of `symmetricEigen()` and `singularValueDecomposition()`.
    /// O(count).
    static func conventionalSign(count: Int, _ entry: (Int) -> Double) -> Double {
        var largest = 0.0
        for i in 0..<count { largest = Swift.max(largest, abs(entry(i))) }
        guard largest > 0 else { return 1 }
        let threshold = largest * (1 - 1e-10)
        for i in 0..<count where abs(entry(i)) >= threshold {
            return entry(i) < 0 ? -1 : 1
        }
        return 1
    }

    /// The error for a NaN or infinite entry that a decomposition cannot take (row and column
    /// reported 1-based).
    static func nonFinite(_ value: Double, row: Int, column: Int, in operation: String) -> StatsError {
        .invalidParameter(
            name: "the entry in row \(row + 1), column \(column + 1)",
            value: value.isNaN ? "missing (NaN)" : String(value),
            allowed: "\(operation) needs finite entries; impute or drop missing values first")
    }
}
