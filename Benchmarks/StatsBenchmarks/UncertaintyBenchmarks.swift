import Benchmark
import Foundation
import Stats
import StressTest

/// The uncertainty-analysis workload: RIS 2023 (246 regions x 21 indicators, read with the
/// toolkit's CSVReader from the shared reference data), one level, equal weights, arithmetic;
/// 1,000,000 Monte Carlo samples with every weight uniform within ±25 % of nominal, renormalised;
/// nominal, mean, median and 5 / 95 % ranks of every region. `Benchmarks/compare.py --only
/// uncertainty` runs the same workload vectorised in numpy and measures this one's peak memory.
enum UncertaintyWorkload {
    static let samples = 1_000_000
    static let seed: UInt64 = 2023
    static let name = "Uncertainty of RIS 2023 ranks, 1M samples"

    /// `../shared/data/ris/ris2023_regions.csv` relative to the package root.
    static var path: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/data/ris/ris2023_regions.csv").path
    }

    /// The indicator columns (`1.1.2` ... `4.3.2`, the columns after `RII`) of the rows of 2023,
    /// one array per indicator.
    static let data: (indicators: [String], columns: [[Double]]) = {
        let table: CSVTable
        do { table = try CSVReader.read(path: path) } catch { fatalError("cannot read \(path): \(error)") }
        guard let year = table.column(named: "Year"), let first = table.column(named: "1.1.2") else {
            fatalError("\(path) lacks Year or 1.1.2")
        }
        let indicators = Array(table.header[first...])
        let rows = table.rows.filter { $0[year] == "2023" }
        let columns = indicators.indices.map { j in rows.map { Double($0[first + j]) ?? .nan } }
        return (indicators, columns)
    }()

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
