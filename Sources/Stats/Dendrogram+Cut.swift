extension Dendrogram {
    /// The flat clustering with `k` clusters, as R's `cutree(tree, k = k)`: the first `count - k`
    /// merges are made. Clusters are numbered 1, 2, ... in order of first appearance by leaf index
    /// (the cluster of leaf 0 is 1). When heights tie, the merges made are the first ones in this
    /// dendrogram's (scipy's) order. O(n).
    ///
    /// - Throws: `StatsError.invalidParameter` when `k` is outside `1...count`.
    public func cut(clusters k: Int) throws(StatsError) -> [Int] {
        guard k >= 1 && k <= count else {
            throw .invalidParameter(name: "clusters", value: String(k),
                                    allowed: count == 0 ? "a dendrogram without leaves has no clusters"
                                        : "a tree of \(count) leaves cuts into 1 to \(count) clusters")
        }
        return clusters(afterMerges: count - k)
    }

    /// The flat clustering at height `h`, as R's `cutree(tree, h = h)`: every merge with height
    /// `<= h` is made (R's rule; the heights are non-decreasing). Numbered as `cut(clusters:)`.
    /// A height below every merge gives one cluster per leaf. O(n).
    ///
    /// - Precondition: `h` is not NaN.
    public func cut(height h: Double) -> [Int] {
        precondition(!h.isNaN, "a dendrogram cannot be cut at a missing (NaN) height")
        var made = 0
        while made < heights.count && heights[made] <= h { made += 1 }
        return clusters(afterMerges: made)
    }

    /// Cluster numbers (1-based, by first appearance in leaf order) after the first `merges` merges.
    func clusters(afterMerges merges: Int) -> [Int] {
        // The cluster id each leaf ends in: follow parents, cluster ids count..<count+merges.
        var parent = [Int](repeating: -1, count: count + merges)
        for t in 0..<merges {
            parent[left[t]] = count + t
            parent[right[t]] = count + t
        }
        var root = [Int](repeating: -1, count: count + merges)
        // Children have smaller ids than their parents, so one pass from the top resolves roots.
        for id in stride(from: count + merges - 1, through: 0, by: -1) {
            root[id] = parent[id] < 0 ? id : root[parent[id]]
        }
        var number = [Int](repeating: 0, count: count + merges)
        var next = 0
        return (0..<count).map { leaf in
            let r = root[leaf]
            if number[r] == 0 {
                next += 1
                number[r] = next
            }
            return number[r]
        }
    }
}
