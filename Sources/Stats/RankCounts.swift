/// How often each unit took each rank over the samples of a Monte Carlo analysis: an n × n table
/// of integers (n units, ranks 1...n) plus, per unit, the samples in which it had no rank (its
/// score was missing). Everything about a unit's rank distribution follows exactly from its row:
/// the mean, and any sample quantile — the same number numpy's `np.quantile(ranks, p, method=)`
/// gives on the list of the unit's ranks (without the unranked samples), as if each rank were
/// stored once per sample. Memory n² integers whatever the number of samples.
public struct RankCounts: Sendable, Equatable {
    /// The number of units (and of possible ranks).
    public let units: Int
    /// `counts[unit * units + rank - 1]`: the samples in which `unit` (0-based) took `rank`.
    public internal(set) var counts: [Int]
    /// Per unit, the samples in which it had no rank.
    public internal(set) var unranked: [Int]

    /// A table of zeros.
    public init(units: Int) {
        self.units = units
        counts = Array(repeating: 0, count: units * units)
        unranked = Array(repeating: 0, count: units)
    }

    /// Counts from a full table (row per unit, column per rank) and the unranked counts.
    ///
    /// - Throws: `StatsError.shapeMismatch` when the table is not n × n with n unranked counts, and
    ///   `StatsError.invalidParameter` for a negative count.
    public init(frequencies: [[Int]], unranked: [Int]) throws(StatsError) {
        let n = frequencies.count
        guard unranked.count == n, frequencies.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch("rank counts need an n x n table and n unranked counts (n = \(n))")
        }
        guard frequencies.allSatisfy({ $0.allSatisfy { $0 >= 0 } }), unranked.allSatisfy({ $0 >= 0 }) else {
            throw .invalidParameter(name: "rank count", value: "negative", allowed: "counts of 0 or more")
        }
        units = n
        counts = frequencies.flatMap { $0 }
        self.unranked = unranked
    }

    /// The counts of ranks 1...n of `unit`.
    public func frequencies(of unit: Int) -> ArraySlice<Int> { counts[(unit * units)..<((unit + 1) * units)] }

    /// The number of samples in which `unit` had a rank.
    public func ranked(_ unit: Int) -> Int { frequencies(of: unit).reduce(0, +) }

    /// The mean rank of `unit` over the samples where it had one; NaN if it never had one. O(n).
    public func meanRank(of unit: Int) -> Double {
        var total = 0, weighted = 0.0
        for (r, c) in frequencies(of: unit).enumerated() {
            total += c
            weighted += Double(c) * Double(r + 1)
        }
        return total == 0 ? .nan : weighted / Double(total)
    }

    /// Sample quantiles of the ranks of `unit`, of any Hyndman & Fan type (default type 7,
    /// numpy's `linear`), computed from the counts exactly as `quantiles` computes them on the
    /// stored ranks: the same order statistics, the same interpolation. NaN if the unit never had
    /// a rank. O(n + probabilities).
    ///
    /// - Throws: `StatsError.probabilityOutOfRange` for a probability outside [0, 1].
    public func rankQuantiles(of unit: Int, _ probabilities: [Double], type: QuantileType = .default) throws(StatsError) -> [Double] {
        for (index, p) in probabilities.enumerated() where !(p >= 0 && p <= 1) {
            throw .probabilityOutOfRange(p, position: index)
        }
        let row = frequencies(of: unit)
        let m = row.reduce(0, +)
        guard m > 0 else { return probabilities.map { _ in .nan } }
        // The k-th order statistic (0-based) of the ranks: the smallest rank whose cumulative count exceeds k.
        func orderStatistic(_ k: Int) -> Double {
            var cumulative = 0
            for (r, c) in row.enumerated() {
                cumulative += c
                if cumulative > k { return Double(r + 1) }
            }
            return Double(units)
        }
        return probabilities.map { p in
            let plan = QuantilePlan(count: m, probability: p, type: type)
            guard let gamma = plan.gamma else { return orderStatistic(plan.lower) }
            return Interpolation.lerp(orderStatistic(plan.lower), orderStatistic(plan.upper), gamma)
        }
    }

    /// Adds another table of the same size (integer addition, so the order of merging never
    /// changes the result).
    public mutating func add(_ other: RankCounts) {
        precondition(other.units == units, "rank tables of \(units) and \(other.units) units")
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in unranked.indices { unranked[i] += other.unranked[i] }
    }
}
