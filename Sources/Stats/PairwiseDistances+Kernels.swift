import Dispatch
#if canImport(Glibc)
import Glibc
#endif

// The pair loops of `DistanceMatrix.between(rows:)`: rows in column-major order (variable k of
// row j at `k * n + j`), rows `i` against all rows `j > i` with SIMD across several `j` at a
// time (`PairLanes` for complete data, eight for missing data), written straight into the
// condensed array. Rows are split into chunks of equal pair
// counts (the triangle), run on all cores; every pair is computed by the same sequential code, so
// results do not depend on the number of threads.

/// A pointer shared by the chunks of `concurrentPerform`, each chunk writing its own pairs.
struct PairwisePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
}

/// A read-only pointer shared by the chunks of `concurrentPerform`.
struct PairwiseReadPointer<T>: @unchecked Sendable {
    let pointer: UnsafePointer<T>
}

enum PairwiseKernels {
    /// Below this many pairs the work runs on the calling thread.
    static let parallelPairs = 1 << 15

    /// The position of the pair (i, i + 1) in the condensed order of `n` items.
    @inline(__always)
    static func rowStart(_ i: Int, _ n: Int) -> Int { n * i - i * (i + 1) / 2 }

    /// Row ranges with about equal numbers of pairs (row `i` has `n - 1 - i`), in order.
    static func rowChunks(count n: Int, chunks: Int) -> [Range<Int>] {
        let total = n * (n - 1) / 2
        guard chunks > 1, n > 2 else { return [0..<max(0, n - 1)] }
        var ranges: [Range<Int>] = []
        var start = 0
        var pairs = 0
        for i in 0..<(n - 1) {
            pairs += n - 1 - i
            let target = (ranges.count + 1) * total / chunks
            if pairs >= target, ranges.count < chunks - 1 {
                ranges.append(start..<(i + 1))
                start = i + 1
            }
        }
        if start < n - 1 { ranges.append(start..<(n - 1)) }
        return ranges
    }

    /// Pairs between two checks of the interrupt flag (and two advances of the progress): a
    /// fraction of a millisecond of work.
    static let pairsPerCheck = 1 << 15

    /// Runs `body` on chunks of rows with equal pair counts, on all cores when there are enough
    /// pairs; returns the error of the first chunk (in row order) that failed. Each chunk is
    /// handed to `body` in runs of whole blocks of four rows (as `completeRows` groups them) of
    /// at least `pairsPerCheck` pairs, with a check of the interrupt flag before each run
    /// (throwing `StatsError.interrupted` after the chunks when one saw it) and an advance of
    /// `work` by its pairs after it.
    static func forEachRowChunk(
        count n: Int, work: WorkProgress.Work, _ body: @Sendable (Range<Int>) -> StatsError?
    ) throws(StatsError) {
        let pairs = n * (n - 1) / 2
        let cores = ColumnParallel.cores
        let chunks = pairs < parallelPairs || cores == 1 ? 1 : cores * 8
        let ranges = rowChunks(count: n, chunks: chunks)
        let latch = InterruptLatch()
        @Sendable func run(_ rows: Range<Int>) -> StatsError? {
            var start = rows.lowerBound
            while start < rows.upperBound {
                if latch.poll() { return nil }
                var end = start, runPairs = 0
                repeat {
                    for i in end..<min(end + 4, rows.upperBound) { runPairs += n - 1 - i }
                    end = min(end + 4, rows.upperBound)
                } while end < rows.upperBound && runPairs < pairsPerCheck
                if let error = body(start..<end) { return error }
                work.advance(by: runPairs)
                start = end
            }
            return nil
        }
        if ranges.count == 1 {
            let error = run(ranges[0])
            try latch.check()
            if let error { throw error }
            return
        }
        var errors = [StatsError?](repeating: nil, count: ranges.count)
        errors.withUnsafeMutableBufferPointer { buffer in
            let out = PairwisePointer(pointer: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { chunk in
                (out.pointer + chunk).pointee = run(ranges[chunk])
            }
        }
        try latch.check()
        if let error = errors.lazy.compactMap({ $0 }).first { throw error }
    }

    /// Asks Linux to back the 2 MB-aligned interior of a large, fresh result buffer with
    /// transparent huge pages (`madvise(MADV_HUGEPAGE)`): 400 MB of distances then take a few
    /// hundred page faults instead of 100,000, which otherwise cost as much kernel time as the
    /// distances themselves. Only a hint: without it (or elsewhere) the buffer is the same.
    static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Double>) {
        #if os(Linux)
        let bytes = buffer.count * MemoryLayout<Double>.stride
        guard bytes >= 8 << 20, let base = buffer.baseAddress else { return }
        let huge: UInt = 2 << 20
        let start = (UInt(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (UInt(bitPattern: base) + UInt(bytes)) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, Int(end - start), Int32(MADV_HUGEPAGE))
        #endif
    }

    @inline(__always)
    static func load<V: SIMD>(_ p: UnsafePointer<Double>) -> V where V.Scalar == Double {
        UnsafeRawPointer(p).loadUnaligned(as: V.self)
    }

    @inline(__always)
    static func store<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<Double>) where V.Scalar == Double {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }
}

