import Benchmark
import Stats

/// Ward clustering of 10,000 items x 21 variables from the data (`HierarchicalClustering.ward(rows:)`,
/// which never stores the 50 million distances), against scipy's `linkage(X, method="ward")` in
/// the `ward` block of `Benchmarks/compare.py`: standard normal data from SplitMix64 seed 6.
enum WardBenchmarkData {
    static let rows = 10_000
    static let columns = 21
    static let seed: UInt64 = 6
    static let data = Matrix(rows: rows, columns: columns,
                             elements: BenchmarkData.standardNormal(count: rows * columns, seed: seed))
}

func registerWardBenchmarks() {
    Benchmark(
        "Ward of 10000 x 21",
        configuration: .init(
            warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5,
            setup: { _ = WardBenchmarkData.data })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try HierarchicalClustering.ward(rows: WardBenchmarkData.data).heights.last)
        }
    }
}
