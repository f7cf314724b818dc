import Benchmark
import Stats

/// Weight tipping points (`TippingPoints`) on a portfolio the size of the RIS 2023 regional
/// scoreboard: 240 regions x 21 indicators, standard normal scores (seed 3), weights
/// proportional to 1, 2, ..., 21. Every region in turn is the region under study. Kept in step
/// with the `tipping` block of `Benchmarks/compare.py`.
enum TippingBenchmarkData {
    static let regions = 240
    static let components = 21
    static let scores = Matrix(
        rows: regions, columns: components,
        elements: BenchmarkData.standardNormal(count: regions * components, seed: 3))
    static let weights: [Double] = {
        let total = Double(components * (components + 1) / 2)
        return (1...components).map { Double($0) / total }
    }()
}

func tippingBenchmarks() {
    // Pairwise tipping points of every region against every other: 240 x 239 exact QPs.
    Benchmark(
        "Pairwise tipping points of 240 x 21",
        configuration: .init(setup: { _ = TippingBenchmarkData.scores })
    ) { benchmark in
        let (x, w) = (TippingBenchmarkData.scores, TippingBenchmarkData.weights)
        for _ in benchmark.scaledIterations {
            var total = 0.0
            for region in 0..<TippingBenchmarkData.regions {
                let result = try TippingPoints.pairwise(scores: x, weights: w, region: region)
                total += result.points[0].tipping.distance ?? 0
            }
            blackHole(total)
        }
    }

    // Single-weight tipping points of every region for every indicator.
    Benchmark(
        "Single-weight tipping points of 240 x 21",
        configuration: .init(setup: { _ = TippingBenchmarkData.scores })
    ) { benchmark in
        let (x, w) = (TippingBenchmarkData.scores, TippingBenchmarkData.weights)
        for _ in benchmark.scaledIterations {
            var total = 0.0
            for region in 0..<TippingBenchmarkData.regions {
                for s in try TippingPoints.singleWeight(scores: x, weights: w, region: region) {
                    total += (s.increase?.weight ?? 0) + (s.decrease?.weight ?? 0)
                }
            }
            blackHole(total)
        }
    }
}
