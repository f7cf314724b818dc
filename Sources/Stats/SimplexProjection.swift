/// The point of a slice of the probability simplex nearest to a given point of the simplex:
///
///     minimise ||w - w0||_2  subject to  sum(w) = 1,  w >= 0,  a'w = 0,
///
/// the exact quadratic programme behind weight tipping points (`TippingPoints.pairwise`): `w0` is
/// a nominal weight vector and `a` the difference of two regions' component scores, so that
/// `a'w = 0` is where the two tie.
///
/// Method (exact, finite; no sampling, no iteration to a tolerance). The KKT conditions give
/// `w(λ) = max(0, w0 - λ a - μ(λ))`, the Euclidean projection of `w0 - λ a` onto the simplex
/// (Held, Wolfe & Crowder 1974; Duchi et al. 2008), and `g(λ) = a'w(λ)` is continuous,
/// non-increasing and piecewise linear in `λ`. With `a'w0 > 0` the minimiser is `w(λ*)` at the
/// root `λ* > 0` of `g`. The solver follows the path from `λ = 0` piece by piece (a homotopy, as
/// LARS does for the lasso): on a piece the support `S` is fixed and `w` is affine in `λ`, so the
/// root on the piece and the next change of the support (a weight reaching 0, or a zero weight
/// starting to grow) are solved in closed form. The threshold `μ(λ)` is convex in `λ`, so every
/// component enters and leaves the support at most once: at most `2m` pieces. When one component
/// alone changes, the next support is the old one with it toggled (checked in O(m)); at
/// simultaneous changes, zero nominal weights or any doubt, the support just beyond is
/// re-derived from the sorted projection rule with a lexicographic tie-break on the direction of
/// motion. The result is exact up to rounding (a relative 1e-12 decides whether a quantity that
/// should be 0 at a change is 0).
///
/// Complexity: O(E · m) with E ≤ 2m + 1 the number of pieces visited, plus O(m log m) for each
/// degenerate change: O(m²) at worst, about 3 µs for m = 21 (E is then typically 5 to 10).
struct SimplexSliceProjection {
    /// The minimiser (sums to 1 up to rounding; components off the support are exactly 0).
    var weights: [Double]
    /// The Euclidean distance from `w0` to `weights`.
    var distance: Double
    /// The multiplier `λ*` of the slice constraint (0 when `w0` is on the slice).
    var multiplier: Double

