import Dispatch

extension HierarchicalClustering {
    /// Ward's method on the Euclidean distances between the rows of `data`, as scipy
    /// `linkage(X, method="ward")` and R `hclust(dist(X), method="ward.D2")`, without storing the
    /// distances: O(n p) memory instead of scipy's O(n²).
    ///
    /// scipy's nearest-neighbour chain runs on the clusters' centroids: the distance between
    /// clusters A and B is `sqrt(2 |A| |B| / (|A| + |B|)) * ||c_A - c_B||` (the Lance–Williams Ward
    /// height), a merged cluster's centroid is the size-weighted mean, and the tie rules are
    /// scipy's (the chain prefers its previous element; the first strictly nearer cluster in item
    /// order; the merged cluster takes the later slot). The heights equal scipy's up to rounding
    /// (scipy updates distances, this updates centroids), and so does the tree unless two candidate
    /// merges tie within rounding.
    ///
    /// Each nearest-neighbour scan is vectorised over eight clusters at a time (clusters stored in
    /// blocks of eight, variable after variable), skips merged clusters by compacting the store,
    /// and splits over the cores when there are many clusters. O(n² p) time.
    ///
    /// One row gives a dendrogram without merges.
    ///
    /// - Throws: `StatsError.invalidParameter` naming the first missing (NaN) or infinite cell
    ///   (1-based row and column), or when `data` has no rows.
    public static func ward(rows data: Matrix) throws(StatsError) -> Dendrogram {
        let n = data.rows, p = data.columns
        guard n >= 1 else {
            throw .invalidParameter(name: "rows", value: "0", allowed: "clustering needs at least 1 row")
        }
        if let bad = data.elements.firstIndex(where: { !$0.isFinite }) {
            let value = data.elements[bad]
            throw .invalidParameter(
                name: "row \(bad / p + 1), column \(bad % p + 1)", value: value.isNaN ? "NaN" : String(value),
                allowed: "Ward clustering needs every cell of every row as a finite number; "
                    + (value.isNaN ? "impute the missing cells or leave the variable out" : "fix the infinite value"))
        }
        guard n >= 2 else { return Dendrogram(count: n, left: [], right: [], heights: [], sizes: []) }
        // No variables: every distance is 0, as between rows of one column of zeros.
        var store = WardCentroids(p > 0 ? data : Matrix(rows: n, columns: 1, elements: [Double](repeating: 0, count: n)))
        var xs = [Int](repeating: 0, count: n - 1), ys = xs
        var hs = [Double](repeating: 0, count: n - 1)
        store.run(&xs, &ys, &hs)
        return labelled(count: n, x: xs, y: ys, heights: hs)
    }
}

/// The clusters of `ward(rows:)`: centroids in blocks of 8 clusters (block b holds, for each
/// variable k, the 8 clusters' coordinates contiguously at `(b * p + k) * 8`), their sizes and
/// original slots. Merged clusters are dead (coordinates +infinity, so that their distance is
/// +infinity) until the store is compacted, which keeps the live clusters in slot order.
struct WardCentroids {
    static let lanes = 8
    /// Scans over at least this many stored clusters are split over the cores.
    static let parallelThreshold = 3072

    let p: Int
    /// The number of stored clusters (live and dead), a multiple of 8 after padding.
    var stored: Int
    var live: Int
    var coordinates: [Double]
    var size: [Double]
    /// The original slot (row of the data) of each stored cluster: scipy's cluster slot.
    var origin: [Int]
    var values: [Double]

    init(_ data: Matrix) {
        p = data.columns
        let n = data.rows
        stored = (n + Self.lanes - 1) / Self.lanes * Self.lanes
        live = n
        coordinates = [Double](repeating: .infinity, count: stored * p)
        size = [Double](repeating: 1, count: stored)
        origin = Array(0..<stored)
        values = [Double](repeating: .infinity, count: stored)
        for i in 0..<n {
            let base = (i / Self.lanes) * p * Self.lanes + i % Self.lanes
            for k in 0..<p { coordinates[base + k * Self.lanes] = data.elements[i * p + k] }
        }
    }

    @inline(__always) func offset(_ i: Int, _ k: Int) -> Int {
        (i / Self.lanes) * p * Self.lanes + k * Self.lanes + i % Self.lanes
    }

    /// scipy's nn_chain on the centroids.
    mutating func run(_ xs: inout [Int], _ ys: inout [Int], _ hs: inout [Double]) {
        let n = xs.count + 1
        var chain = [Int](repeating: 0, count: n)
        var length = 0
        var dead = 0
        var tip = [Double](repeating: 0, count: p)
        for k in 0..<(n - 1) {
            if length == 0 {
                length = 1
                chain[0] = (0..<stored).first { !isDead($0) }!
            }
            var x = 0, y = 0, best = 0.0
            while true {
                x = chain[length - 1]
                for v in 0..<p { tip[v] = coordinates[offset(x, v)] }
                let (minimum, first) = scan(x, tip)
                if length > 1 && values[chain[length - 2]] <= minimum {
                    y = chain[length - 2]
                    best = values[y]
                    break
                }
                y = first
                best = minimum
                chain[length] = y
                length += 1
            }
            length -= 2
            if x > y { swap(&x, &y) }
            xs[k] = origin[x]
            ys[k] = origin[y]
            hs[k] = best.squareRoot()
            merge(x, into: y)
            dead += 1
            live -= 1
            if dead >= 64 && dead * 4 >= stored {
                compact(&chain, length)
                dead = 0
            }
        }
    }

