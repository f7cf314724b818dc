extension Dendrogram {
    /// The cophenetic distances (scipy `cophenet(Z)`; R `cophenetic`): for each pair of leaves,
    /// the height of the merge that first puts them in one cluster, in condensed order.
    /// O(n²) time and memory (the output).
    public func cophenetic() -> DistanceMatrix {
        let n = count
        var values = [Double](repeating: 0, count: n * (n - 1) / 2)
        guard n > 1 else { return DistanceMatrix(count: n, values: values) }
        // Each cluster's leaves as a linked list: first leaf, last leaf, next leaf.
        var first = [Int](repeating: 0, count: 2 * n - 1)
        var last = [Int](repeating: 0, count: 2 * n - 1)
        var next = [Int](repeating: -1, count: n)
        for i in 0..<n { first[i] = i; last[i] = i }
        values.withUnsafeMutableBufferPointer { d in
            for t in 0..<(n - 1) {
                let a = left[t], b = right[t], h = heights[t]
                var i = first[a]
                while i >= 0 {
                    var j = first[b]
                    while j >= 0 {
                        let (p, q) = i < j ? (i, j) : (j, i)
                        d[n * p - p * (p + 1) / 2 + q - p - 1] = h
                        j = next[j]
                    }
                    i = next[i]
                }
                next[last[a]] = first[b]
                first[n + t] = first[a]
                last[n + t] = last[b]
            }
        }
        return DistanceMatrix(count: n, values: values)
    }

    /// The cophenetic correlation coefficient (scipy `cophenet(Z, Y)[0]`): Pearson's correlation
    /// between `distances` and the cophenetic distances, over all pairs. NaN (as scipy) when either
    /// side is constant, e.g. for 2 leaves. O(n²).
    ///
    /// - Throws: `StatsError.shapeMismatch` when `distances` are not between this tree's `count`
    ///   items; `StatsError.invalidParameter` naming the first missing or infinite distance (1-based).
    public func copheneticCorrelation(with distances: DistanceMatrix) throws(StatsError) -> Double {
        guard distances.count == count else {
            throw .shapeMismatch("the distances are between \(distances.count) items but the dendrogram has \(count) leaves; "
                + "use the distances the tree was built from")
        }
        try HierarchicalClustering.checkFinite(distances)
        return Correlation.pearson(distances.values, cophenetic().values)
    }
}
