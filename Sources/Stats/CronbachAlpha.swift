/// Cronbach's alpha of a group of items (indicators) as columns: k / (k - 1) · (1 - Σ var(xᵢ) /
/// var(Σ xᵢ)), variances with n - 1, over the rows where every item has a value (listwise, as R's
/// `psych::alpha` with complete cases; COINr's `get_cronbach` also drops incomplete rows). NaN
/// with fewer than 2 items, fewer than 2 complete rows or a constant total. O(n k).
public func cronbachAlpha(_ columns: [[Double]]) -> Double {
    let k = columns.count
    guard k >= 2 else { return .nan }
    let n = columns[0].count
    precondition(columns.allSatisfy { $0.count == n }, "the items of Cronbach's alpha need the same number of rows")
    let complete = (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
    guard complete.count >= 2 else { return .nan }
    var itemVariances = 0.0
    var totals = [Double](repeating: 0, count: complete.count)
    for column in columns {
        let x = complete.map { column[$0] }
        itemVariances += Moments.variance(x, mean: Moments.mean(x))
        for i in x.indices { totals[i] += x[i] }
    }
    let totalVariance = Moments.variance(totals, mean: Moments.mean(totals))
    guard totalVariance > 0 else { return .nan }
    return Double(k) / Double(k - 1) * (1 - itemVariances / totalVariance)
}
