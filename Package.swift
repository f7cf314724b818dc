// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "StressTest",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stresstest", targets: ["stresstest"]),
        .library(name: "Stats", targets: ["Stats"]),
        .library(name: "StressTest", targets: ["StressTest"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "Script", targets: ["Script"]),
        .library(name: "Notebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            path: "Sources/CEditLine",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CRankKernels"),
        .target(name: "Stats", dependencies: ["CLapack", "CRankKernels"]),
        .target(name: "StressTest", dependencies: ["Stats"], resources: [.copy("Resources")]),
        .target(name: "Charts", dependencies: ["Stats"]),
        .target(name: "Script", dependencies: ["Stats", "StressTest", "Charts"]),
        .target(name: "Notebook", dependencies: [
            "Script", "StressTest", "Charts", "Stats",
            .product(name: "Ink", package: "Ink"), .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(
            name: "stresstest",
            dependencies: [
                "Notebook", "Script", "StressTest", "Charts", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The libFuzzer targets (Sources/Fuzzing) and their driver; `make fuzz` builds it with
        // --sanitize fuzzer, a plain build replays inputs.
        .target(name: "Fuzzing", dependencies: ["StressTest", "Script", "Notebook", "Charts", "Stats"]),
        .executableTarget(name: "stresstest-fuzz", dependencies: ["Fuzzing"]),
        .testTarget(name: "StatsTests", dependencies: ["Stats", "CRankKernels"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StressTestTests", dependencies: ["StressTest"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: [
            "Charts", .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
        .testTarget(name: "ScriptTests", dependencies: [
            "Script", "Charts", "StressTest", .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__", "Fixtures"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Script", "StressTest", "Stats", "Charts"]),
        .testTarget(name: "FuzzingTests", dependencies: ["Fuzzing"], exclude: ["Regressions"]),
        .testTarget(name: "EndToEndTests", dependencies: ["stresstest"], exclude: ["Fixtures"]),
        .executableTarget(
            name: "StatsBenchmarks",
            dependencies: [
                "Stats", "StressTest",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/StatsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