// MARK: - Complete data

/// The lanes of the complete-data loops. Four doubles: the package is compiled for the x86-64
/// baseline (SSE2, 16 vector registers of two doubles), where four rows of four lanes keep their
/// accumulators in registers; wider vectors spill.
typealias PairLanes = SIMD4<Double>

/// What a complete-data metric accumulates per variable and how it finishes a pair.
protocol CompletePairKernel: SendableMetatype {
    static func add(_ acc: PairLanes, _ x: PairLanes, _ y: PairLanes) -> PairLanes
    static func add(_ acc: Double, _ x: Double, _ y: Double) -> Double
    static func finish(_ acc: PairLanes, rowNorm: Double, norms: PairLanes) -> PairLanes
    static func finish(_ acc: Double, rowNorm: Double, norm: Double) -> Double
}

/// sqrt(sum (y - x)^2), summed directly (never |x|^2 + |y|^2 - 2 x.y).
enum EuclideanPairKernel: CompletePairKernel {
    @inline(__always) static func add(_ acc: PairLanes, _ x: PairLanes, _ y: PairLanes) -> PairLanes {
        let d = y - x
        return acc + d * d
    }
    @inline(__always) static func add(_ acc: Double, _ x: Double, _ y: Double) -> Double {
        let d = y - x
        return acc + d * d
    }
    @inline(__always) static func finish(_ acc: PairLanes, rowNorm: Double, norms: PairLanes) -> PairLanes {
        acc.squareRoot()
    }
    @inline(__always) static func finish(_ acc: Double, rowNorm: Double, norm: Double) -> Double { acc.squareRoot() }
}

/// sum |y - x|.
enum ManhattanPairKernel: CompletePairKernel {
    @inline(__always) static func add(_ acc: PairLanes, _ x: PairLanes, _ y: PairLanes) -> PairLanes {
        let d = y - x
        return acc + pointwiseMax(d, -d)
    }
    @inline(__always) static func add(_ acc: Double, _ x: Double, _ y: Double) -> Double { acc + abs(y - x) }
    @inline(__always) static func finish(_ acc: PairLanes, rowNorm: Double, norms: PairLanes) -> PairLanes { acc }
    @inline(__always) static func finish(_ acc: Double, rowNorm: Double, norm: Double) -> Double { acc }
}

/// 1 - x.y / (|x| |y|), the ratio clipped to [-1, 1] (scipy's `pdist_cosine`).
enum CosinePairKernel: CompletePairKernel {
    @inline(__always) static func add(_ acc: PairLanes, _ x: PairLanes, _ y: PairLanes) -> PairLanes {
        acc + x * y
    }
    @inline(__always) static func add(_ acc: Double, _ x: Double, _ y: Double) -> Double { acc + x * y }
    @inline(__always) static func finish(_ acc: PairLanes, rowNorm: Double, norms: PairLanes) -> PairLanes {
        cosineDistance(dot: acc, norms: rowNorm * norms)
    }
    @inline(__always) static func finish(_ acc: Double, rowNorm: Double, norm: Double) -> Double {
        cosineDistance(dot: acc, norms: rowNorm * norm)
    }

    @inline(__always) static func cosineDistance<V: SIMD>(dot: V, norms: V) -> V where V.Scalar == Double {
        var c = dot / norms
        let one = V(repeating: 1)
        c.replace(with: one, where: c .> one)
        c.replace(with: -one, where: c .< -one)
        return one - c
    }
    @inline(__always) static func cosineDistance(dot: Double, norms: Double) -> Double {
        var c = dot / norms
        if abs(c) > 1 { c = c > 0 ? 1 : -1 }
        return 1 - c
    }
}

