/// How hierarchical clustering measures the distance between two clusters (the Lance–Williams
/// family of scipy's `linkage(method=)` and R's `hclust(method=)`).
///
/// - `ward`: Ward's minimum-variance criterion on Euclidean distances (scipy `"ward"`, R
///   `"ward.D2"`): the height of a merge is `sqrt(2 |A| |B| / (|A| + |B|)) * ||c_A - c_B||`.
/// - `complete`: the largest distance between members (scipy/R `"complete"`).
/// - `average`: the mean distance between members, UPGMA (scipy/R `"average"`).
/// - `single`: the smallest distance between members (scipy/R `"single"`).
public enum LinkageMethod: String, CaseIterable, Sendable {
    case ward, complete, average, single
}
