import Benchmark
import Stats

/// The performance workloads, measured by ordo-one/benchmark. `Benchmarks/compare.py`
/// runs these and the same workloads in numpy in one run and prints the ratios; see
/// Benchmarks/README.md. Benchmark names are matched by that script: keep them in step.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 15
    )

    // Quartiles (type 7) of 10M doubles, as `numpy.percentile(x, [25, 50, 75])`: both copy the
    // input (NaN removal here, `arr.copy()` there) and select the order statistics in the copy.
    Benchmark(
        "Quartiles of 10M doubles",
        configuration: .init(setup: { _ = BenchmarkData.quartilesInput })
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try quantiles(BenchmarkData.quartilesInput, [0.25, 0.5, 0.75]))
        }
    }

    // Boxplot statistics (quartiles, fences, whiskers, outliers) of each of 1M vectors of 26.
    Benchmark(
        "Boxplot statistics of 1M x 26",
        configuration: .init(
            maxDuration: .seconds(20), maxIterations: 7, setup: { _ = BenchmarkData.boxplotInput })
    ) { benchmark in
        let data = BenchmarkData.boxplotInput
        let length = BenchmarkData.boxplotLength
        for _ in benchmark.scaledIterations {
            var outliers = 0
            for row in 0..<BenchmarkData.boxplotVectors {
                let statistics = try BoxplotStatistics(data[(row * length)..<((row + 1) * length)])
                outliers += statistics.outliers.count
            }
            blackHole(outliers)
        }
    }

    // Composite-indicator pipeline (PipelineBenchmarks.swift).
    pipelineBenchmarks()
    // Sobol' sensitivity of the RIS 2023 ranking to its 21 weights (SobolBenchmark.swift).
    SobolBenchmark.register()
    tippingBenchmarks()  // TippingBenchmarks.swift
    // Uncertainty analysis of RIS 2023 ranks (UncertaintyBenchmarks.swift).
    registerUncertaintyBenchmarks()
    registerDistanceBenchmarks()  // all pairwise distances (DistanceBenchmarks.swift)
    registerWardBenchmarks()  // Ward of 10,000 x 21 (WardBenchmarks.swift)
}