extension PairwiseKernels {
    /// Distances of complete data (no NaN): `columns` holds `p` variables of `n` rows
    /// column-major; `norms` (cosine only) the rows' Euclidean norms. Four rows at a time share
    /// the loads of the rows after them. O(n^2 p).
    ///
    /// - Throws: `StatsError.interrupted` when an interrupt is requested (see `forEachRowChunk`).
    static func complete<K: CompletePairKernel>(
        _ kernel: K.Type, columns: [Double], count n: Int, variables p: Int, norms: [Double]?,
        work: WorkProgress.Work = .silent
    ) throws(StatsError) -> [Double] {
        let total = n * (n - 1) / 2
        var failure: StatsError?
        let values = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            adviseHugePages(buffer)
            let out = PairwisePointer(pointer: buffer.baseAddress!)
            columns.withUnsafeBufferPointer { columnBuffer in
                let norms = norms ?? []
                norms.withUnsafeBufferPointer { normBuffer in
                    let t = PairwiseReadPointer(pointer: columnBuffer.baseAddress!)
                    let r = PairwiseReadPointer(pointer: normBuffer.baseAddress ?? columnBuffer.baseAddress!)
                    let cosine = !norms.isEmpty
                    do throws(StatsError) {
                        try forEachRowChunk(count: n, work: work) { rows in
                            completeRows(K.self, t.pointer, n, p, cosine ? r.pointer : nil, rows, out.pointer)
                            return nil
                        }
                    } catch { failure = error }
                }
            }
            // Interrupted: the cells not computed are garbage doubles (a trivial type), discarded.
            initialized = total
        }
        if let failure { throw failure }
        return values
    }

    /// The pairs of `rows` (each row against every later row). Blocks of four rows: the triangle
    /// among them pair by pair, then the four against every later row, `PairLanes.scalarCount`
    /// later rows at a time (the loads of those rows shared by the four). Index arithmetic wraps
    /// (no overflow checks in the hot loop: every index is below n * n or n * p).
    static func completeRows<K: CompletePairKernel>(
        _ kernel: K.Type, _ t: UnsafePointer<Double>, _ n: Int, _ p: Int, _ norms: UnsafePointer<Double>?,
        _ rows: Range<Int>, _ out: UnsafeMutablePointer<Double>
    ) {
        let width = PairLanes.scalarCount
        // The four rows' values, each repeated across the lanes.
        let x = UnsafeMutablePointer<PairLanes>.allocate(capacity: 4 &* p)
        defer { x.deallocate() }
        let (x0, x1, x2, x3) = (x, x + p, x + 2 &* p, x + 3 &* p)
        @inline(__always) func norm(_ j: Int) -> Double { norms?[j] ?? 0 }
        @inline(__always) func normBlock(_ j: Int) -> PairLanes {
            if let norms { return load(norms + j) }
            return PairLanes()
        }
        @inline(__always) func scalarPair(_ i: Int, _ j: Int) {
            var acc = 0.0
            var column = t
            for _ in 0..<p {
                acc = K.add(acc, column[i], column[j])
                column += n
            }
            out[rowStart(i, n) &+ j &- i &- 1] = K.finish(acc, rowNorm: norm(i), norm: norm(j))
        }
        var i = rows.lowerBound
        while i &+ 4 <= rows.upperBound {
            for a in 0..<3 {
                for b in (a + 1)..<4 { scalarPair(i &+ a, i &+ b) }
            }
            for k in 0..<p {
                let row = t + (k &* n &+ i)
                x0[k] = PairLanes(repeating: row[0])
                x1[k] = PairLanes(repeating: row[1])
                x2[k] = PairLanes(repeating: row[2])
                x3[k] = PairLanes(repeating: row[3])
            }
            let o0 = out + (rowStart(i, n) &- i &- 1)
            let o1 = out + (rowStart(i &+ 1, n) &- i &- 2)
            let o2 = out + (rowStart(i &+ 2, n) &- i &- 3)
            let o3 = out + (rowStart(i &+ 3, n) &- i &- 4)
            let (n0, n1, n2, n3) = (norm(i), norm(i &+ 1), norm(i &+ 2), norm(i &+ 3))
            var j = i &+ 4
            while j &+ width <= n {
                var a0 = PairLanes(), a1 = PairLanes(), a2 = PairLanes(), a3 = PairLanes()
                var column = t + j
                for k in 0..<p {
                    let y: PairLanes = load(column)
                    a0 = K.add(a0, x0[k], y)
                    a1 = K.add(a1, x1[k], y)
                    a2 = K.add(a2, x2[k], y)
                    a3 = K.add(a3, x3[k], y)
                    column += n
                }
                let nj = normBlock(j)
                store(K.finish(a0, rowNorm: n0, norms: nj), o0 + j)
                store(K.finish(a1, rowNorm: n1, norms: nj), o1 + j)
                store(K.finish(a2, rowNorm: n2, norms: nj), o2 + j)
                store(K.finish(a3, rowNorm: n3, norms: nj), o3 + j)
                j &+= width
            }
            while j < n {
                for a in 0..<4 { scalarPair(i &+ a, j) }
                j &+= 1
            }
            i &+= 4
        }
        // The last rows one at a time.
        while i < rows.upperBound {
            for k in 0..<p { x0[k] = PairLanes(repeating: t[k &* n &+ i]) }
            let o = out + (rowStart(i, n) &- i &- 1)
            let ni = norm(i)
            var j = i &+ 1
            while j &+ width <= n {
                var acc = PairLanes()
                var column = t + j
                for k in 0..<p {
                    acc = K.add(acc, x0[k], load(column))
                    column += n
                }
                store(K.finish(acc, rowNorm: ni, norms: normBlock(j)), o + j)
                j &+= width
            }
            while j < n {
                scalarPair(i, j)
                j &+= 1
            }
            i &+= 1
        }
    }
}

