/// Agglomerative hierarchical clustering, matching scipy's `scipy.cluster.hierarchy.linkage`
/// merge for merge (and so R's `hclust` on the same distances, whose `merge` and `order` the
/// `Dendrogram` derives).
///
/// - ward, complete, average: scipy's nearest-neighbour chain (`nn_chain` in `_hierarchy.pyx`)
///   with its Lance–Williams updates and tie rules: the chain prefers its previous element, the
///   scan takes the first strictly smaller distance in index order, a merged cluster takes the
///   larger of the two slots. Then a stable sort by height and scipy's union-find relabelling.
///   O(n²) time, one copy of the condensed distances plus O(n) memory.
/// - single: scipy's minimum spanning tree (`mst_single_linkage`, Prim), O(n²) time, O(n) extra
///   memory, then the same sort and relabelling.
///
/// `WardClustering.swift` holds Ward's method from data (`ward(rows:)`), which never stores the
/// distances.
public enum HierarchicalClustering {
    /// scipy `linkage(y, method)` on condensed distances `y` (R: `hclust(d, method)`, with
    /// `"ward.D2"` for `.ward`).
    ///
    /// One item gives a dendrogram without merges (scipy and R refuse fewer than 2 items).
    ///
    /// Ward's update never takes the root of a negative number here: the chain merges mutual
    /// nearest neighbours, so `d(x, y)` is at most `d(x, i)` and `d(y, i)`.
    ///
    /// - Throws: `StatsError.invalidParameter` naming the first pair (1-based) whose distance is
    ///   missing (NaN), infinite or negative (scipy accepts negative ones), and when there are no
    ///   items; `StatsError.interrupted` when an interrupt is requested (`WorkProgress`, checked
    ///   before every O(n) scan; progress is reported every `mergesPerCheck` merges).
    public static func linkage(_ distances: DistanceMatrix, method: LinkageMethod) throws(StatsError) -> Dendrogram {
        let n = distances.count
        guard n >= 1 else {
            throw .invalidParameter(name: "items", value: "0", allowed: "clustering needs at least 1 item")
        }
        try checkFinite(distances)
        guard n >= 2 else { return Dendrogram(count: n, left: [], right: [], heights: [], sizes: []) }
        return try WorkProgress.track("hierarchical clustering (\(method.rawValue)): \(WorkProgress.grouped(n)) items", total: n - 1) {
            work throws(StatsError) in
            try WorkProgress.checkpoint()
            var x = [Int](repeating: 0, count: n - 1)
            var y = [Int](repeating: 0, count: n - 1)
            var h = [Double](repeating: 0, count: n - 1)
            let completed: Bool
            switch method {
            case .single:
                completed = minimumSpanningTree(distances.values, n, &x, &y, &h, work: work)
            case .ward, .complete, .average:
                var d = distances.values  // the one working copy
                completed = nearestNeighbourChain(&d, n, method, &x, &y, &h, work: work)
            }
            guard completed else { throw .interrupted }
            return labelled(count: n, x: x, y: y, heights: h)
        }
    }

    /// Merges between two advances of the progress (single linkage: and two checks of the
    /// interrupt flag, each merge being one O(n) scan).
    static let mergesPerCheck = 16

    // MARK: - Checks

    /// Throws naming the first pair (1-based) whose distance is not a finite, non-negative number.
    static func checkFinite(_ distances: DistanceMatrix) throws(StatsError) {
        let n = distances.count
        guard let bad = distances.values.firstIndex(where: { !($0 >= 0 && $0 < .infinity) }) else { return }
        // The pair (i, j) of condensed position `bad`.
        var i = 0, start = 0
        while start + (n - i - 1) <= bad { start += n - i - 1; i += 1 }
        let j = i + 1 + bad - start
        let value = distances.values[bad]
        let what = value.isNaN ? "missing (NaN)" : value < 0 ? "negative" : "infinite"
        throw .invalidParameter(
            name: "distance between items \(i + 1) and \(j + 1)", value: value.isNaN ? "NaN" : NumberFormat.exact(value),
            allowed: "hierarchical clustering needs a finite, non-negative distance for every pair; this one is \(what)"
                + (value.isNaN ? " (too few shared variables?): impute the data or lower the minimum of shared variables" : ""))
    }

    // MARK: - Nearest-neighbour chain (scipy nn_chain)

