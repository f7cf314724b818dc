/// The Sobol' low-discrepancy sequence (Sobol' 1967) in up to `maxDimensions` (1024) dimensions,
/// with the direction numbers of Joe & Kuo (2008, "new-joe-kuo-6.21201"; the table scipy ships)
/// and, when seeded, a random linear matrix scrambling plus a random digital shift (Matoušek
/// 1998; what `scipy.stats.qmc.Sobol(scramble=True)` does, with our own random bits).
///
/// Choices
/// - 32-bit precision: at most 2^32 points. Points come in Gray-code order (Antonov & Saleev
///   1979), as scipy's, so the unscrambled sequence starts with scipy's points 0, 0.5, 0.75, 0.25...
/// - Every coordinate is the centre of its cell of width 2^-32, `(x + 0.5) · 2^-32`, hence strictly
///   inside (0, 1): an inverse distribution function never sees 0 or 1. The unscrambled points thus
///   differ from scipy's by 2^-33.
/// - Scrambled (`seed` given): each dimension's direction numbers are multiplied by a random
///   lower-triangular binary matrix with unit diagonal and the points are XOR-ed with a random
///   32-bit shift, all drawn from `SplitMix64(seed:)`. Scrambling keeps the (t, m, s)-net
///   property (the first 2^m points are balanced) and makes the sequence a randomised QMC
///   design whose first point is not 0, so no point needs to be skipped.
///
/// Points can be generated from any index (`fill(from:count:into:)`), so a design can be split
/// into fixed blocks computed on different threads with the same result.
public struct SobolSequence: Sendable {
    /// The largest number of dimensions the direction-number table supports.
    public static let maxDimensions = 1024
    /// The largest number of points (32-bit digits).
    public static let maxPoints = 1 << 32

    /// The number of coordinates of each point.
    public let dimensions: Int
    /// The scrambling seed; nil for the plain (unscrambled) sequence.
    public let seed: UInt64?
    /// Direction numbers, 32 per dimension (row-major dimensions x 32), scrambled if seeded.
    private let directions: [UInt32]
    /// The digital shift of each dimension (0 when unscrambled).
    private let shifts: [UInt32]

    /// The sequence in `dimensions` dimensions, scrambled from `seed` (nil: unscrambled).
    ///
    /// Throws `invalidParameter` when `dimensions` is not in 1...1024. O(dimensions · 32²).
    public init(dimensions: Int, seed: UInt64?) throws(StatsError) {
        guard dimensions >= 1 && dimensions <= Self.maxDimensions else {
            throw .invalidParameter(
                name: "dimensions", value: String(dimensions),
                allowed: "the Sobol' sequence supports 1 to \(Self.maxDimensions) dimensions")
        }
        self.dimensions = dimensions
        self.seed = seed
        var directions = [UInt32](repeating: 0, count: dimensions * 32)
        let table = Self.parsedTable
        for dimension in 0..<dimensions {
            let entry = table[dimension]
            let polynomial = entry[0]
            let degree = UInt32.bitWidth - polynomial.leadingZeroBitCount - 1
            let base = dimension * 32
            if degree == 0 {
                for j in 0..<32 { directions[base + j] = 1 << (31 - j) }
                continue
            }
            for j in 0..<min(degree, 32) { directions[base + j] = entry[1 + j] << (31 - j) }
            if degree < 32 {
                for j in degree..<32 {
                    var v = directions[base + j - degree]
                    v ^= v >> UInt32(degree)
                    for k in 1..<degree where (polynomial >> UInt32(degree - k)) & 1 == 1 {
                        v ^= directions[base + j - k]
                    }
                    directions[base + j] = v
                }
            }
        }
        var shifts = [UInt32](repeating: 0, count: dimensions)
        if let seed {
            var generator = SplitMix64(seed: seed ^ 0x5EED_50B0_1000_0001)
            for dimension in 0..<dimensions {
                // Row k of the lower-triangular matrix (k = 0 the most significant digit) as a mask
                // over the input digits 0...k: its diagonal bit and random bits for digits < k.
                var rows = [UInt32](repeating: 0, count: 32)
                for k in 0..<32 {
                    let diagonal: UInt32 = 1 << (31 - k)
                    let above: UInt32 = k == 0 ? 0 : ~((diagonal << 1) &- 1)
                    rows[k] = diagonal | (UInt32(truncatingIfNeeded: generator.next()) & above)
                }
                let base = dimension * 32
                for j in 0..<32 {
                    let v = directions[base + j]
                    var scrambled: UInt32 = 0
                    for k in 0..<32 where (rows[k] & v).nonzeroBitCount & 1 == 1 {
                        scrambled |= 1 << (31 - k)
                    }
                    directions[base + j] = scrambled
                }
                shifts[dimension] = UInt32(truncatingIfNeeded: generator.next() >> 32)
            }
        }
        self.directions = directions
        self.shifts = shifts
    }

    /// Writes points `start ..< start + count` into `out`, row-major (`count` x `dimensions`).
    /// O(dimensions · (32 + count)).
    ///
    /// - Precondition: `0 <= start`, `start + count <= maxPoints`, `out.count >= count * dimensions`.
    public func fill(from start: Int, count: Int, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(start >= 0 && count >= 0 && start + count <= Self.maxPoints,
                     "SobolSequence: points \(start)..<\(start + count) are beyond 2^32")
        precondition(out.count >= count * dimensions, "SobolSequence.fill: output buffer too small")
        guard count > 0 else { return }
        let d = dimensions
        var state = [UInt32](repeating: 0, count: d)
        let gray = UInt64(start) ^ (UInt64(start) >> 1)
        directions.withUnsafeBufferPointer { v in
            for dimension in 0..<d {
                var x = shifts[dimension]
                var bits = gray
                while bits != 0 {
                    let j = bits.trailingZeroBitCount
                    x ^= v[dimension * 32 + j]
                    bits &= bits &- 1
                }
                state[dimension] = x
            }
            let scale = 0x1p-32
            for row in 0..<count {
                if row > 0 {
                    let j = (start + row).trailingZeroBitCount
                    for dimension in 0..<d { state[dimension] ^= v[dimension * 32 + j] }
                }
                let offset = row * d
                for dimension in 0..<d { out[offset + dimension] = (Double(state[dimension]) + 0.5) * scale }
            }
        }
    }

    /// Points `start ..< start + count` as a row-major array (`count` x `dimensions`).
    public func points(from start: Int = 0, count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count * dimensions) { buffer, initialized in
            fill(from: start, count: count, into: buffer)
            initialized = count * dimensions
        }
    }

    /// The direction-number table as numbers: per dimension the polynomial, then m_1 ... m_s.
    private static let parsedTable: [[UInt32]] = directionNumberTable.split(separator: "\n").map { line in
        line.split(separator: " ").map { UInt32($0)! }
    }
}
