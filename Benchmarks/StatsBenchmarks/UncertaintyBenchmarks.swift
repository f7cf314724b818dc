import Benchmark
import Foundation
import Stats

/// The uncertainty-analysis workload: RIS 2023 (246 regions x 21 indicators, `RIS2023`), one
/// level, equal weights, arithmetic; 1,000,000 Monte Carlo samples with every weight uniform within ±25 % of nominal, renormalised;
/// nominal, mean, median and 5 / 95 % ranks of every region. `Benchmarks/compare.py --only
/// uncertainty` runs the same workload vectorised in numpy and measures this one's peak memory.
enum UncertaintyWorkload {
    static let samples = 1_000_000
    static let seed: UInt64 = 2023
    static let name = "Uncertainty of RIS 2023 ranks, 1M samples"

    static var data: RIS2023 { RIS2023.shared }

    static func analysis() throws -> UncertaintyAnalysis {
        let structure = try CompositeStructure.flat(indicators: data.indicators)
        return try UncertaintyAnalysis(structure: structure, data: [data.columns],
                                       perturbation: .uniform(fraction: 0.25, renormalised: true))
    }

    /// Rank statistics only, as the numpy peer (no streamed score mean and sd).
    static func run() throws -> UncertaintyResult {
        try analysis().run(samples: samples, seed: seed, scoreStatistics: false)
    }
}

func registerUncertaintyBenchmarks() {
    Benchmark(
        UncertaintyWorkload.name,
        configuration: .init(maxDuration: .seconds(20), maxIterations: 5, setup: { _ = UncertaintyWorkload.data })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let result = try UncertaintyWorkload.run()
            blackHole((result.medianRank, result.p05Rank, result.p95Rank))
        }
    }
}