// MARK: - Missing data

extension PairwiseKernels {
    /// Euclidean (`squared`) or Manhattan distances with NaN cells, R's `dist` rule: each pair
    /// uses the m variables both rows have and is rescaled by p / m; fewer than `minimumShared`
    /// shared variables give NaN. Returns the distances and the shared counts. O(n^2 p).
    ///
    /// - Throws: `StatsError.interrupted` when an interrupt is requested (see `forEachRowChunk`).
    static func missing(
        squared: Bool, columns: [Double], count n: Int, variables p: Int, minimumShared: Int,
        work: WorkProgress.Work = .silent
    ) throws(StatsError) -> (values: [Double], shared: [Int32]) {
        let total = n * (n - 1) / 2
        var shared = [Int32](repeating: 0, count: total)
        var failure: StatsError?
        let values = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            adviseHugePages(buffer)
            let out = PairwisePointer(pointer: buffer.baseAddress!)
            shared.withUnsafeMutableBufferPointer { sharedBuffer in
                let counts = PairwisePointer(pointer: sharedBuffer.baseAddress!)
                columns.withUnsafeBufferPointer { columnBuffer in
                    let t = PairwiseReadPointer(pointer: columnBuffer.baseAddress!)
                    do throws(StatsError) {
                        try forEachRowChunk(count: n, work: work) { rows in
                            if squared {
                                missingRows(squared: true, t.pointer, n, p, minimumShared, rows, out.pointer, counts.pointer)
                            } else {
                                missingRows(squared: false, t.pointer, n, p, minimumShared, rows, out.pointer, counts.pointer)
                            }
                            return nil
                        }
                    } catch { failure = error }
                }
            }
            // Interrupted: the cells not computed are garbage doubles (a trivial type), discarded.
            initialized = total
        }
        if let failure { throw failure }
        return (values, shared)
    }

    @inline(__always)
    static func missingRows(
        squared: Bool, _ t: UnsafePointer<Double>, _ n: Int, _ p: Int, _ minimumShared: Int,
        _ rows: Range<Int>, _ out: UnsafeMutablePointer<Double>, _ counts: UnsafeMutablePointer<Int32>
    ) {
        let scale = Double(p)
        let minimum = Double(minimumShared)
        for i in rows {
            let o = rowStart(i, n) - i - 1
            var j = i + 1
            while j + 8 <= n {
                var acc = SIMD8<Double>(), count = SIMD8<Double>()
                var column = t + j
                for k in 0..<p {
                    let d: SIMD8<Double> = load(column) - SIMD8(repeating: t[k * n + i])
                    let term = squared ? d * d : pointwiseMax(d, -d)
                    let valid = d .== d
                    acc += term.replacing(with: 0, where: .!valid)
                    count += SIMD8<Double>(repeating: 1).replacing(with: 0, where: .!valid)
                    column += n
                }
                var value = SIMD8<Double>(repeating: scale) / count * acc
                if squared { value = value.squareRoot() }
                value.replace(with: .nan, where: count .< SIMD8(repeating: minimum))
                store(value, out + o + j)
                UnsafeMutableRawPointer(counts + o + j).storeBytes(
                    of: SIMD8<Int32>(count, rounding: .towardZero), as: SIMD8<Int32>.self)
                j += 8
            }
            while j < n {
                var acc = 0.0, count = 0
                for k in 0..<p {
                    let d = t[k * n + j] - t[k * n + i]
                    if d == d {
                        acc += squared ? d * d : abs(d)
                        count += 1
                    }
                }
                var value = scale / Double(count) * acc
                if squared { value = value.squareRoot() }
                out[o + j] = count < minimumShared ? .nan : value
                counts[o + j] = Int32(count)
                j += 1
            }
        }
    }

    /// Cosine distances with NaN cells: each pair on the variables both rows have (no
    /// rescaling); fewer than `minimumShared` give NaN. Throws when a row is all zero on the
    /// variables it shares with another (the first such pair in condensed order). O(n^2 p).
    static func missingCosine(
        columns: [Double], count n: Int, variables p: Int, minimumShared: Int, work: WorkProgress.Work = .silent
    ) throws(StatsError) -> (values: [Double], shared: [Int32]) {
        let total = n * (n - 1) / 2
        var shared = [Int32](repeating: 0, count: total)
        var values = [Double](repeating: 0, count: total)
        var failure: StatsError?
        values.withUnsafeMutableBufferPointer { buffer in
            let out = PairwisePointer(pointer: buffer.baseAddress!)
            shared.withUnsafeMutableBufferPointer { sharedBuffer in
                let counts = PairwisePointer(pointer: sharedBuffer.baseAddress!)
                columns.withUnsafeBufferPointer { columnBuffer in
                    let t = PairwiseReadPointer(pointer: columnBuffer.baseAddress!)
                    do throws(StatsError) {
                        try forEachRowChunk(count: n, work: work) { rows in
                            missingCosineRows(t.pointer, n, p, minimumShared, rows, out.pointer, counts.pointer)
                        }
                    } catch { failure = error }
                }
            }
        }
        if let failure { throw failure }
        return (values, shared)
    }

    static func missingCosineRows(
        _ t: UnsafePointer<Double>, _ n: Int, _ p: Int, _ minimumShared: Int,
        _ rows: Range<Int>, _ out: UnsafeMutablePointer<Double>, _ counts: UnsafeMutablePointer<Int32>
    ) -> StatsError? {
        let minimum = Double(minimumShared)
        for i in rows {
            let o = rowStart(i, n) - i - 1
            var j = i + 1
            while j + 8 <= n {
                var dot = SIMD8<Double>(), xx = SIMD8<Double>(), yy = SIMD8<Double>(), count = SIMD8<Double>()
                var column = t + j
                for k in 0..<p {
                    let y: SIMD8<Double> = load(column)
                    let x = SIMD8<Double>(repeating: t[k * n + i])
                    let product = x * y
                    let invalid = .!(product .== product)
                    dot += product.replacing(with: 0, where: invalid)
                    xx += (x * x).replacing(with: 0, where: invalid)
                    yy += (y * y).replacing(with: 0, where: invalid)
                    count += SIMD8<Double>(repeating: 1).replacing(with: 0, where: invalid)
                    column += n
                }
                let enough = count .>= SIMD8(repeating: minimum)
                if any(enough .& ((xx .== 0) .| (yy .== 0))) {
                    for lane in 0..<8 where enough[lane] && (xx[lane] == 0 || yy[lane] == 0) {
                        return .zeroRow(xx[lane] == 0 ? i : j + lane, other: xx[lane] == 0 ? j + lane : i)
                    }
                }
                var value = CosinePairKernel.cosineDistance(dot: dot, norms: xx.squareRoot() * yy.squareRoot())
                value.replace(with: .nan, where: .!enough)
                store(value, out + o + j)
                UnsafeMutableRawPointer(counts + o + j).storeBytes(
                    of: SIMD8<Int32>(count, rounding: .towardZero), as: SIMD8<Int32>.self)
                j += 8
            }
            while j < n {
                var dot = 0.0, xx = 0.0, yy = 0.0, count = 0
                for k in 0..<p {
                    let (x, y) = (t[k * n + i], t[k * n + j])
                    let product = x * y
                    if product == product {
                        dot += product
                        xx += x * x
                        yy += y * y
                        count += 1
                    }
                }
                if count >= minimumShared && (xx == 0 || yy == 0) {
                    return .zeroRow(xx == 0 ? i : j, other: xx == 0 ? j : i)
                }
                out[o + j] = count < minimumShared
                    ? .nan : CosinePairKernel.cosineDistance(dot: dot, norms: xx.squareRoot() * yy.squareRoot())
                counts[o + j] = Int32(count)
                j += 1
            }
        }
        return nil
    }
}
