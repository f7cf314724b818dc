/// Tukey's five-number summary (minimum, lower hinge, median, upper hinge, maximum) of the
/// non-missing values, as R's `stats::fivenum`: the hinges are the medians of the lower and upper
/// halves, each half including the median when n is odd.
///
/// Missing values (NaN) are removed. No value: five NaNs. Complexity O(n log n) (a sort).
public func fivenum(_ data: some Collection<Double>) -> [Double] {
    let sorted = MissingValues.removed(from: data).sorted()
    let n = sorted.count
    guard n > 0 else { return Array(repeating: .nan, count: 5) }
    let count = Double(n)
    let n4 = ((count + 3) / 2).rounded(.down) / 2
    let depths = [1, n4, (count + 1) / 2, count + 1 - n4, count]
    return depths.map { depth in
        0.5 * (sorted[Int(depth.rounded(.down)) - 1] + sorted[Int(depth.rounded(.up)) - 1])
    }
}
