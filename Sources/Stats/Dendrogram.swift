/// The result of agglomerative hierarchical clustering of `count` items: scipy's linkage matrix `Z`
/// (`scipy.cluster.hierarchy.linkage`), one merge per row, sorted by height as scipy returns it,
/// with R's `hclust` view (`merge`, `order`) derived from it.
///
/// Cluster ids follow scipy: the leaves are `0..<count`, merge `t` (0-based) makes cluster
/// `count + t`. In every row `left < right`.
public struct Dendrogram: Sendable, Equatable {
    /// The number of leaves (items clustered).
    public let count: Int
    /// `Z[t, 0]`: the smaller cluster id merged at step `t`.
    public let left: [Int]
    /// `Z[t, 1]`: the larger cluster id merged at step `t`.
    public let right: [Int]
    /// `Z[t, 2]`: the height (linkage distance) of merge `t`; non-decreasing for the four methods.
    public let heights: [Double]
    /// `Z[t, 3]`: the number of leaves in the cluster made at step `t`.
    public let sizes: [Int]

    /// A dendrogram from scipy's linkage matrix columns.
    ///
    /// - Precondition: `count - 1` merges (none for fewer than 2 leaves), each joining two existing
    ///   clusters with `left < right`.
    init(count: Int, left: [Int], right: [Int], heights: [Double], sizes: [Int]) {
        let merges = max(0, count - 1)
        precondition(left.count == merges && right.count == merges && heights.count == merges && sizes.count == merges,
                     "a dendrogram of \(count) leaves has \(merges) merges")
        self.count = count
        self.left = left
        self.right = right
        self.heights = heights
        self.sizes = sizes
    }

    /// R's `hclust()$merge`: per step, the two clusters merged, a leaf as `-(index + 1)` and an
    /// earlier cluster as its 1-based step number. Within a row R's rule (`hcass2`): a leaf comes
    /// before a cluster, two leaves in increasing index order, two clusters in increasing step order.
    /// O(n).
    public var merge: [(Int, Int)] {
        left.indices.map { t in
            let a = rCode(left[t]), b = rCode(right[t])
            if a < 0 && b < 0 { return a > b ? (a, b) : (b, a) }  // leaves: the smaller index first
            if a > 0 && b > 0 { return (min(a, b), max(a, b)) }
            return a < 0 ? (a, b) : (b, a)  // the leaf first
        }
    }

    /// R's `hclust()$order` as 0-based leaf indices: the leaves left to right when each merge is
    /// drawn with the two sides of its `merge` row in that order (R's `hcass2`). O(n).
    public var order: [Int] {
        guard count > 1 else { return Array(0..<count) }
        let rows = merge
        var result: [Int] = []
        result.reserveCapacity(count)
        var stack = [rows.count]  // 1-based steps and negated leaves
        while let top = stack.popLast() {
            if top < 0 {
                result.append(-top - 1)
            } else {
                let (a, b) = rows[top - 1]
                stack.append(b)
                stack.append(a)
            }
        }
        return result
    }

    /// A scipy cluster id as R's `merge` codes it.
    private func rCode(_ id: Int) -> Int { id < count ? -(id + 1) : id - count + 1 }
}