    /// scipy's `nn_chain` on the condensed distances `d` (overwritten). Writes merge `k`'s slots
    /// (`x < y`) and height, in the order the chain finds them. False when it stopped at an
    /// interrupt request (the merges are then incomplete).
    static func nearestNeighbourChain(_ d: inout [Double], _ n: Int, _ method: LinkageMethod,
                                      _ xs: inout [Int], _ ys: inout [Int], _ hs: inout [Double],
                                      work: WorkProgress.Work = .silent) -> Bool {
        var size = [Int](repeating: 1, count: n)
        var chain = [Int](repeating: 0, count: n)
        var length = 0
        var completed = true
        d.withUnsafeMutableBufferPointer { D in
            size.withUnsafeMutableBufferPointer { size in
                // Row starts: the condensed position of (i, i + 1) is rowStart(i).
                @inline(__always) func index(_ i: Int, _ j: Int) -> Int {
                    let (a, b) = i < j ? (i, j) : (j, i)
                    return n * a - a * (a + 1) / 2 + b - a - 1
                }
                for k in 0..<(n - 1) {
                    if k % mergesPerCheck == 0 && k > 0 { work.advance(by: mergesPerCheck) }
                    if length == 0 {
                        length = 1
                        chain[0] = size.firstIndex(where: { $0 > 0 })!
                    }
                    var x = 0, y = 0
                    var currentMin = Double.infinity
                    while true {
                        // One check per O(n) scan (a merge may take many scans).
                        if WorkProgress.isInterruptRequested { completed = false; return }
                        x = chain[length - 1]
                        if length > 1 {
                            y = chain[length - 2]
                            currentMin = D[index(x, y)]
                        } else {
                            currentMin = .infinity
                        }
                        // i < x: column x of the rows above, stride n - i - 2.
                        var p = x - 1  // index(0, x)
                        for i in 0..<x {
                            if size[i] != 0 && D[p] < currentMin { currentMin = D[p]; y = i }
                            p += n - i - 2
                        }
                        // i > x: row x, contiguous.
                        if x + 1 < n {
                            let start = index(x, x + 1) - (x + 1)
                            for i in (x + 1)..<n where size[i] != 0 && D[start + i] < currentMin {
                                currentMin = D[start + i]
                                y = i
                            }
                        }
                        if length > 1 && y == chain[length - 2] { break }
                        chain[length] = y
                        length += 1
                    }
                    length -= 2
                    if x > y { swap(&x, &y) }
                    let nx = size[x], ny = size[y]
                    xs[k] = x
                    ys[k] = y
                    hs[k] = currentMin
                    size[x] = 0
                    size[y] = nx + ny
                    let dxy = currentMin
                    let fx = Double(nx), fy = Double(ny)
                    for i in 0..<n {
                        let ni = size[i]
                        if ni == 0 || i == y { continue }
                        let px = index(i, x), py = index(i, y)
                        let dxi = D[px], dyi = D[py]
                        let updated: Double
                        switch method {
                        case .complete:
                            updated = max(dxi, dyi)
                        case .average:
                            updated = (fx * dxi + fy * dyi) / (fx + fy)
                        case .ward:
                            let fi = Double(ni)
                            let t = 1.0 / (fx + fy + fi)
                            updated = ((fi + fx) * t * dxi * dxi + (fi + fy) * t * dyi * dyi - fi * t * dxy * dxy).squareRoot()
                        case .single:
                            updated = min(dxi, dyi)
                        }
                        D[py] = updated
                    }
                }
            }
        }
        return completed
    }

    // MARK: - Single linkage (scipy mst_single_linkage)

    /// scipy's `mst_single_linkage`: Prim's algorithm from item 0; merge `k` joins the tree so far
    /// (`x`) and its nearest outside item `y`. False when it stopped at an interrupt request.
    static func minimumSpanningTree(_ dists: [Double], _ n: Int,
                                    _ xs: inout [Int], _ ys: inout [Int], _ hs: inout [Double],
                                    work: WorkProgress.Work = .silent) -> Bool {
        var merged = [Bool](repeating: false, count: n)
        var nearest = [Double](repeating: .infinity, count: n)
        var completed = true
        dists.withUnsafeBufferPointer { dist in
            var x = 0, y = 0
            for k in 0..<(n - 1) {
                if k % mergesPerCheck == 0 && k > 0 {
                    if WorkProgress.isInterruptRequested { completed = false; return }
                    work.advance(by: mergesPerCheck)
                }
                var currentMin = Double.infinity
                merged[x] = true
                var p = x - 1  // index(0, x) for the rows above
                for i in 0..<n {
                    if i < x {
                        defer { p += n - i - 2 }
                        if merged[i] { continue }
                        let d = dist[p]
                        if nearest[i] > d { nearest[i] = d }
                    } else if i > x {
                        if merged[i] { continue }
                        let d = dist[n * x - x * (x + 1) / 2 + i - x - 1]
                        if nearest[i] > d { nearest[i] = d }
                    } else {
                        continue
                    }
                    if nearest[i] < currentMin {
                        y = i
                        currentMin = nearest[i]
                    }
                }
                xs[k] = x
                ys[k] = y
                hs[k] = currentMin
                x = y
            }
        }
        return completed
    }

    // MARK: - Sorting and labelling (scipy label)

    /// The merges sorted by height (stable, numpy's mergesort), then relabelled with scipy's
    /// union-find: each row's slots become the ids of the clusters holding them, smaller first.
    static func labelled(count n: Int, x: [Int], y: [Int], heights: [Double]) -> Dendrogram {
        let m = n - 1
        let order = (0..<m).sorted { heights[$0] < heights[$1] || (heights[$0] == heights[$1] && $0 < $1) }
        var parent = Array(0..<(2 * n - 1))
        var size = [Int](repeating: 1, count: 2 * n - 1)
        var nextLabel = n
        func find(_ start: Int) -> Int {
            var root = start
            while parent[root] != root { root = parent[root] }
            var p = start
            while parent[p] != root { (p, parent[p]) = (parent[p], root) }
            return root
        }
        var left = [Int](repeating: 0, count: m), right = left, sizes = left
        var sortedHeights = [Double](repeating: 0, count: m)
        for (row, t) in order.enumerated() {
            let a = find(x[t]), b = find(y[t])
            left[row] = min(a, b)
            right[row] = max(a, b)
            sortedHeights[row] = heights[t]
            parent[a] = nextLabel
            parent[b] = nextLabel
            size[nextLabel] = size[a] + size[b]
            sizes[row] = size[nextLabel]
            nextLabel += 1
        }
        return Dendrogram(count: n, left: left, right: right, heights: sortedHeights, sizes: sizes)
    }
}
