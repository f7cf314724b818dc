import CLapack
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
    /// Each nearest-neighbour scan bounds all distances from the chain's tip with one BLAS
    /// matrix-vector product and evaluates exactly (by differences) only the clusters that can be
    /// nearest; merged clusters are dropped by compacting the store now and then. O(n² p) time.
    ///
    /// One row gives a dendrogram without merges.
    ///
    /// - Throws: `StatsError.invalidParameter` naming the first missing (NaN) or infinite cell
    ///   (1-based row and column), or when `data` has no rows; `StatsError.interrupted` when an
    ///   interrupt is requested (`WorkProgress`, checked before every scan; progress is reported
    ///   by merges).
    public static func ward(rows data: Matrix) throws(StatsError) -> Dendrogram {
        let n = data.rows, p = data.columns
        guard n >= 1 else {
            throw .invalidParameter(name: "rows", value: "0", allowed: "clustering needs at least 1 row")
        }
        if let bad = data.elements.firstIndex(where: { !$0.isFinite }) {
            let value = data.elements[bad]
            throw .invalidCell(
                row: bad / p, column: bad % p, value: value,
                allowed: "Ward clustering needs every cell of every row as a finite number; "
                    + (value.isNaN ? "impute the missing cells or leave the variable out" : "fix the infinite value"))
        }
        guard n >= 2 else { return Dendrogram(count: n, left: [], right: [], heights: [], sizes: []) }
        // BLAS on one thread (the scans split over the cores themselves), with the CPU's kernels.
        OpenBLASKernel.ensure()
        let blasThreads = openblas_get_num_threads()
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(blasThreads) }
        // No variables: every distance is 0, as between rows of one column of zeros.
        var store = WardCentroids(p > 0 ? data : Matrix(rows: n, columns: 1, elements: [Double](repeating: 0, count: n)))
        var xs = [Int](repeating: 0, count: n - 1), ys = xs
        var hs = [Double](repeating: 0, count: n - 1)
        return try WorkProgress.track("Ward clustering: \(WorkProgress.grouped(n)) rows", total: n - 1) { work throws(StatsError) in
            try WorkProgress.checkpoint()
            guard store.run(&xs, &ys, &hs, work: work) else { throw .interrupted }
            return labelled(count: n, x: xs, y: ys, heights: hs)
        }
    }
}

/// The clusters of `ward(rows:)`: centroids variable after variable (column-major, `p` columns
/// of `stored`; the data centred on its column means, which changes no distance in exact
/// arithmetic but keeps the norms small), their squared norms, sizes (0 = merged away, or
/// padding) and original slots.
///
/// A nearest-neighbour scan from cluster `x` first bounds every squared Ward height through one
/// matrix-vector product (BLAS `dgemv`: `|c_i - t|² = |c_i|² + |t|² - 2 c_i·t`, with a rounding
/// bound `E_i` on that expansion), then evaluates exactly, by differences, only the clusters whose
/// lower bound is at most the smallest upper bound. The exact values, their minimum and its first
/// position are those of a direct scan of every cluster, so scipy's tie rules apply to exact values.
struct WardCentroids {
    static let lanes = 8
    /// Scans over at least this many stored clusters are split over two cores.
    static let parallelThreshold = 4096
    static let cores = ColumnParallel.cores

    let p: Int
    /// The number of stored clusters (live, merged and padding), a multiple of 8.
    var stored: Int
    var coordinates: [Double]
    var norm: [Double]
    var size: [Double]
    /// The original slot (row of the data) of each stored cluster: scipy's cluster slot.
    var origin: [Int]
    var dots: [Double]
    var lower: [Double]
    /// The exact values of the last scan's candidates: (position, squared Ward height).
    var candidates: [(Int, Double)] = []

    init(_ data: Matrix) {
        p = data.columns
        let n = data.rows
        stored = (n + Self.lanes - 1) / Self.lanes * Self.lanes
        var means = [Double](repeating: 0, count: p)
        for i in 0..<n { for k in 0..<p { means[k] += data.elements[i * p + k] } }
        for k in 0..<p { means[k] /= Double(n) }
        coordinates = [Double](repeating: 0, count: stored * p)
        for i in 0..<n { for k in 0..<p { coordinates[k * stored + i] = data.elements[i * p + k] - means[k] } }
        norm = [Double](repeating: 0, count: stored)
        size = [Double](repeating: 0, count: stored)
        for i in 0..<n { size[i] = 1 }
        origin = Array(0..<stored)
        dots = [Double](repeating: 0, count: stored)
        lower = [Double](repeating: 0, count: stored)
        for i in 0..<n { norm[i] = squaredNorm(i) }
    }