    func isDead(_ i: Int) -> Bool { coordinates[offset(i, 0)] == .infinity }

    /// Squared Ward heights from cluster `x` (centroid `tip`) to every stored cluster into
    /// `values` (+infinity for dead ones), and the smallest over clusters other than `x` with its
    /// first position.
    mutating func scan(_ x: Int, _ tip: [Double]) -> (Double, Int) {
        let blocks = stored / Self.lanes
        let sx = size[x]
        let p = self.p
        let split = stored >= Self.parallelThreshold && ColumnParallel.cores > 1 ? 2 : 1
        var results = [(Double, Int)](repeating: (.infinity, -1), count: split)
        coordinates.withUnsafeBufferPointer { c in
            size.withUnsafeBufferPointer { s in
                values.withUnsafeMutableBufferPointer { out in
                    tip.withUnsafeBufferPointer { t in
                        results.withUnsafeMutableBufferPointer { r in
                            let job = WardScanJob(c: c.baseAddress!, s: s.baseAddress!, out: out.baseAddress!,
                                                  t: t.baseAddress!, r: r.baseAddress!, p: p, sx: sx, x: x)
                            if split == 1 {
                                job.run(chunk: 0, blocks: 0..<blocks)
                            } else {
                                let half = blocks / 2
                                DispatchQueue.concurrentPerform(iterations: 2) { chunk in
                                    job.run(chunk: chunk, blocks: chunk == 0 ? 0..<half : half..<blocks)
                                }
                            }
                        }
                    }
                }
            }
        }
        var best = results[0]
        for r in results.dropFirst() where r.0 < best.0 { best = r }
        return best
    }

    /// Cluster `x` joins `y` (x < y): y's centroid becomes the size-weighted mean; x dies.
    mutating func merge(_ x: Int, into y: Int) {
        let sx = size[x], sy = size[y], total = sx + sy
        for k in 0..<p {
            let a = offset(x, k), b = offset(y, k)
            coordinates[b] = (sx * coordinates[a] + sy * coordinates[b]) / total
            coordinates[a] = .infinity
        }
        size[y] = total
        size[x] = 1
    }

    /// Drops the dead clusters, keeping the live ones in slot order; renumbers the chain.
    mutating func compact(_ chain: inout [Int], _ length: Int) {
        var newPosition = [Int](repeating: -1, count: stored)
        var kept = 0
        for i in 0..<stored where !isDead(i) {
            newPosition[i] = kept
            kept += 1
        }
        let newStored = (kept + Self.lanes - 1) / Self.lanes * Self.lanes
        var c = [Double](repeating: .infinity, count: newStored * p)
        var s = [Double](repeating: 1, count: newStored)
        var o = [Int](repeating: -1, count: newStored)
        for i in 0..<stored where newPosition[i] >= 0 {
            let j = newPosition[i]
            let base = (j / Self.lanes) * p * Self.lanes + j % Self.lanes
            for k in 0..<p { c[base + k * Self.lanes] = coordinates[offset(i, k)] }
            s[j] = size[i]
            o[j] = origin[i]
        }
        for m in 0..<length { chain[m] = newPosition[chain[m]] }
        coordinates = c
        size = s
        origin = o
        stored = newStored
        values = [Double](repeating: .infinity, count: newStored)
    }
}

/// One scan over a range of blocks, on raw pointers shared by the two halves (each writes its own
/// range of `out` and its own result slot).
private struct WardScanJob: @unchecked Sendable {
    let c: UnsafePointer<Double>
    let s: UnsafePointer<Double>
    let out: UnsafeMutablePointer<Double>
    let t: UnsafePointer<Double>
    let r: UnsafeMutablePointer<(Double, Int)>
    let p: Int
    let sx: Double
    let x: Int

    func run(chunk: Int, blocks: Range<Int>) {
        typealias V = SIMD8<Double>
        let lanes = 8
        let sxv = V(repeating: sx)
        let twoSx = V(repeating: 2 * sx)
        for b in blocks {
            var acc = V(repeating: 0)
            let base = UnsafeRawPointer(c + b * p * lanes)
            for k in 0..<p {
                let d = base.loadUnaligned(fromByteOffset: k * lanes * 8, as: V.self) - V(repeating: t[k])
                acc += d * d
            }
            let sv = UnsafeRawPointer(s + b * lanes).loadUnaligned(as: V.self)
            let w = twoSx * sv / (sv + sxv)
            UnsafeMutableRawPointer(out + b * lanes).storeBytes(of: acc * w, as: V.self)
        }
        var best = Double.infinity, at = -1
        for i in (blocks.lowerBound * lanes)..<(blocks.upperBound * lanes) where i != x && out[i] < best {
            best = out[i]
            at = i
        }
        r[chunk] = (best, at)
    }
}
