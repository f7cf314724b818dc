/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA): a tiny, fast generator whose whole state is one 64-bit word, so that a seed fully
/// determines a stream. The toolkit's seeded randomness; also the generator Java's
/// `SplittableRandom` uses. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform on (0, 1), never exactly 0 or 1 (for logarithms).
    public mutating func openUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }
}
