import Foundation

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
        var generator = SplitMix64(state: seed)
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            var i = 0
            while i < count {
                let radius = (-2 * log(generator.nextOpenUnit())).squareRoot()
                let angle = 2 * Double.pi * generator.nextOpenUnit()
                buffer[i] = radius * cos(angle)
                if i + 1 < count { buffer[i + 1] = radius * sin(angle) }
                i += 2
            }
            initialized = count
        }
    }
}

struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on (0, 1), 53 random bits; never exactly 0, so that log() is finite.
    mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}
