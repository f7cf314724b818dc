import Testing

import Stats

@Suite struct MatrixTests {
    // MARK: Helpers

    static func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in rng.unit() * 2 - 1 })
    }

    static func randomSymmetric(_ n: Int, seed: UInt64) -> Matrix {
        let m = randomMatrix(rows: n, columns: n, seed: seed)
        var s = m
        for i in 0..<n { for j in 0..<n { s[i, j] = (m[i, j] + m[j, i]) / 2 } }
        return s
    }

    static func diagonal(_ values: [Double]) -> Matrix {
        var d = Matrix.identity(values.count)
        for (i, v) in values.enumerated() { d[i, i] = v }
        return d
    }

    static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    static func expectClose(
        _ a: Matrix, _ b: Matrix, tolerance: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.rows == b.rows && a.columns == b.columns, sourceLocation: sourceLocation)
        guard a.rows == b.rows && a.columns == b.columns else { return }
        let difference = maxAbsDifference(a.elements, b.elements)
        #expect(difference <= tolerance, "max |difference| \(difference)", sourceLocation: sourceLocation)
    }

    static func expectClose(
        _ a: [Double], _ b: [Double], tolerance: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        guard a.count == b.count else { return }
        let difference = maxAbsDifference(a, b)
        #expect(difference <= tolerance, "max |difference| \(difference)", sourceLocation: sourceLocation)
    }

    /// The entry of largest magnitude (first on ties within 1e-10) is positive.
    static func followsSignConvention(_ v: [Double]) -> Bool {
        let largest = v.map(abs).max() ?? 0
        guard let first = v.first(where: { abs($0) >= largest * (1 - 1e-10) }) else { return true }
        return first > 0
    }

    // MARK: Construction and access

    @Test func constructionAndAccess() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.elements == [1, 2, 3, 4, 5, 6])
        #expect(a == Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6]))
        #expect(a[1, 0] == 4)
        #expect(a[0, 2] == 3)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(2) == [3, 6])
        #expect(a.transposed() == (try Matrix([[1, 4], [2, 5], [3, 6]])))
        #expect(a.transposed().transposed() == a)

        var b = a
        b[0, 1] = 20
        #expect(b.elements == [1, 20, 3, 4, 5, 6])
        #expect(a[0, 1] == 2)  // value semantics

        #expect(Matrix.identity(3) == (try Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]])))
        #expect(try Matrix([]) == Matrix(rows: 0, columns: 0, elements: []))
        #expect(try Matrix([[], []]) == Matrix(rows: 2, columns: 0, elements: []))
    }

    @Test func raggedRowsAreNamed() {
        #expect(throws: StatsError.shapeMismatch(
            "row 3 has 2 values but row 1 has 3; every row of a matrix needs the same number of columns")
        ) {
            try Matrix([[1, 2, 3], [4, 5, 6], [7, 8]])
        }
        #expect(throws: StatsError.shapeMismatch(
            "row 2 has 1 value but row 1 has 2; every row of a matrix needs the same number of columns")
        ) {
            try Matrix([[1, 2], [3]])
        }
    }

    // MARK: Products

    @Test func product2x2ByHand() throws {
        let a = try Matrix([[1, 2], [3, 4]])
        let b = try Matrix([[5, 6], [7, 8]])
        // [1·5 + 2·7, 1·6 + 2·8; 3·5 + 4·7, 3·6 + 4·8]
        #expect(a * b == (try Matrix([[19, 22], [43, 50]])))
        #expect(b * a == (try Matrix([[23, 34], [31, 46]])))
        #expect(a * .identity(2) == a)
    }

    @Test func product3x3ByHand() throws {
        let a = try Matrix([[1, 2, 0], [0, 1, 3], [2, -1, 1]])
        let b = try Matrix([[2, 0, 1], [1, 3, 0], [0, -2, 4]])
        // Row 1: [2 + 2 + 0, 0 + 6 + 0, 1 + 0 + 0]; row 2: [0 + 1 + 0, 0 + 3 - 6, 0 + 0 + 12];
        // row 3: [4 - 1 + 0, 0 - 3 - 2, 2 + 0 + 4].
        #expect(a * b == (try Matrix([[4, 6, 1], [1, -3, 12], [3, -5, 6]])))
    }

    @Test func rectangularAndEmptyProducts() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])  // 2 x 3
        let b = try Matrix([[7, 8], [9, 10], [11, 12]])  // 3 x 2
        #expect(a * b == (try Matrix([[58, 64], [139, 154]])))
        #expect(b * a == (try Matrix([[39, 54, 69], [49, 68, 87], [59, 82, 105]])))
        // An empty inner dimension gives the zero matrix, like numpy.
        let empty = Matrix(rows: 2, columns: 0, elements: []) * Matrix(rows: 0, columns: 3, elements: [])
        #expect(empty == Matrix(rows: 2, columns: 3, elements: [0, 0, 0, 0, 0, 0]))
    }

    @Test func matrixTimesVector() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(a * [1, 0, -1] == [-2, -2])
        #expect(a * [0.5, 1, 2] == [8.5, 19])
        #expect(Matrix(rows: 2, columns: 0, elements: []) * [] == [0, 0])
    }

    @Test func transposeTimesSelfByHand() throws {
        let a = try Matrix([[1, 2], [3, 4], [5, 6]])
        // [1 + 9 + 25, 2 + 12 + 30; ., 4 + 16 + 36]
        #expect(a.transposeTimesSelf() == (try Matrix([[35, 44], [44, 56]])))
        let noRows = Matrix(rows: 0, columns: 2, elements: [])
        #expect(noRows.transposeTimesSelf() == Matrix(rows: 2, columns: 2, elements: [0, 0, 0, 0]))
    }

    @Test(arguments: [(7, 4, UInt64(1)), (3, 5, 2), (20, 20, 3), (1, 6, 4)])
    func transposeTimesSelfMatchesGemm(rows: Int, columns: Int, seed: UInt64) {
        let a = Self.randomMatrix(rows: rows, columns: columns, seed: seed)
        let gram = a.transposeTimesSelf()
        Self.expectClose(gram, a.transposed() * a, tolerance: 1e-13)
        #expect(gram == gram.transposed())  // both triangles filled, exactly symmetric
    }

    // MARK: Symmetric eigen-decomposition

    @Test func eigen2x2() throws {
        let e = try Matrix([[2, 1], [1, 2]]).symmetricEigen()
        Self.expectClose(e.eigenvalues, [3, 1], tolerance: 1e-14)
        let r = 0.5.squareRoot()
        // Columns (1, 1)/√2 and (1, -1)/√2: the first entry wins the tie in magnitude.
        Self.expectClose(e.eigenvectors, try Matrix([[r, r], [r, -r]]), tolerance: 1e-14)
    }

    @Test func eigen3x3AgainstNumpy() throws {
        let a = try Matrix([[4, 1, 2], [1, 3, 0], [2, 0, 5]])
        let e = try a.symmetricEigen()
        // numpy 2.4.6: w, V = numpy.linalg.eigh(A); reversed to descending order, each column
        // flipped to make its largest-|.| entry positive.
        Self.expectClose(e.eigenvalues, [6.669079088282287, 3.4760236029181333, 1.8548973087995761])
        let v = try Matrix([
            [0.6311789687764832, 0.374361954783072, 0.6793130619863363],
            [0.1720265367929077, 0.7864356987513781, -0.5932333119173852],
            [0.7563200248659909, -0.4912962635115686, -0.4319814827585529],
        ])
        Self.expectClose(e.eigenvectors, v)
    }

    @Test func eigenReadsOnlyTheUpperTriangle() throws {
        let symmetric = try Matrix([[4, 1, 2], [1, 3, 0], [2, 0, 5]])
        let upperOnly = try Matrix([[4, 1, 2], [-99, 3, 0], [.nan, 7, 5]])
        #expect(try upperOnly.symmetricEigen() == symmetric.symmetricEigen())
    }

    @Test func eigenSmallCases() throws {
        let one = try Matrix([[-2.5]]).symmetricEigen()
        #expect(one.eigenvalues == [-2.5])
        #expect(one.eigenvectors == Matrix(rows: 1, columns: 1, elements: [1]))
        let none = try Matrix.identity(0).symmetricEigen()
        #expect(none.eigenvalues.isEmpty && none.eigenvectors.rows == 0)
        // Already diagonal: values sorted descending, vectors the permuted unit vectors.
        let d = try Self.diagonal([1, 5, 3]).symmetricEigen()
        #expect(d.eigenvalues == [5, 3, 1])
        #expect(d.eigenvectors == (try Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]])))
    }

    @Test func eigenErrors() throws {
        #expect(throws: StatsError.shapeMismatch(
            "a symmetric eigen-decomposition needs a square matrix, not a 2 x 3 one")
        ) {
            try Matrix([[1, 2, 3], [4, 5, 6]]).symmetricEigen()
        }
        #expect(throws: StatsError.invalidParameter(
            name: "the entry in row 1, column 2", value: "missing (NaN)",
            allowed: "a symmetric eigen-decomposition needs finite entries; impute or drop missing values first")
        ) {
            try Matrix([[1, .nan], [.nan, 1]]).symmetricEigen()
        }
        #expect(throws: StatsError.self) { try Matrix([[1, 0], [0, .infinity]]).symmetricEigen() }
    }

    @Test(arguments: [(1, UInt64(11)), (2, 12), (3, 13), (5, 14), (8, 15), (30, 16)])
    func eigenReconstructsRandomSymmetric(n: Int, seed: UInt64) throws {
        let a = Self.randomSymmetric(n, seed: seed)
        let e = try a.symmetricEigen()
        let v = e.eigenvectors
        #expect(e.eigenvalues.count == n)
        #expect(zip(e.eigenvalues, e.eigenvalues.dropFirst()).allSatisfy { $0 >= $1 })
        // V diag(λ) Vᵀ = A, VᵀV = I, A v = λ v.
        Self.expectClose(v * Self.diagonal(e.eigenvalues) * v.transposed(), a, tolerance: 1e-12)
        Self.expectClose(v.transposeTimesSelf(), .identity(n), tolerance: 1e-13)
        for j in 0..<n {
            Self.expectClose(a * v.column(j), v.column(j).map { $0 * e.eigenvalues[j] }, tolerance: 1e-12)
            #expect(Self.followsSignConvention(v.column(j)))
        }
        // The trace is the sum of the eigenvalues.
        let trace = (0..<n).reduce(0.0) { $0 + a[$1, $1] }
        #expect(abs(trace - e.eigenvalues.reduce(0, +)) < 1e-12)
    }

    // MARK: Singular value decomposition

    @Test func svd3x2AgainstNumpy() throws {
        let a = try Matrix([[1, 2], [3, 4], [5, 6]])
        let svd = try a.singularValueDecomposition()
        // numpy 2.4.6: U, s, Vh = numpy.linalg.svd(A, full_matrices=False); each row of Vh (with
        // the matching column of U) flipped to make its largest-|.| entry positive.
        Self.expectClose(svd.singularValues, [9.52551809156511, 0.5143005806586441])
        Self.expectClose(
            svd.u,
            try Matrix([
                [0.2298476964000714, -0.8834610176985254],
                [0.5247448187602937, -0.24078249213254635],
                [0.8196419411205158, 0.4018960334334318],
            ]))
        Self.expectClose(
            svd.vt,
            try Matrix([
                [0.6196294838293405, 0.7848944532670524],
                [0.7848944532670524, -0.6196294838293405],
            ]))
    }

    @Test(arguments: [(5, 3, UInt64(21)), (3, 5, 22), (4, 4, 23), (1, 3, 24), (3, 1, 25), (40, 12, 26)])
    func svdReconstructsRandom(rows: Int, columns: Int, seed: UInt64) throws {
        let a = Self.randomMatrix(rows: rows, columns: columns, seed: seed)
        let svd = try a.singularValueDecomposition()
        let k = min(rows, columns)
        #expect(svd.u.rows == rows && svd.u.columns == k)
        #expect(svd.vt.rows == k && svd.vt.columns == columns)
        #expect(svd.singularValues.count == k)
        #expect(svd.singularValues.allSatisfy { $0 >= 0 })
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        // U Σ Vᵀ = A; the columns of U and the rows of Vᵀ are orthonormal.
        Self.expectClose(svd.u * Self.diagonal(svd.singularValues) * svd.vt, a, tolerance: 1e-12)
        Self.expectClose(svd.u.transposeTimesSelf(), .identity(k), tolerance: 1e-13)
        Self.expectClose(svd.vt * svd.vt.transposed(), .identity(k), tolerance: 1e-13)
        for j in 0..<k { #expect(Self.followsSignConvention(svd.vt.row(j))) }
    }

    @Test func svdAgreesWithEigenOfGram() throws {
        // The same sign convention makes the rows of Vᵀ the eigenvectors of AᵀA, and σ² its
        // eigenvalues.
        let a = Self.randomMatrix(rows: 9, columns: 4, seed: 31)
        let svd = try a.singularValueDecomposition()
        let e = try a.transposeTimesSelf().symmetricEigen()
        Self.expectClose(e.eigenvalues, svd.singularValues.map { $0 * $0 }, tolerance: 1e-12)
        Self.expectClose(e.eigenvectors.transposed(), svd.vt, tolerance: 1e-10)
    }

    @Test func svdSmallCasesAndErrors() throws {
        let empty = try Matrix(rows: 0, columns: 3, elements: []).singularValueDecomposition()
        #expect(empty.singularValues.isEmpty)
        #expect(empty.u.rows == 0 && empty.u.columns == 0 && empty.vt.rows == 0 && empty.vt.columns == 3)
        // A rank-one matrix: one non-zero singular value, ‖(3, 4)‖·‖(1, 2)‖ = 5·√5.
        let rankOne = try Matrix([[3, 6], [4, 8]]).singularValueDecomposition()
        Self.expectClose(rankOne.singularValues, [5 * 5.0.squareRoot(), 0], tolerance: 1e-13)
        #expect(throws: StatsError.invalidParameter(
            name: "the entry in row 2, column 1", value: "inf",
            allowed: "a singular value decomposition needs finite entries; impute or drop missing values first")
        ) {
            try Matrix([[1, 2], [.infinity, 4]]).singularValueDecomposition()
        }
    }
}