    func squaredNorm(_ i: Int) -> Double {
        var s = 0.0
        for k in 0..<p { s += coordinates[k * stored + i] * coordinates[k * stored + i] }
        return s
    }

    /// scipy's nn_chain on the centroids. False when it stopped at an interrupt request (checked
    /// before every scan).
    mutating func run(_ xs: inout [Int], _ ys: inout [Int], _ hs: inout [Double], work: WorkProgress.Work = .silent) -> Bool {
        let n = xs.count + 1
        var chain = [Int](repeating: 0, count: n)
        var length = 0
        var dead = 0
        let every = HierarchicalClustering.mergesPerCheck
        for k in 0..<(n - 1) {
            if k % every == 0 && k > 0 { work.advance(by: every) }
            if length == 0 {
                length = 1
                chain[0] = (0..<stored).first { size[$0] > 0 }!
            }
            var x = 0, y = 0, best = 0.0
            while true {
                if WorkProgress.isInterruptRequested { return false }  // one check per O(n p) scan
                x = chain[length - 1]
                let (minimum, first) = scan(x)
                if length > 1, let previous = candidates.first(where: { $0.0 == chain[length - 2] }), previous.1 <= minimum {
                    y = previous.0
                    best = previous.1
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
            if dead >= 64 && dead * 4 >= stored {
                compact(&chain, length)
                dead = 0
            }
        }
        return true
    }

    /// The exact squared Ward height between clusters `i` and `x` (`sx = size[x]`), by differences.
    @inline(__always)
    func exact(_ i: Int, _ x: Int, _ sx: Double, _ c: UnsafePointer<Double>) -> Double {
        var d2 = 0.0
        for k in 0..<p {
            let d = c[k * stored + i] - c[k * stored + x]
            d2 += d * d
        }
        let si = size[i]
        return 2 * sx * si / (si + sx) * d2
    }

    /// The smallest exact squared Ward height from `x` to another live cluster and its first
    /// position; `candidates` holds the exact values of every cluster that could be that small.
    mutating func scan(_ x: Int) -> (Double, Int) {
        let p = self.p, stored = self.stored
        let sx = size[x]
        size[x] = 0  // x is not its own neighbour
        defer { size[x] = sx }
        // Rounding of the expansion: a generous multiple of the dot product's error bound.
        let slack = 16 * Double(p + 4) * Double.ulpOfOne
        let normT = norm[x]
        let tip = (0..<p).map { coordinates[$0 * stored + x] }
        let split = stored >= Self.parallelThreshold && Self.cores > 1 ? 2 : 1
        var bounds = [Double](repeating: .infinity, count: split)
        coordinates.withUnsafeBufferPointer { c in
            norm.withUnsafeBufferPointer { nb in
                size.withUnsafeBufferPointer { sb in
                    dots.withUnsafeMutableBufferPointer { db in
                        lower.withUnsafeMutableBufferPointer { lb in
                            bounds.withUnsafeMutableBufferPointer { bb in
                              tip.withUnsafeBufferPointer { tb in
                                let job = WardBoundJob(
                                    c: c.baseAddress!, stored: stored, tip: tb.baseAddress!, norm: nb.baseAddress!, size: sb.baseAddress!, dots: db.baseAddress!,
                                    lower: lb.baseAddress!, bounds: bb.baseAddress!, p: p, x: x, sx: sx, normT: normT,
                                    slack: 3 * slack)
                                if split == 1 {
                                    job.run(chunk: 0, 0..<stored)
                                } else {
                                    let half = stored / 16 * 8
                                    DispatchQueue.concurrentPerform(iterations: 2) { chunk in
                                        job.run(chunk: chunk, chunk == 0 ? 0..<half : half..<stored)
                                    }
                                }
                              }
                            }
                        }
                    }
                }
            }
        }
        let bound = bounds.min()!
        candidates.removeAll(keepingCapacity: true)
        var best = Double.infinity, at = -1
        coordinates.withUnsafeBufferPointer { c in
            lower.withUnsafeBufferPointer { lb in
                for i in 0..<stored where lb[i] <= bound {
                    let v = exact(i, x, sx, c.baseAddress!)
                    candidates.append((i, v))
                    if v < best { best = v; at = i }
                }
            }
        }
        return (best, at)
    }

    /// Cluster `x` joins `y` (x < y): y's centroid becomes the size-weighted mean; x is merged away.
    mutating func merge(_ x: Int, into y: Int) {
        let sx = size[x], sy = size[y], total = sx + sy
        for k in 0..<p {
            let a = k * stored + x, b = k * stored + y
            coordinates[b] = (sx * coordinates[a] + sy * coordinates[b]) / total
            coordinates[a] = 0
        }
        norm[y] = squaredNorm(y)
        norm[x] = 0
        size[y] = total
        size[x] = 0
    }

    /// Drops the merged clusters, keeping the live ones in slot order; renumbers the chain.
    mutating func compact(_ chain: inout [Int], _ length: Int) {
        var newPosition = [Int](repeating: -1, count: stored)
        var kept = 0
        for i in 0..<stored where size[i] > 0 {
            newPosition[i] = kept
            kept += 1
        }
        let newStored = (kept + Self.lanes - 1) / Self.lanes * Self.lanes
        var c = [Double](repeating: 0, count: newStored * p)
        var nn = [Double](repeating: 0, count: newStored)
        var s = [Double](repeating: 0, count: newStored)
        var o = [Int](repeating: -1, count: newStored)
        for i in 0..<stored where newPosition[i] >= 0 {
            let j = newPosition[i]
            for k in 0..<p { c[k * newStored + j] = coordinates[k * stored + i] }
            nn[j] = norm[i]
            s[j] = size[i]
            o[j] = origin[i]
        }
        for m in 0..<length { chain[m] = newPosition[chain[m]] }
        coordinates = c
        norm = nn
        size = s
        origin = o
        stored = newStored
        dots = [Double](repeating: 0, count: newStored)
        lower = [Double](repeating: 0, count: newStored)
    }
}

/// The bounds of one scan over the stored clusters `range` (a multiple of 8 long): their dot
/// products with the tip by one `dgemv`, then the lower bounds into `lower` and the smallest upper
/// bound into `bounds[chunk]`. Each chunk writes its own ranges.
private struct WardBoundJob: @unchecked Sendable {
    let c: UnsafePointer<Double>
    let stored: Int
    let tip: UnsafePointer<Double>
    let norm: UnsafePointer<Double>
    let size: UnsafePointer<Double>
    let dots: UnsafeMutablePointer<Double>
    let lower: UnsafeMutablePointer<Double>
    let bounds: UnsafeMutablePointer<Double>
    let p: Int
    let x: Int
    let sx: Double
    let normT: Double
    let slack: Double

    func run(chunk: Int, _ range: Range<Int>) {
        typealias V = SIMD8<Double>
        guard !range.isEmpty else { return }
        cblas_dgemv(CblasColMajor, CblasNoTrans, blasint(range.count), blasint(p), 1, c + range.lowerBound, blasint(stored),
                    tip, 1, 0, dots + range.lowerBound, 1)
        let twoSx = V(repeating: 2 * sx), sxv = V(repeating: sx)
        let normTv = V(repeating: normT), slackv = V(repeating: slack)
        let infinity = V(repeating: .infinity), zero = V(repeating: 0)
        var minUpper = infinity
        let nr = UnsafeRawPointer(norm), sr = UnsafeRawPointer(size)
        let dr = UnsafeRawPointer(dots), lr = UnsafeMutableRawPointer(lower)
        var offset = range.lowerBound * 8
        let end = range.upperBound * 8
        while offset < end {
            let sum = nr.loadUnaligned(fromByteOffset: offset, as: V.self) + normTv
            let d2 = sum - 2 * dr.loadUnaligned(fromByteOffset: offset, as: V.self)
            let si = sr.loadUnaligned(fromByteOffset: offset, as: V.self)
            let w = twoSx * si / (si + sxv)
            let e = slackv * sum
            let dead = si .== zero
            let upper = (w * (d2 + e)).replacing(with: infinity, where: dead)
            minUpper.replace(with: upper, where: upper .< minUpper)
            lr.storeBytes(of: (w * (d2 - e)).replacing(with: infinity, where: dead), toByteOffset: offset, as: V.self)
            offset += 64
        }
        bounds[chunk] = minUpper.min()
    }
}
