import Benchmark
import CLapack
import Foundation
import Stats

/// The Sobol' workload of `Benchmarks/compare.py --only sobol`: Saltelli N = 2^14 over the 21
/// weights of the RIS 2023 (246 regions x 21 indicators), output the mean absolute rank shift of
/// all regions against the equal-weight ranking; SALib's `sobol.sample` + numpy evaluation +
/// `sobol.analyze` (calc_second_order=False, 1000 resamples) on the peer side.
enum SobolBenchmark {
    static let name = "Sobol of 21 RIS 2023 weights N 16384"
    static let samples = 1 << 14
    static let seed: UInt64 = 1
    static let resamples = 1000

    /// The RIS 2023 indicator matrix (`RIS2023`).
    static var data: RIS2023 { RIS2023.shared }

    /// Ranks 1 = best (largest score), ties get the lowest rank, written as Doubles into `ranks`
    /// (at most 256 regions). `keys` is scratch of `count` elements.
    ///
    /// Sorting: each score becomes a 64-bit key that sorts descending (its IEEE bits made
    /// order-preserving, then complemented) whose lowest 8 bits are replaced by the region's index;
    /// the keys sort as plain integers (no indirection). Scores closer than 2^-44 relative may come
    /// out in index order instead of score order, so one insertion pass with the exact scores puts
    /// the nearly sorted order right (O(count) when nothing is out of place). Equal scores then get
    /// the lowest rank of their tie.
    static func rankDescending(_ scores: UnsafePointer<Double>, _ count: Int, keys: UnsafeMutableBufferPointer<UInt64>,
                               ranks: UnsafeMutablePointer<Double>) {
        precondition(count <= 256)
        for i in 0..<count {
            let bits = scores[i].bitPattern
            let ascending = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
            keys[i] = (~ascending & ~0xFF) | UInt64(i)
        }
        quicksort(keys.baseAddress!, 0, count - 1)
        @inline(__always) func before(_ a: UInt64, _ b: UInt64) -> Bool {
            let (i, j) = (Int(a & 0xFF), Int(b & 0xFF))
            let (x, y) = (scores[i], scores[j])
            return x != y ? x > y : i < j
        }
        for i in 1..<count {
            let item = keys[i]
            var j = i
            while j > 0 && before(item, keys[j - 1]) {
                keys[j] = keys[j - 1]
                j -= 1
            }
            keys[j] = item
        }
        var start = 0
        while start < count {
            let value = scores[Int(keys[start] & 0xFF)]
            var end = start
            while end + 1 < count && scores[Int(keys[end + 1] & 0xFF)] == value { end += 1 }
            for position in start...end { ranks[Int(keys[position] & 0xFF)] = Double(start + 1) }
            start = end + 1
        }
    }

    /// Sorts `keys[low...high]` ascending: quicksort (median of three, Lomuto partition written
    /// without a branch on the comparison) down to 16 keys, then insertion sort. Not stable; the
    /// keys are distinct. The standard library's stable sort is several times slower here.
    static func quicksort(_ keys: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int) {
        @inline(__always) func swapAt(_ i: Int, _ j: Int) { let t = keys[i]; keys[i] = keys[j]; keys[j] = t }
        var low = low, high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if keys[middle] < keys[low] { swapAt(middle, low) }
            if keys[high] < keys[low] { swapAt(high, low) }
            if keys[high] < keys[middle] { swapAt(high, middle) }
            swapAt(middle, high)  // the median as the pivot, at the end
            let pivot = keys[high]
            var store = low
            for i in low..<high {
                let key = keys[i]
                let smaller = key < pivot
                keys[i] = keys[store]
                keys[store] = key
                store &+= smaller ? 1 : 0  // swapping a larger key among larger keys is harmless
            }
            swapAt(store, high)
            // Recurse into the smaller part, loop on the larger.
            if store - low < high - store {
                quicksort(keys, low, store - 1)
                low = store + 1
            } else {
                quicksort(keys, store + 1, high)
                high = store - 1
            }
        }
        if high > low {
            for i in (low + 1)...high {
                let key = keys[i]
                var j = i
                while j > low && key < keys[j - 1] {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = key
            }
        }
    }

    /// The model: weights W_j = (0.75 + 0.5 u_j) / 21, scores = W X^T / Σ W (one dgemm per batch),
    /// ranks of each row, mean |rank − nominal rank| over the regions.
    static func model(_ data: RIS2023) -> SobolModel {
        let k = data.indicators.count, regions = data.regions
        let nominal = ranks((0..<regions).map { r in (0..<k).reduce(0) { $0 + data.values[r * k + $1] } / Double(k) },
                            ties: .min, descending: true)
        let values = data.values
        return { points, count, out in
            var weights = [Double](repeating: 0, count: count * k)
            var sums = [Double](repeating: 0, count: count)
            for row in 0..<count {
                var sum = 0.0
                for j in 0..<k {
                    let w = (0.75 + 0.5 * points[row * k + j]) / Double(k)
                    weights[row * k + j] = w
                    sum += w
                }
                sums[row] = sum
            }
            var scores = [Double](repeating: 0, count: count * regions)
            weights.withUnsafeBufferPointer { w in
                values.withUnsafeBufferPointer { x in
                    scores.withUnsafeMutableBufferPointer { s in
                        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(count), blasint(regions),
                                    blasint(k), 1, w.baseAddress, blasint(k), x.baseAddress, blasint(k), 0,
                                    s.baseAddress, blasint(regions))
                    }
                }
            }
            var keys = [UInt64](repeating: 0, count: regions)
            var rowRanks = [Double](repeating: 0, count: regions)
            scores.withUnsafeMutableBufferPointer { s in
                for row in 0..<count {
                    let base = s.baseAddress! + row * regions
                    let inverse = 1 / sums[row]
                    for r in 0..<regions { base[r] *= inverse }
                    keys.withUnsafeMutableBufferPointer { k in
                        rowRanks.withUnsafeMutableBufferPointer { rankDescending(base, regions, keys: k, ranks: $0.baseAddress!) }
                    }
                    var shift = 0.0
                    for r in 0..<regions { shift += abs(rowRanks[r] - nominal[r]) }
                    out[row] = shift / Double(regions)
                }
            }
        }
    }

    static func run() throws -> SobolSensitivity {
        let data = Self.data
        return try SobolSensitivity(dimensions: data.indicators.count, inputNames: data.indicators,
                                    samples: samples, seed: seed, resamples: resamples, model: model(data))
    }

    /// Writes the indices as JSON to the file named by `SOBOL_BENCHMARK_OUTPUT`, if set, so that
    /// compare.py can print them next to SALib's.
    static func export(_ result: SobolSensitivity) {
        guard let path = ProcessInfo.processInfo.environment["SOBOL_BENCHMARK_OUTPUT"] else { return }
        let object: [String: Any] = [
            "names": result.names, "S1": result.firstOrder, "ST": result.totalOrder,
            "S1_conf": result.firstOrderConfidence, "ST_conf": result.totalOrderConfidence,
            "variance": result.variance, "evaluations": result.evaluations,
        ]
        if let json = try? JSONSerialization.data(withJSONObject: object) {
            try? json.write(to: URL(fileURLWithPath: path))
        }
    }

    static func register() {
        Benchmark(
            name,
            configuration: .init(warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 1,
                                 setup: { _ = SobolBenchmark.data })
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let result = try run()
                export(result)
                blackHole(result)
            }
        }
    }
}
