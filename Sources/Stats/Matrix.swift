import CLapack

/// A dense matrix of doubles stored row-major (numpy's default "C" order): the entry in row `i`,
/// column `j` (both 0-based) is `elements[i * columns + j]`.
///
/// Products go through CBLAS (OpenBLAS); the symmetric eigen-decomposition and the singular value
/// decomposition through LAPACKE (see `Matrix+Eigen.swift` and `Matrix+SVD.swift`). Shapes that do
/// not fit an arithmetic operation are programmer errors (preconditions); data that cannot be made
/// into a matrix, or a decomposition that fails, throws a `StatsError`.
public struct Matrix: Equatable, Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row after row (`rows * columns` of them).
    public private(set) var elements: [Double]

    /// A `rows` x `columns` matrix from its entries in row-major order. O(1) (the array is shared).
    ///
    /// - Precondition: `rows` and `columns` are not negative and `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have \(rows) rows and \(columns) columns")
        precondition(
            elements.count == rows * columns,
            "a \(rows) x \(columns) matrix needs \(rows * columns) elements, not \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from an array of its rows, like `numpy.array([[1, 2], [3, 4]])`. No rows make a
    /// 0 x 0 matrix. O(rows * columns).
    ///
    /// - Throws: `StatsError.shapeMismatch` naming the first row (1-based) whose length differs
    ///   from the first row's.
    public init(_ rowArrays: [[Double]]) throws(StatsError) {
        let columns = rowArrays.first?.count ?? 0
        var elements: [Double] = []
        elements.reserveCapacity(rowArrays.count * columns)
        for (index, row) in rowArrays.enumerated() {
            guard row.count == columns else {
                throw .shapeMismatch(
                    "row \(index + 1) has \(row.count) value\(row.count == 1 ? "" : "s") but row 1 has "
                        + "\(columns); every row of a matrix needs the same number of columns")
            }
            elements.append(contentsOf: row)
        }
        self.init(rows: rowArrays.count, columns: columns, elements: elements)
    }

    /// The `n` x `n` identity matrix (`numpy.eye(n)`). O(n²).
    public static func identity(_ n: Int) -> Matrix {
        precondition(n >= 0, "an identity matrix cannot have \(n) rows")
        var elements = [Double](repeating: 0, count: n * n)
        for i in 0..<n { elements[i * n + i] = 1 }
        return Matrix(rows: n, columns: n, elements: elements)
    }

    /// A `rows` x `columns` matrix of zeros.
    static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: [Double](repeating: 0, count: rows * columns))
    }

    /// The entry in row `row`, column `column` (both 0-based). O(1).
    ///
    /// - Precondition: both indices are in range.
    public subscript(row: Int, column: Int) -> Double {
        get {
            checkIndex(row: row, column: column)
            return elements[row * columns + column]
        }
        set {
            checkIndex(row: row, column: column)
            elements[row * columns + column] = newValue
        }
    }

    private func checkIndex(row: Int, column: Int) {
        precondition(
            (0..<rows).contains(row) && (0..<columns).contains(column),
            "index (\(row), \(column)) is outside a \(rows) x \(columns) matrix")
    }

    /// Row `i` (0-based) as an array. O(columns).
    public func row(_ i: Int) -> [Double] {
        precondition((0..<rows).contains(i), "row \(i) is outside a matrix with \(rows) rows")
        return Array(elements[(i * columns)..<((i + 1) * columns)])
    }

    /// Column `j` (0-based) as an array. O(rows).
    public func column(_ j: Int) -> [Double] {
        precondition((0..<columns).contains(j), "column \(j) is outside a matrix with \(columns) columns")
        return (0..<rows).map { elements[$0 * columns + j] }
    }

    /// The transpose (numpy's `A.T`, copied). O(rows * columns).
    public func transposed() -> Matrix {
        var result = [Double](repeating: 0, count: elements.count)
        for i in 0..<rows {
            for j in 0..<columns {
                result[j * rows + i] = elements[i * columns + j]
            }
        }
        return Matrix(rows: columns, columns: rows, elements: result)
    }
}

// MARK: - Products (CBLAS)

extension Matrix {
    /// The matrix product `lhs · rhs` (numpy's `lhs @ rhs`) through BLAS `dgemm` (row-major).
    /// O(m·k·n) for an m x k times a k x n matrix.
    ///
    /// - Precondition: `lhs.columns == rhs.rows`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(
            lhs.columns == rhs.rows,
            "cannot multiply a \(lhs.rows) x \(lhs.columns) matrix by a \(rhs.rows) x \(rhs.columns) matrix")
        let m = lhs.rows, n = rhs.columns, k = lhs.columns
        var product = [Double](repeating: 0, count: m * n)
        // BLAS rejects leading dimensions of 0; an empty inner dimension leaves the zero product.
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n, elements: product) }
        OpenBLASKernel.ensure()
        lhs.elements.withUnsafeBufferPointer { a in
            rhs.elements.withUnsafeBufferPointer { b in
                product.withUnsafeMutableBufferPointer { c in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k),
                        1, a.baseAddress, blasint(k), b.baseAddress, blasint(n), 0, c.baseAddress, blasint(n))
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: product)
    }

    /// The matrix-vector product `lhs · rhs` (numpy's `lhs @ rhs` with a 1-D `rhs`) through BLAS
    /// `dgemv` (row-major). O(rows * columns).
    ///
    /// - Precondition: `rhs.count == lhs.columns`.
    public static func * (lhs: Matrix, rhs: [Double]) -> [Double] {
        precondition(
            lhs.columns == rhs.count,
            "cannot multiply a \(lhs.rows) x \(lhs.columns) matrix by a vector of length \(rhs.count)")
        var product = [Double](repeating: 0, count: lhs.rows)
        guard lhs.rows > 0, lhs.columns > 0 else { return product }
        OpenBLASKernel.ensure()
        lhs.elements.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { x in
                product.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(
                        CblasRowMajor, CblasNoTrans, blasint(lhs.rows), blasint(lhs.columns),
                        1, a.baseAddress, blasint(lhs.columns), x.baseAddress, 1, 0, y.baseAddress, 1)
                }
            }
        }
        return product
    }

    /// The Gram matrix `Aᵀ·A` (numpy's `A.T @ A`), columns x columns and symmetric, through BLAS
    /// `dsyrk`, which computes one triangle; the other is filled in by symmetry, so the result is
    /// exactly symmetric. For a column-centred data matrix it is (n - 1) times the covariance
    /// matrix. O(rows · columns²) — about half the work of `transposed() * self`.
    public func transposeTimesSelf() -> Matrix {
        let n = columns, k = rows
        var gram = [Double](repeating: 0, count: n * n)
        guard n > 0, k > 0 else { return Matrix(rows: n, columns: n, elements: gram) }
        OpenBLASKernel.ensure()
        elements.withUnsafeBufferPointer { a in
            gram.withUnsafeMutableBufferPointer { c in
                // Row-major, transposed: A is k x n with leading dimension n; C = Aᵀ A is n x n.
                cblas_dsyrk(
                    CblasRowMajor, CblasUpper, CblasTrans, blasint(n), blasint(k),
                    1, a.baseAddress, blasint(n), 0, c.baseAddress, blasint(n))
            }
        }
        for i in 0..<n {
            for j in (i + 1)..<n { gram[j * n + i] = gram[i * n + j] }
        }
        return Matrix(rows: n, columns: n, elements: gram)
    }
}
