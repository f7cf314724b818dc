/// The distances between every pair of `count` items, stored once per pair in scipy's condensed
/// order (`scipy.spatial.distance.pdist`, `squareform`; R's `dist` stores the same pairs in the
/// same order): the pair `(i, j)` with `i < j` sits at `count * i - i * (i + 1) / 2 + j - i - 1`.
///
/// A missing distance (a pair with too few shared variables) is NaN. `shared` counts, per pair,
/// the variables the distance used; it is nil when every pair used all `variables`.
///
/// Memory: `count * (count - 1) / 2` doubles (plus as many 32-bit counts when data are missing):
/// 400 MB for 10,000 items.
public struct DistanceMatrix: Sendable, Equatable {
    /// The number of items (rows of the data).
    public let count: Int
    /// The distances in condensed order; NaN = missing.
    public var values: [Double]
    /// The number of variables each pair's distance used (condensed order), or nil when all used
    /// `variables`.
    public var shared: [Int32]?
    /// The number of variables of the data (0 when the distances were given directly).
    public let variables: Int

    /// Distances in condensed order.
    ///
    /// - Precondition: `values.count == count * (count - 1) / 2`, and `shared` (if any) as long.
    public init(count: Int, values: [Double], shared: [Int32]? = nil, variables: Int = 0) {
        precondition(count >= 0, "a distance matrix cannot have \(count) items")
        precondition(values.count == count * (count - 1) / 2,
                     "\(count) items have \(count * (count - 1) / 2) pairs, not \(values.count)")
        precondition(shared.map { $0.count == values.count } ?? true, "one shared count per pair")
        self.count = count
        self.values = values
        self.shared = shared
        self.variables = variables
    }

    /// The distances of a full symmetric `count` x `count` matrix given as rows (R's `as.dist`,
    /// scipy's `squareform`): only the upper triangle is read.
    ///
    /// - Throws: `StatsError.shapeMismatch` when the rows do not make a square matrix.
    public init(square rows: [[Double]]) throws(StatsError) {
        let n = rows.count
        for (i, row) in rows.enumerated() where row.count != n {
            throw .shapeMismatch("row \(i + 1) of a distance matrix has \(row.count) values; a matrix of \(n) items needs \(n) per row")
        }
        var values = [Double]()
        values.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<n {
            for j in (i + 1)..<n { values.append(rows[i][j]) }
        }
        self.init(count: n, values: values)
    }

    /// The position of the pair `(i, j)`, `i != j`, in `values`. O(1).
    @inlinable
    public func index(_ i: Int, _ j: Int) -> Int {
        precondition(i != j && (0..<count).contains(i) && (0..<count).contains(j),
                     "(\(i), \(j)) is not a pair of distinct items among \(count)")
        let (a, b) = i < j ? (i, j) : (j, i)
        return count * a - a * (a + 1) / 2 + b - a - 1
    }

    /// The distance between items `i` and `j` (0-based); 0 when `i == j`. O(1).
    public subscript(i: Int, j: Int) -> Double {
        i == j ? 0 : values[index(i, j)]
    }

    /// The number of variables the distance between `i` and `j` used. O(1).
    public func sharedCount(_ i: Int, _ j: Int) -> Int {
        guard i != j, let shared else { return variables }
        return Int(shared[index(i, j)])
    }
}