    /// Solves the problem above. Returns nil when the slice is empty, that is when `a` has the
    /// same strict sign on every component (no weight vector of the simplex gives `a'w = 0`).
    ///
    /// `start` is `a'w0` as the caller computed it (so that its sign decides, consistently with
    /// the caller's ranks, which side `w0` is on); nil computes it.
    ///
    /// - Precondition: `w0` and `a` have the same positive length and are finite; `w0` is
    ///   non-negative (its sum is taken to be 1; the caller validates it).
    static func solve(nominal w0: [Double], direction a: [Double], start given: Double? = nil)
        -> SimplexSliceProjection?
    {
        let m = w0.count
        precondition(m > 0 && a.count == m, "the nominal weights and the direction need the same positive length")
        let start = given ?? zip(a, w0).reduce(0) { $0 + $1.0 * $1.1 }
        if start == 0 { return SimplexSliceProjection(weights: w0, distance: 0, multiplier: 0) }
        // Orient so that a'w0 > 0; the slice and the minimiser do not change.
        let d = start > 0 ? a : a.map { -$0 }
        guard let smallest = d.min(), smallest <= 0 else { return nil }

        let aMax = d.reduce(0) { max($0, abs($1)) }
        var lambda = 0.0
        var support = [Bool](repeating: false, count: m)
        var order = Array(0..<m)
        var v = [Double](repeating: 0, count: m)
        // Each pass visits one piece; 2m + 1 pieces at most (see above). The cap only guards
        // against rounding: its last pass takes the best point of the piece it is on.
        let passes = 4 * m + 8
        // The support comes from the sorted rule unless it is plain: at λ = 0 with every weight
        // positive it is everything, and after a change of one component alone (the next change
        // clearly later) it is the old one with that component toggled, provided that every
        // component then sits strictly on its side or leaves it in the right direction.
        var toggle: Int? = nil
        var plain = w0.allSatisfy { $0 > 0 }
        if plain {
            for j in 0..<m { support[j] = true }
        }
        let valueTolerance = 1e-12, rateTolerance = 1e-12 * aMax
        for pass in 1...passes {
            if pass > 1, let toggle {
                support[toggle].toggle()
                plain = true
            }
            var k = 0.0, sumW = 0.0, sumA = 0.0
            var mean = 0.0, shift = 0.0
            func piece() {
                (k, sumW, sumA) = (0, 0, 0)
                for j in 0..<m where support[j] {
                    k += 1
                    sumW += w0[j]
                    sumA += d[j]
                }
                mean = sumA / k
                shift = (sumW - 1) / k
            }
            if plain {
                piece()
                let scale = max(1, abs(lambda) * aMax)
                for j in 0..<m {
                    let value = (w0[j] - shift) - lambda * (d[j] - mean), rate = mean - d[j]
                    let wrongSide = support[j] ? value < -valueTolerance * scale : value > valueTolerance * scale
                    let onBoundary = abs(value) <= valueTolerance * scale
                    if wrongSide || (onBoundary && (support[j] ? rate < -rateTolerance : rate > rateTolerance)) {
                        plain = false
                        break
                    }
                }
            }
            if !plain {
                supportJustAfter(lambda, w0: w0, a: d, aMax: aMax, order: &order, v: &v, support: &support)
                piece()
            }
            plain = false
            // On this piece w_j(λ) = (w0_j - shift) - λ (a_j - mean) for j in S, and the same
            // expression is the (non-positive) slack of j outside S; g(λ) = A - λ B.
            var intercept = mean, slope = 0.0
            for j in 0..<m where support[j] {
                let centred = d[j] - mean
                intercept += centred * w0[j]
                slope += centred * centred
            }
            var next = Double.infinity, second = Double.infinity
            var nextComponent = 0
            for j in 0..<m {
                let centred = d[j] - mean
                // In S and shrinking, or outside S and growing.
                guard support[j] ? centred > 0 : centred < 0 else { continue }
                let at = (w0[j] - shift) / centred
                guard at > lambda else { continue }
                if at < next {
                    (second, next, nextComponent) = (next, at, j)
                } else if at < second {
                    second = at
                }
            }
            toggle = second - next > 1e-9 * max(1, abs(next)) ? nextComponent : nil
            let tolerance = 1e-12 * aMax * max(1, abs(lambda) * aMax)  // g is in the units of a
            var root: Double? = nil
            if slope > 0, intercept / slope <= next {
                root = intercept / slope
            } else if abs(intercept - lambda * slope) <= tolerance {
                root = lambda  // g vanishes on the whole piece (a is 0 on the support)
            } else if next == .infinity || pass == passes {
                // Unreachable in exact arithmetic (g < 0 far out unless min(a) = 0, and then g
                // reaches 0 where the last positive component leaves): take the piece's best.
                root = slope > 0 ? intercept / slope : lambda
            }
            if let root {
                var w = [Double](repeating: 0, count: m)
                var squared = 0.0
                for j in 0..<m {
                    if support[j] { w[j] = (w0[j] - shift) - root * (d[j] - mean) }
                    squared += (w[j] - w0[j]) * (w[j] - w0[j])
                }
                return SimplexSliceProjection(
                    weights: w, distance: squared.squareRoot(), multiplier: start > 0 ? root : -root)
            }
            lambda = next
        }
        fatalError("unreachable: the last pass returns")
    }

    /// The support of the simplex projection of `w0 - (λ + ε) a` for an infinitesimal `ε > 0`:
    /// sort by `w0_j - λ a_j` (descending), ties by `a_j` (ascending), and keep the longest
    /// prefix whose last member stays above the threshold, comparing (value, ε-coefficient)
    /// lexicographically. O(m log m).
    private static func supportJustAfter(
        _ lambda: Double, w0: [Double], a: [Double], aMax: Double,
        order: inout [Int], v: inout [Double], support: inout [Bool]
    ) {
        let m = w0.count
        for j in 0..<m { v[j] = w0[j] - lambda * a[j] }
        v.withUnsafeBufferPointer { v in
            a.withUnsafeBufferPointer { a in
                order.withUnsafeMutableBufferPointer { order in
                    order.sort { i, j in v[i] != v[j] ? v[i] > v[j] : (a[i] != a[j] ? a[i] < a[j] : i < j) }
                }
            }
        }
        let valueTolerance = 1e-12 * max(1, abs(lambda) * aMax)
        let rateTolerance = 1e-12 * max(aMax, .leastNormalMagnitude)
        var count = 1  // the largest value always stays (the projection has a positive entry)
        var sumV = 0.0, sumA = 0.0
        for position in 0..<m {
            let j = order[position]
            sumV += v[j]
            sumA += a[j]
            let k = Double(position + 1)
            let value = v[j] - (sumV - 1) / k
            let rate = sumA / k - a[j]
            let above = abs(value) > valueTolerance ? value > 0 : rate > rateTolerance
            if above { count = position + 1 }
        }
        for j in 0..<m { support[j] = false }
        for position in 0..<count { support[order[position]] = true }
    }
}
