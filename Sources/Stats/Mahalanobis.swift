import CLapack

/// The covariance work behind Mahalanobis distances (`DistanceMatrix.between(rows:metric:
/// .mahalanobis)`): the covariance `S` of the complete rows (n - 1, `np.cov(X.T)`, R's
/// `cov(use = "complete.obs")`), its Cholesky factor `S = L L'` (LAPACK `dpotrf`), and
/// `d' S^-1 d = |L^-1 d|^2`, so that whitened rows `L^-1 x` (BLAS `dtrsm`) have Euclidean
/// distances equal to the Mahalanobis distances of the rows, exact to rounding.
struct Mahalanobis {
    /// The number of variables.
    let p: Int
    /// The column means of the complete rows.
    let means: [Double]
    /// The covariance, p x p row-major.
    let covariance: [Double]
    /// The lower Cholesky factor of `covariance`, p x p row-major (upper triangle zero).
    let factor: [Double]

    /// - Parameter columns: the 0-based indices of the variables in the caller's data, for
    ///   error messages.
    /// - Throws: `invalidParameter` when there are fewer than p + 1 complete rows,
    ///   `constantColumn` for a variable constant over the complete rows, `collinearVariables`
    ///   naming the variables of a singular covariance (eigenvalues of the correlation matrix at
    ///   most 1e-10 times the largest; the variables with a weight above 1e-6 in their
    ///   eigenvectors), `lapack` if `dpotrf` fails nevertheless. O(n p^2 + p^3).
    init(_ data: Matrix, columns: [Int]) throws(StatsError) {
        let (n, p) = (data.rows, data.columns)
        self.p = p
        let x = data.elements
        let complete = (0..<n).filter { i in !(0..<p).contains { x[i * p + $0].isNaN } }
        guard complete.count > p else {
            throw .invalidParameter(
                name: "complete rows", value: String(complete.count),
                allowed: "a Mahalanobis distance of \(p) variable\(p == 1 ? "" : "s") needs at least \(p + 1) rows "
                    + "without missing values to estimate an invertible covariance matrix; use fewer variables "
                    + "or the standardised metric")
        }
        for k in 0..<p {
            let first = x[complete[0] * p + k]
            if !complete.contains(where: { x[$0 * p + k] != first }) {
                throw .constantColumn(index: columns[k], method: "a Mahalanobis distance")
            }
        }
        // Two passes, as numpy: means, then the centred rows' Gram matrix / (n - 1).
        var means = [Double](repeating: 0, count: p)
        for i in complete {
            for k in 0..<p { means[k] += x[i * p + k] }
        }
        for k in 0..<p { means[k] /= Double(complete.count) }
        var centred = [Double](repeating: 0, count: complete.count * p)
        for (r, i) in complete.enumerated() {
            for k in 0..<p { centred[r * p + k] = x[i * p + k] - means[k] }
        }
        var covariance = Matrix(rows: complete.count, columns: p, elements: centred).transposeTimesSelf().elements
        for index in covariance.indices { covariance[index] /= Double(complete.count - 1) }
        self.means = means
        self.covariance = covariance

        // Collinearity: the correlation matrix's eigenvalues.
        var correlation = covariance
        for a in 0..<p {
            for b in 0..<p {
                correlation[a * p + b] = covariance[a * p + b]
                    / (covariance[a * p + a].squareRoot() * covariance[b * p + b].squareRoot())
            }
        }
        let eigen = try Matrix(rows: p, columns: p, elements: correlation).symmetricEigen()
        let largest = eigen.eigenvalues.first ?? 0
        var collinear = Set<Int>()
        for (j, value) in eigen.eigenvalues.enumerated() where value <= 1e-10 * largest {
            for k in 0..<p where abs(eigen.eigenvectors[k, j]) > 1e-6 { collinear.insert(columns[k]) }
        }
        if !collinear.isEmpty { throw .collinearVariables(collinear.sorted()) }

        self.factor = try Self.cholesky(covariance, p)
    }

