import Benchmark
import Foundation
import Stats

/// The composite-indicator pipeline's first three steps (COINr `Impute`, `Treat`, `Normalise`) on
/// a portfolio of 2 000 units x 500 indicators; `Benchmarks/compare.py --only pipeline` runs the
/// same workload in numpy. Kept in step with `pipeline_input` there.
enum PipelineBenchmarkData {
    static let units = 2_000
    static let indicators = 500
    static let seed: UInt64 = 3
    static let missingSeed: UInt64 = 4

    /// Column-major indicators: column j is exp(s_j z) with s_j = 0.25 + (j mod 4) / 3 (skewed,
    /// the larger s_j strongly: those columns are winsorised or log-transformed), z standard
    /// normal; a cell is missing where a second standard normal draw exceeds 1.645 (about 5 %).
    static let columns: [[Double]] = {
        let z = BenchmarkData.standardNormal(count: units * indicators, seed: seed)
        let m = BenchmarkData.standardNormal(count: units * indicators, seed: missingSeed)
        return (0..<indicators).map { j in
            let spread = 0.25 + Double(j % 4) / 3
            return (0..<units).map { i in
                let k = j * units + i
                return m[k] > 1.645 ? .nan : exp(spread * z[k])
            }
        }
    }()
    /// Two groups, alternating units.
    static let groups: [Int] = (0..<units).map { $0 % 2 }
    /// Every third indicator is negative.
    static let directions: [IndicatorDirection] = (0..<indicators).map { $0 % 3 == 0 ? .negative : .positive }
}

/// Registered from `StatsBenchmarks.swift`.
func pipelineBenchmarks() {
    // Impute by group mean, treat outliers (COINr defaults), min-max 0..100 with directions.
    Benchmark(
        "Pipeline impute-treat-normalise of 2000 x 500",
        configuration: .init(setup: { _ = PipelineBenchmarkData.columns })
    ) { benchmark in
        let data = PipelineBenchmarkData.self
        for _ in benchmark.scaledIterations {
            let imputed = try impute(columns: data.columns, method: .mean, groups: data.groups).map(\.values)
            let treated = try treatOutliers(columns: imputed, method: .coinr).map(\.values)
            blackHole(try normalise(columns: treated, method: .minMax(), directions: data.directions))
        }
    }
}
