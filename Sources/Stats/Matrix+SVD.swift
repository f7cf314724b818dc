import CLapack

/// The thin singular value decomposition `A = U · diag(σ) · Vᵀ` of an m x n matrix, with
/// k = min(m, n).
public struct SingularValueDecomposition: Equatable, Sendable {
    /// The left singular vectors: m x k with orthonormal columns.
    public var u: Matrix
    /// The k singular values σ, non-negative and in descending order.
    public var singularValues: [Double]
    /// The right singular vectors as rows: k x n with orthonormal rows (numpy's `Vh`). Each row's
    /// entry of largest magnitude is positive (see `Matrix.singularValueDecomposition()`).
    public var vt: Matrix
}

extension Matrix {
    /// The thin singular value decomposition through LAPACK `dgesdd` (divide and conquer;
    /// `LAPACKE_dgesdd`, row-major, `jobz = "S"`). Matches
    /// `numpy.linalg.svd(A, full_matrices=False)` up to signs: singular values descending, U
    /// m x k, Vᵀ k x n with k = min(m, n).
    ///
    /// Sign convention: each pair of singular vectors is only defined up to a common sign, so each
    /// row of Vᵀ is flipped (with the matching column of U) to make its entry of largest magnitude
    /// positive, first on ties, exactly as for the eigenvectors of `symmetricEigen()`. So for
    /// distinct singular values the rows of Vᵀ equal the eigenvectors of `transposeTimesSelf()`,
    /// the PCA loadings, whichever route computed them.
    ///
    /// Complexity O(m · n · min(m, n)) time, O(m · n + min(m, n)²) memory.
    ///
    /// - Throws: `StatsError.invalidParameter` naming the first entry that is NaN or infinite;
    ///   `StatsError.lapack(routine: "dgesdd", info:)` if LAPACK reports failure (`info > 0`:
    ///   the algorithm did not converge).
    public func singularValueDecomposition() throws(StatsError) -> SingularValueDecomposition {
        if let bad = elements.firstIndex(where: { !$0.isFinite }) {
            throw Self.nonFinite(
                elements[bad], row: bad / columns, column: bad % columns, in: "a singular value decomposition")
        }
        let m = rows, n = columns, k = Swift.min(m, n)
        guard k > 0 else {
            return SingularValueDecomposition(
                u: .zeros(rows: m, columns: 0), singularValues: [], vt: .zeros(rows: 0, columns: n))
        }

        var a = elements  // destroyed by dgesdd
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: m * k)
        var vt = [Double](repeating: 0, count: k * n)
        OpenBLASKernel.ensure()
        let info = a.withUnsafeMutableBufferPointer { a in
            s.withUnsafeMutableBufferPointer { s in
                u.withUnsafeMutableBufferPointer { u in
                    vt.withUnsafeMutableBufferPointer { vt in
                        LAPACKE_dgesdd(
                            LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), Int32(m), Int32(n),
                            a.baseAddress, Int32(n), s.baseAddress,
                            u.baseAddress, Int32(k), vt.baseAddress, Int32(n))
                    }
                }
            }
        }
        guard info == 0 else { throw .lapack(routine: "dgesdd", info: Int(info)) }

        for j in 0..<k {
            let sign = Self.conventionalSign(count: n) { vt[j * n + $0] }
            guard sign < 0 else { continue }
            for c in 0..<n { vt[j * n + c] = -vt[j * n + c] }
            for r in 0..<m { u[r * k + j] = -u[r * k + j] }
        }
        return SingularValueDecomposition(
            u: Matrix(rows: m, columns: k, elements: u), singularValues: s,
            vt: Matrix(rows: k, columns: n, elements: vt))
    }
}
