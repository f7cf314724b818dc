extension DistanceMatrix {
    /// Distances between the rows of `data` (NaN = missing cell), in scipy's condensed order.
    ///
    /// Complete data match scipy's `pdist(X, metric)` (see `DistanceMetric` for the metric names)
    /// to rounding. Missing cells follow R's `dist`: each pair uses the m of the p variables both
    /// rows have; Euclidean and standardised give `sqrt(p / m * sum of squares)`, Manhattan
    /// `p / m * sum`, cosine is computed on the shared variables without rescaling, Mahalanobis
    /// gives `sqrt(p / m * d' S^-1 d)` with `S` the covariance sub-block of the shared variables
    /// (the covariance from the complete rows, R's `use = "complete.obs"`). The standardised
    /// metric divides each column by the standard deviation (n - 1) of its observed values.
    /// A pair with fewer than `minimumShared` shared variables (default `max(1, ceil(p / 2))`)
    /// is NaN. `shared` holds the counts when any cell is missing, nil otherwise.
    ///
    /// Zero or one row gives a matrix without pairs.
    ///
    /// Complexity: O(n^2 p) (SIMD over pairs, all cores; plus O(n p^2 + p^3) for Mahalanobis);
    /// with missing cells Mahalanobis is O(n^2 p^2). Memory: the n (n - 1) / 2 distances plus a
    /// copy of the data (and the shared counts when cells are missing).
    ///
    /// - Throws: `StatsError.invalidParameter` for data without columns, an infinite cell (naming
    ///   its row and column, 1-based), `minimumShared` outside 1...p, a cosine with a row that is
    ///   all zero (on the variables it shares with another row), a Mahalanobis distance with
    ///   fewer than p + 1 complete rows; `constantColumn` for a constant column under the
    ///   standardised or Mahalanobis metric; `collinearVariables` when the covariance is
    ///   singular (Mahalanobis).
    public static func between(rows data: Matrix, metric: DistanceMetric = .euclidean,
                               minimumShared: Int? = nil) throws(StatsError) -> DistanceMatrix {
        try PairwiseDistances.between(data, metric: metric, minimumShared: minimumShared, general: false)
    }

    /// Dimension-balanced distances: `groups` are 0-based column indices per group (disjoint,
    /// non-empty, together any subset of the columns); `weights` one per group (default equal;
    /// must be >= 0, sum > 0).
    ///
    /// For each group, the distance over the group's columns (`metric`, the missing-value rules
    /// of `between(rows:)`, a pair needing one shared variable in the group, else the group is
    /// absent for the pair; standardisation statistics and covariance per group), divided by the
    /// group's largest distance over all pairs (a group whose largest distance is 0 contributes
    /// 0); then the weighted mean over the groups present for the pair, the weights renormalised
    /// over them. A pair whose shared count over all the groups' columns is below
    /// `minimumShared` (default `max(1, ceil(P / 2))`, P = the columns in groups), or for which
    /// only groups of weight 0 are present, is NaN. `variables` = P; `shared` counts over the
    /// groups' columns when any of their cells is missing.
    ///
    /// Complexity: O(n^2 P) time; memory two arrays of n (n - 1) / 2 distances (plus counts when
    /// cells are missing).
    ///
    /// - Throws: as `between(rows:)`, with the data's column numbers; `invalidParameter` for empty
    ///   or overlapping groups, a column index out of range, or weights of the wrong count,
    ///   negative, not finite or summing to 0.
    public static func balanced(rows data: Matrix, groups: [[Int]], weights: [Double]? = nil,
                                metric: DistanceMetric = .euclidean,
                                minimumShared: Int? = nil) throws(StatsError) -> DistanceMatrix {
        try PairwiseDistances.balanced(data, groups: groups, weights: weights, metric: metric,
                                       minimumShared: minimumShared, general: false)
    }
}

/// The implementation of `DistanceMatrix.between(rows:)` and `balanced(rows:groups:)`.
/// `general: true` sends complete data through the missing-data path (for tests).
enum PairwiseDistances {
    static func between(_ data: Matrix, metric: DistanceMetric, minimumShared: Int?,
                        general: Bool) throws(StatsError) -> DistanceMatrix {
        let (n, p) = (data.rows, data.columns)
        guard p > 0 else {
            throw .invalidParameter(name: "data", value: "\(n) x 0",
                                    allowed: "distances between rows need at least one column")
        }
        let minimum = try checkMinimumShared(minimumShared, variables: p)
        try checkFinite(data, columns: Array(0..<p))
        guard n > 1 else { return DistanceMatrix(count: n, values: [], variables: p) }
        return try WorkProgress.track("distances: \(WorkProgress.grouped(n * (n - 1) / 2)) pairs", total: n * (n - 1) / 2) {
            work throws(StatsError) in
            try WorkProgress.checkpoint()
            let (values, shared) = try distances(data, columns: Array(0..<p), metric: metric,
                                                 minimumShared: minimum, general: general, work: work)
            return DistanceMatrix(count: n, values: values, shared: shared, variables: p)
        }
    }

