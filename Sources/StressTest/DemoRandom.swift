import Stats

/// The random numbers of `DemoGenerator`: uniform and normal deviates from `SplitMix64`, with the
/// logarithm, exponential and cosine they need computed here from `+ - * /` and `sqrt` only.
///
/// Why not `Foundation.log`, `exp`, `cos`: the platform's math library may differ in the last bit
/// between Linux (glibc) and macOS, and one bit can move a value across a rounding boundary (a
/// 2-decimal indicator value, an answer rounded to 0...4), so the shipped files would not
/// regenerate byte for byte everywhere. IEEE 754 prescribes `+ - * /` and `sqrt` exactly, so the
/// functions below give the same bits on every platform. They are accurate to a few units in the
/// last place, which is plenty for synthetic data.
///
/// Streams: each part of the generation (latent factors, outliers, waves, structural variables,
/// each example survey) draws from its own stream derived from the seed and a stream number, so
/// that a change in one part does not shift the numbers of the others.
struct DemoRandom {
    private var generator: SplitMix64

    /// The stream `stream` of `seed`: SplitMix64 seeded with the first output of SplitMix64 seeded
    /// with `seed ^ (stream * 0x9E3779B97F4A7C15)`.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        generator = SplitMix64(seed: mixer.next())
    }

    /// Uniform on [0, 1).
    mutating func uniform() -> Double { generator.unit() }

    /// Uniform on [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * generator.unit() }

    /// A uniform integer in 0..<n (n > 0), by multiplying a [0, 1) deviate; the bias, at most
    /// n / 2^53, is irrelevant for synthetic data.
    mutating func index(_ n: Int) -> Int {
        precondition(n > 0, "DemoRandom.index: n must be positive")
        return Swift.min(Int(generator.unit() * Double(n)), n - 1)
    }

    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { generator.unit() < p }

    /// A standard normal deviate by Box-Muller (Box & Muller 1958), the cosine branch:
    /// z = sqrt(-2 ln u1) cos(2 pi u2) with u1 uniform on (0, 1) and u2 on [0, 1); two uniforms
    /// per deviate.
    mutating func normal() -> Double {
        let u1 = generator.openUnit()
        let u2 = generator.unit()
        return (-2 * PortableMath.log(u1)).squareRoot() * PortableMath.cosTwoPi(u2)
    }

    /// A normal deviate with mean `mean` and standard deviation `sd`.
    mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// The elements in a uniformly random order (Fisher-Yates).
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        var i = result.count - 1
        while i > 0 {
            result.swapAt(i, index(i + 1))
            i -= 1
        }
        return result
    }
}

/// Logarithm, exponential and cosine from IEEE-exact operations only, so that they give the same
/// bits on every platform (see `DemoRandom`). Series evaluated in a fixed order.
enum PortableMath {
    static let ln2 = 0.693_147_180_559_945_3
    static let halfPi = 1.570_796_326_794_896_6

    /// The natural logarithm of x > 0: x = m 2^e with m in [sqrt(1/2), sqrt(2)) (exact), then
    /// ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1)/(m + 1), |s| <= 0.172, 12 terms.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "PortableMath.log: x must be finite and > 0")
        var m = x.significand  // [1, 2), exact
        var e = Double(x.exponent)
        if m > 1.414_213_562_373_095_1 {
            m /= 2  // exact
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var term = s, sum = 0.0
        for k in 0..<12 {
            sum += term / Double(2 * k + 1)
            term *= s2
        }
        return 2 * sum + e * ln2
    }

    /// e^x for |x| < 700: x = k ln 2 + r with |r| <= ln 2 / 2, e^r by its Taylor series (22
    /// terms), then scaled by 2^k (exact).
    static func exp(_ x: Double) -> Double {
        precondition(x.isFinite && abs(x) < 700, "PortableMath.exp: |x| must be < 700")
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...22 {
            term = term * r / Double(n)
            sum += term
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// cos(2 pi u) for u in [0, 1): 4u = q + f with quadrant q and f in [0, 1) (both exact), then
    /// cos or sin of f pi/2 by their Taylor series (16 terms each).
    static func cosTwoPi(_ u: Double) -> Double {
        precondition(u >= 0 && u < 1, "PortableMath.cosTwoPi: u must be in [0, 1)")
        let t = u * 4  // exact
        let q = Int(t)
        let a = (t - Double(q)) * halfPi
        switch q {
        case 0: return cosine(a)
        case 1: return -sine(a)
        case 2: return -cosine(a)
        default: return sine(a)
        }
    }

    /// cos a for a in [0, pi/2).
    static func cosine(_ a: Double) -> Double {
        let a2 = a * a
        var term = 1.0, sum = 1.0
        for n in 1...16 {
            term = -term * a2 / Double((2 * n - 1) * (2 * n))
            sum += term
        }
        return sum
    }

    /// sin a for a in [0, pi/2).
    static func sine(_ a: Double) -> Double {
        let a2 = a * a
        var term = a, sum = a
        for n in 1...16 {
            term = -term * a2 / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }
}
