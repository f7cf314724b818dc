import Foundation
import Stats

/// Seeded data for the Stats benchmarks: the same distributions and sizes that
/// `Benchmarks/compare.py` draws with numpy (`default_rng(seed).standard_normal`). Identical bits
/// are not needed; the same distribution, size and layout are.
enum BenchmarkData {
    /// Quartiles workload: 10 million standard normal doubles.
    static let quartilesCount = 10_000_000
    /// Boxplot workload: one million re-draws of a portfolio's indicator over 26 regions, stored
    /// row after row (row-major, as numpy's `(1_000_000, 26)` C-contiguous array).
    static let boxplotVectors = 1_000_000
    static let boxplotLength = 26

    static let quartilesInput = standardNormal(count: quartilesCount, seed: 1)
    static let boxplotInput = standardNormal(count: boxplotVectors * boxplotLength, seed: 2)

    /// `count` standard normal deviates from `seed`: SplitMix64 (Steele, Lea & Flood 2014) for the
    /// uniform bits, the Box–Muller transform for the normal deviates.
    static func standardNormal(count: Int, seed: UInt64) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            var i = 0
            while i < count {
                let radius = (-2 * log(generator.openUnit())).squareRoot()
                let angle = 2 * Double.pi * generator.openUnit()
                buffer[i] = radius * cos(angle)
                if i + 1 < count { buffer[i + 1] = radius * sin(angle) }
                i += 2
            }
            initialized = count
        }
    }
}