    static func balanced(_ data: Matrix, groups: [[Int]], weights: [Double]?, metric: DistanceMetric,
                         minimumShared: Int?, general: Bool) throws(StatsError) -> DistanceMatrix {
        let (n, p) = (data.rows, data.columns)
        guard !groups.isEmpty else {
            throw .invalidParameter(name: "groups", value: "[]", allowed: "balanced distances need at least one group of columns")
        }
        var seen = [Int?](repeating: nil, count: p)
        for (g, group) in groups.enumerated() {
            guard !group.isEmpty else {
                throw .invalidParameter(name: "groups", value: "group \(g + 1) empty", allowed: "every group needs at least one column")
            }
            for column in group {
                guard (0..<p).contains(column) else {
                    throw .invalidParameter(
                        name: "groups", value: "column \(column + 1) in group \(g + 1)",
                        allowed: "columns 1 to \(p) of the data")
                }
                if let other = seen[column] {
                    throw .invalidParameter(
                        name: "groups", value: "column \(column + 1) in group \(g + 1)",
                        allowed: "groups must be disjoint, and column \(column + 1) is already in group \(other + 1)")
                }
                seen[column] = g
            }
        }
        let weights = weights ?? [Double](repeating: 1, count: groups.count)
        guard weights.count == groups.count else {
            throw .invalidParameter(name: "weights", value: "\(weights.count) weights",
                                    allowed: "one weight per group (\(groups.count))")
        }
        for (g, w) in weights.enumerated() where !(w.isFinite && w >= 0) {
            throw .invalidParameter(name: "weights", value: "\(NumberFormat.exact(w)) for group \(g + 1)",
                                    allowed: "finite numbers >= 0")
        }
        guard weights.reduce(0, +) > 0 else {
            throw .invalidParameter(name: "weights", value: "all 0", allowed: "weights whose sum is above 0")
        }
        let total = groups.reduce(0) { $0 + $1.count }
        let minimum = try checkMinimumShared(minimumShared, variables: total)
        try checkFinite(data, columns: groups.flatMap { $0 })
        guard n > 1 else { return DistanceMatrix(count: n, values: [], variables: total) }

        let pairs = n * (n - 1) / 2
        return try WorkProgress.track(
            "balanced distances: \(WorkProgress.grouped(pairs)) pairs, \(groups.count) group\(groups.count == 1 ? "" : "s")",
            total: pairs * groups.count
        ) { work throws(StatsError) in
            try WorkProgress.checkpoint()
            return try balanced(data, groups: groups, weights: weights, metric: metric, total: total, minimum: minimum,
                                general: general, work: work)
        }
    }

    /// `balanced` after its checks, advancing `work` by the pairs of each group.
    private static func balanced(_ data: Matrix, groups: [[Int]], weights: [Double], metric: DistanceMetric, total: Int,
                                 minimum: Int, general: Bool, work: WorkProgress.Work) throws(StatsError) -> DistanceMatrix {
        let (n, p) = (data.rows, data.columns)
        let pairs = n * (n - 1) / 2
        var sum = [Double](repeating: 0, count: pairs)
        var weightSum = [Double](repeating: 0, count: pairs)
        var shared: [Int32]?
        for (g, group) in groups.enumerated() {
            var elements = [Double](repeating: 0, count: n * group.count)
            for i in 0..<n {
                for (a, column) in group.enumerated() { elements[i * group.count + a] = data.elements[i * p + column] }
            }
            let sub = Matrix(rows: n, columns: group.count, elements: elements)
            let (values, counts) = try distances(sub, columns: group, metric: metric, minimumShared: 1, general: general, work: work)
            var largest = 0.0
            for v in values where v > largest { largest = v }
            let w = weights[g]
            for index in 0..<pairs where !values[index].isNaN {
                sum[index] += w * (largest > 0 ? values[index] / largest : 0)
                weightSum[index] += w
            }
            if let counts {
                if shared == nil { shared = [Int32](repeating: Int32(total), count: pairs) }
                let missing = Int32(group.count)
                for index in 0..<pairs { shared![index] -= missing - counts[index] }
            }
        }
        for index in 0..<pairs {
            let tooFew = shared.map { Int($0[index]) < minimum } ?? false
            sum[index] = tooFew || weightSum[index] == 0 ? .nan : sum[index] / weightSum[index]
        }
        return DistanceMatrix(count: n, values: sum, shared: shared, variables: total)
    }

