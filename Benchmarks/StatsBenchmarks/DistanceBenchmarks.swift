import Benchmark
import Stats

/// All pairwise Euclidean distances of 10,000 rows x 21 standard normal variables (seed 5):
/// 49,995,000 pairs, 400 MB of condensed distances. Kept in step with the `pdist` block of
/// `Benchmarks/compare.py`, whose peer is `scipy.spatial.distance.pdist(X)` on the same numbers.
enum DistanceBenchmarkData {
    static let rows = 10_000
    static let columns = 21
    static let seed: UInt64 = 5
    static let name = "All pairwise distances of 10,000 x 21"
    static let data = Matrix(
        rows: rows, columns: columns, elements: BenchmarkData.standardNormal(count: rows * columns, seed: seed))
}

func registerDistanceBenchmarks() {
    Benchmark(
        DistanceBenchmarkData.name,
        configuration: .init(maxDuration: .seconds(20), maxIterations: 15, setup: { _ = DistanceBenchmarkData.data })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let distances = try DistanceMatrix.between(rows: DistanceBenchmarkData.data)
            blackHole(distances.values[distances.values.count - 1])
        }
    }
}
