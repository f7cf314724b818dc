/// How tied values share ranks, as R's `rank(ties.method =)`.
public enum TieMethod: String, CaseIterable, Sendable {
    /// The lowest rank of the tie ("sport" ranking: 1, 2, 2, 4); the toolkit's default.
    case min
    /// The mean of the tie's ranks (1, 2.5, 2.5, 4); what Spearman's correlation uses.
    case average
    /// The highest rank of the tie (1, 3, 3, 4).
    case max
    /// Ranks in order of appearance (1, 2, 3, 4).
    case first
}

/// Ranks of `data`, as R's `rank(x, na.last = "keep", ties.method =)`; `descending: true` ranks
/// the largest value 1 (R: `rank(-x)`), which is how the toolkit ranks regions (1 = best).
///
/// Missing values (NaN) keep a missing rank and do not count. Complexity O(n log n).
public func ranks(_ data: [Double], ties: TieMethod = .min, descending: Bool = false) -> [Double] {
    let order = data.indices.filter { !data[$0].isNaN }.sorted { a, b in
        let (x, y) = (data[a], data[b])
        if x != y { return descending ? x > y : x < y }
        return a < b
    }
    var result = [Double](repeating: .nan, count: data.count)
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count && data[order[end + 1]] == data[order[start]] { end += 1 }
        for position in start...end {
            let rank: Double = switch ties {
            case .min: Double(start + 1)
            case .max: Double(end + 1)
            case .average: Double(start + end + 2) / 2
            case .first: Double(position + 1)
            }
            result[order[position]] = rank
        }
        start = end + 1
    }
    return result
}

/// Standard scores (x - mean) / sd with the n - 1 standard deviation, as R's `scale(x)`.
/// Missing values stay missing and do not enter mean or sd; sd = 0 or fewer than two values
/// gives NaN for every score (the scale is undefined). Complexity O(n).
public func zScores(_ data: [Double]) -> [Double] {
    let values = MissingValues.removed(from: data)
    let mean = Moments.mean(values)
    let sd = Moments.variance(values, mean: mean).squareRoot()
    guard sd > 0 else { return data.map { _ in .nan } }
    return data.map { ($0 - mean) / sd }
}

/// Ranks of composite scores, 1 = best: the rank of a score is 1 + the number of scores above it
/// by more than `scoreTieTolerance(scores)`, so equal scores share the lowest rank ("min") even
/// when rounding has made them differ in the last bits. A composite of values with two decimals
/// can tie exactly (the demo's 2.6395 for two regions), and the order in which a weighted sum
/// was added (level by level, or one matrix product) must not decide who ranks first. Missing
/// values (NaN) keep a missing rank. Complexity O(n log n).
public func scoreRanks(_ scores: [Double]) -> [Double] {
    let tolerance = scoreTieTolerance(scores)
    let sorted = scores.filter { !$0.isNaN }.sorted(by: >)
    return scores.map { s in
        guard !s.isNaN else { return .nan }
        // The number of sorted scores greater than s + tolerance (binary search on a descending array).
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] > s + tolerance { low = middle + 1 } else { high = middle }
        }
        return Double(low + 1)
    }
}

/// The tolerance of `scoreRanks`: 1e-12 times the largest absolute score (at least 1e-12), far
/// below any meaningful difference and far above the rounding of a sum of a few hundred terms.
public func scoreTieTolerance(_ scores: [Double]) -> Double {
    var largest = 1.0
    for s in scores where s.isFinite { largest = max(largest, abs(s)) }
    return 1e-12 * largest
}
