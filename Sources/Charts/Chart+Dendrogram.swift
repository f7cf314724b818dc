import Stats

extension Chart {
    /// A dendrogram lying on its side, as R's `plot(hclust)` turned: one row per region in the
    /// tree's `order`, the merge heights across; each merge a bracket from its two sides up to its
    /// height, placed midway between them. With `clusters` (a cut, numbered from 1 per region),
    /// the merges within a cluster take that cluster's colour and line style, the cluster's number
    /// is written at each row's end, and the cut height is a dashed line.
    public static func dendrogram(title: String, caption: String, names: [String], _ tree: Dendrogram, heightTitle: String,
                                  clusters: [Int]? = nil) -> Chart {
        let n = tree.count
        let order = tree.order
        var position = [Double](repeating: 0, count: n + max(0, n - 1))
        for (row, leaf) in order.enumerated() { position[leaf] = Double(row) }
        var height = [Double](repeating: 0, count: position.count)
        var cluster = [Int](repeating: 0, count: position.count)
        for leaf in 0..<n { cluster[leaf] = clusters?[leaf] ?? 0 }
        let codes = tree.merge
        var marks = [Mark]()
        for t in 0..<tree.heights.count {
            let a = tree.left[t], b = tree.right[t], id = n + t
            position[id] = (position[a] + position[b]) / 2
            height[id] = tree.heights[t]
            cluster[id] = cluster[a] == cluster[b] ? cluster[a] : -1
            // Within one cluster: its colour; joining clusters: a guide; without a cut: all alike.
            let role: Role = clusters == nil ? .portfolio : cluster[id] > 0 ? .series(cluster[id] - 1) : .guide
            let bracket = [Point(height[a], position[a]), Point(tree.heights[t], position[a]),
                           Point(tree.heights[t], position[b]), Point(height[b], position[b])]
            marks.append(Mark(.path(bracket, closed: false), role: role, label: "merge \(t + 1)",
                              data: [.init("merge", .numbers([Double(codes[t].0), Double(codes[t].1)])),
                                     .init("height", .number(tree.heights[t])), .init("size", .count(tree.sizes[t]))]))
        }
        var legend = [LegendEntry]()
        if let clusters, let k = clusters.max(), k > 1, k < n {
            let sorted = tree.heights.sorted()
            let cut = (sorted[n - 1 - k] + sorted[n - k]) / 2
            marks.append(Mark(.segment(x1: cut, y1: -0.5, x2: cut, y2: Double(n) - 0.5), role: .reference, label: "cut",
                              data: [.init("k", .count(k)), .init("height", .number(cut))]))
            legend = (0..<min(k, 7)).map { LegendEntry(.line, role: .series($0), "cluster \($0 + 1)") }
            legend.append(LegendEntry(.line, role: .reference, "the cut into \(k) clusters"))
        }
        let axis = Axis.spanning(heightTitle, tree.heights, including: [0])
        let rows = order.map { leaf in Row(names[leaf], annotation: clusters.map { Double($0[leaf]) }) }
        return Chart(kind: .dendrogram, title: title, caption: caption, frame: .rows(rows, x: axis), marks: marks, legend: legend)
    }
}