    /// The lower Cholesky factor (row-major, upper triangle zeroed) of a p x p SPD matrix.
    static func cholesky(_ matrix: [Double], _ p: Int) throws(StatsError) -> [Double] {
        var a = matrix
        OpenBLASKernel.ensure()
        let info = a.withUnsafeMutableBufferPointer {
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "L")), Int32(p), $0.baseAddress, Int32(p))
        }
        guard info == 0 else { throw .lapack(routine: "dpotrf", info: Int(info)) }
        for r in 0..<p {
            for c in (r + 1)..<max(r + 1, p) { a[r * p + c] = 0 }
        }
        return a
    }

    /// The whitened rows `L^-1 (x_i - mean)` of complete data, column-major (p x n row-major:
    /// variable k of row j at `k * n + j`), through BLAS `dtrsm`. O(n p^2).
    func whitenedColumns(_ data: Matrix) -> [Double] {
        let n = data.rows
        var b = [Double](repeating: 0, count: p * n)
        for i in 0..<n {
            for k in 0..<p { b[k * n + i] = data.elements[i * p + k] - means[k] }
        }
        guard n > 0 else { return b }
        OpenBLASKernel.ensure()
        factor.withUnsafeBufferPointer { l in
            b.withUnsafeMutableBufferPointer { b in
                cblas_dtrsm(CblasRowMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit,
                            blasint(p), blasint(n), 1, l.baseAddress, blasint(p), b.baseAddress, blasint(n))
            }
        }
        return b
    }

    /// Distances with NaN cells: each pair on its m shared variables, `sqrt(p / m * d' S_ss^-1 d)`
    /// with `S_ss` the covariance sub-block of the shared variables (factorised once per pattern
    /// of shared variables and cached); fewer than `minimumShared` shared variables give NaN.
    /// O(n^2 p^2) plus O(p^3) per distinct pattern.
    func missingDistances(_ data: Matrix, minimumShared: Int,
                          work: WorkProgress.Work = .silent) throws(StatsError) -> (values: [Double], shared: [Int32]) {
        let n = data.rows
        let x = data.elements
        let words = (p + 63) / 64
        var cache: [[UInt64]: [Double]] = [:]  // pattern -> lower factor of its sub-block
        var values = [Double](repeating: .nan, count: n * (n - 1) / 2)
        var shared = [Int32](repeating: 0, count: values.count)
        var pattern = [UInt64](repeating: 0, count: words)
        var indices = [Int](), z = [Double](repeating: 0, count: p)
        var position = 0
        for i in 0..<n {
            try WorkProgress.checkpoint()  // a row: O(n p²) work
            work.advance(by: n - 1 - i)
            for j in (i + 1)..<n {
                defer { position += 1 }
                for w in 0..<words { pattern[w] = 0 }
                indices.removeAll(keepingCapacity: true)
                for k in 0..<p where !x[i * p + k].isNaN && !x[j * p + k].isNaN {
                    pattern[k >> 6] |= 1 << UInt64(k & 63)
                    indices.append(k)
                }
                let m = indices.count
                shared[position] = Int32(m)
                guard m >= minimumShared, m > 0 else { continue }
                let l: [Double]
                if let cached = cache[pattern] {
                    l = cached
                } else {
                    var block = [Double](repeating: 0, count: m * m)
                    for (a, ka) in indices.enumerated() {
                        for (b, kb) in indices.enumerated() { block[a * m + b] = covariance[ka * p + kb] }
                    }
                    l = try Self.cholesky(block, m)
                    cache[pattern] = l
                }
                // Forward substitution L z = d.
                var sum = 0.0
                for a in 0..<m {
                    var s = x[i * p + indices[a]] - x[j * p + indices[a]]
                    for b in 0..<a { s -= l[a * m + b] * z[b] }
                    z[a] = s / l[a * m + a]
                    sum += z[a] * z[a]
                }
                values[position] = (Double(p) / Double(m) * sum).squareRoot()
            }
        }
        return (values, shared)
    }
}