    static func checkMinimumShared(_ minimumShared: Int?, variables p: Int) throws(StatsError) -> Int {
        let minimum = minimumShared ?? max(1, (p + 1) / 2)
        guard (1...p).contains(minimum) else {
            throw .invalidParameter(name: "minimumShared", value: String(minimum),
                                    allowed: "a number of shared variables from 1 to \(p) (the variables used)")
        }
        return minimum
    }

    static func checkFinite(_ data: Matrix, columns: [Int]) throws(StatsError) {
        let p = data.columns
        for i in 0..<data.rows {
            for k in columns where data.elements[i * p + k].isInfinite {
                throw .invalidCell(row: i, column: k, value: data.elements[i * p + k],
                                   allowed: "distances need finite values (NaN marks a missing one); replace the infinite value or mark it missing")
            }
        }
    }

    /// The distances of `data` (n >= 2 rows, p >= 1 finite-or-NaN columns), and the shared
    /// counts when a cell is missing (or `general`). `columns` are the data's column indices
    /// for error messages. Advances `work` by the pairs; throws `StatsError.interrupted` when an
    /// interrupt is requested.
    static func distances(_ data: Matrix, columns: [Int], metric: DistanceMetric, minimumShared: Int,
                          general: Bool, work: WorkProgress.Work = .silent) throws(StatsError) -> (values: [Double], shared: [Int32]?) {
        let (n, p) = (data.rows, data.columns)
        let complete = !general && !data.elements.contains { $0.isNaN }
        if metric == .mahalanobis {
            let mahalanobis = try Mahalanobis(data, columns: columns)
            if complete {
                let whitened = mahalanobis.whitenedColumns(data)
                return (try PairwiseKernels.complete(EuclideanPairKernel.self, columns: whitened, count: n, variables: p, norms: nil,
                                                     work: work), nil)
            }
            let (values, shared) = try mahalanobis.missingDistances(data, minimumShared: minimumShared, work: work)
            return (values, shared)
        }
        var t = [Double](repeating: 0, count: p * n)  // column-major
        for i in 0..<n {
            for k in 0..<p { t[k * n + i] = data.elements[i * p + k] }
        }
        if metric == .standardised {
            for k in 0..<p {
                let spread = try observedStandardDeviation(t[(k * n)..<((k + 1) * n)], column: columns[k])
                for i in 0..<n { t[k * n + i] /= spread }
            }
        }
        switch (metric, complete) {
        case (.euclidean, true), (.standardised, true):
            return (try PairwiseKernels.complete(EuclideanPairKernel.self, columns: t, count: n, variables: p, norms: nil, work: work), nil)
        case (.manhattan, true):
            return (try PairwiseKernels.complete(ManhattanPairKernel.self, columns: t, count: n, variables: p, norms: nil, work: work), nil)
        case (.cosine, true):
            var norms = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = 0.0
                for k in 0..<p { s += t[k * n + i] * t[k * n + i] }
                norms[i] = s.squareRoot()
                if s == 0 {
                    throw .zeroRow(i, other: nil)
                }
            }
            return (try PairwiseKernels.complete(CosinePairKernel.self, columns: t, count: n, variables: p, norms: norms, work: work), nil)
        case (.euclidean, false), (.standardised, false), (.manhattan, false):
            let (values, shared) = try PairwiseKernels.missing(
                squared: metric != .manhattan, columns: t, count: n, variables: p, minimumShared: minimumShared, work: work)
            return (values, shared)
        case (.cosine, false):
            // A row whose observed values are all zero (a row with none observed has no pairs).
            for i in 0..<n where !(0..<p).contains(where: { t[$0 * n + i] != 0 && !t[$0 * n + i].isNaN })
                && (0..<p).contains(where: { t[$0 * n + i] == 0 }) {
                throw .zeroRow(i, other: nil)
            }
            let (values, shared) = try PairwiseKernels.missingCosine(
                columns: t, count: n, variables: p, minimumShared: minimumShared, work: work)
            return (values, shared)
        case (.mahalanobis, _):
            preconditionFailure("handled above")
        }
    }

    /// The standard deviation (n - 1, two passes as numpy) of the observed values of a column.
    /// - Throws: `constantColumn` when the observed values are all equal or fewer than two.
    static func observedStandardDeviation(_ values: ArraySlice<Double>, column: Int) throws(StatsError) -> Double {
        var count = 0, sum = 0.0
        var first: Double?, varies = false
        for v in values where !v.isNaN {
            count += 1
            sum += v
            if let first { varies = varies || v != first } else { first = v }
        }
        guard varies else { throw .constantColumn(index: column, method: "a standardised distance") }
        let mean = sum / Double(count)
        var squares = 0.0
        for v in values where !v.isNaN { squares += (v - mean) * (v - mean) }
        return (squares / Double(count - 1)).squareRoot()
    }
}
