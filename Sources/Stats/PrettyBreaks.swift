#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// "Pretty" break points: about n + 1 equally spaced round values (steps of 1, 2 or 5 times a
/// power of ten) that cover a range, as R's `pretty()`.
///
/// Matches R 4.2's `base::pretty.default(x, n = 5, min.n = n %/% 3, shrink.sml = 0.75,
/// high.u.bias = 1.5, u5.bias = 0.5 + 1.5 * high.u.bias, eps.correct = 0, f.min = 2^-20)` bit for
/// bit: the scale of `R_pretty` (src/appl/pretty.c, with `bounds = TRUE`), then
/// `seq.int(l, u, length.out = n + 1)` and the zapping to 0 of breaks below 1e-14 times the step.
/// The breaks are the tick marks of chart axes and the bins of `Histogram`.
///
/// The algorithm, in words:
/// 1. The range is "small" when `high - low < 3 max(|low|, |high|) U` with
///    `U = (1 + 1/(1 + high.u.bias)) max(1, n) DBL_EPSILON` (1.4 n ε by default), or when both
///    ends are 0. A small range gets the cell `0.75 max(|low|, |high|)` (an end above 10 first
///    becomes `9 + end/10`; 0 == 0 uses 1), divided by min.n when min.n > 1; otherwise the cell is
///    `(high - low) / n` (computed as `high/n - low/n` if the difference overflows). The cell is
///    kept within [2^-20 DBL_MIN, DBL_MAX / 1.25].
/// 2. The unit is 1, 2, 5 or 10 times `base = 10^floor(log10(cell))` (glibc's `pow` and `log10`,
///    as R): 2 base replaces base when `2 base - cell < 1.5 (cell - base)`, then 5 base replaces
///    2 base when `5 base - cell < 2.75 (cell - 2 base)`, then 10 base replaces 5 base when
///    `10 base - cell < 1.5 (cell - 5 base)`. So a cell of 2.9 takes the unit 5:
///    `pretty(c(1:10, 30), n = 10)` is 0, 5, ..., 30, six steps where ten were asked for.
/// 3. `ns = floor(low/unit + 1e-10)` and `nu = ceil(high/unit - 1e-10)` are moved outwards until
///    `ns unit <= low + 1e-10 unit` and `nu unit >= high - 1e-10 unit` (and back inwards while the
///    product overflows).
/// 4. Fewer than min.n steps: the missing steps are added above when the range starts at an exact
///    0 (`low == 0`, `ns == 0`, `high != 0`), below when it ends at an exact 0, otherwise split
///    between both sides (the odd one below when ns >= 0, above when ns < 0).
/// 5. The first break is `ns unit` only if that is below `low`, otherwise `low` itself (likewise
///    the last break): an end less than 1e-10 units short of a multiple of the unit stays, and
///    so do the inner breaks that follow from it: `pretty(c(3 - 1e-11, 10), n = 7)` is
///    2.99999999999, 3.9999999999914286, ..., 8.9999999999985718, 10, not 3, 4, ..., 10.
/// 6. The breaks are `first + i by` with `by = (last - first)/steps` for the inner ones and
///    exactly `last` for the last one, as R 4.2's `seq.int(first, last, length.out = steps + 1)`
///    computes them (if `last - first` overflows, as R: `2 (first/2 + i (last/steps -
///    first/steps)/2)`); a break whose magnitude is below `1e-14 (last/steps - first/steps)`
///    becomes 0.
///
/// Edge cases, as R: `low == high` gives a small range around the value (`pretty(5)` is 0, 5;
/// `pretty(100)` is 80, 100; 0 == 0 gives -1, 0) unless n = 0 or min.n = 0 allows a single break
/// (`pretty(5, n = 1)` is 5). Never fewer than min.n steps, so min.n >= 1 guarantees at least
/// two breaks; the number of steps is near n but may exceed it (`pretty(c(1, 29), n = 4)` is
/// 0, 5, ..., 30: 6 steps).
///
/// Complexity: O(number of breaks); the loops of step 3 run a few iterations.
public enum PrettyBreaks {
    /// The step count, the unit and the ends that `R_pretty` returns, from which the breaks are
    /// the `divisions + 1` equally spaced values from `lower` to `upper`.
    public struct Scale: Equatable, Sendable {
        /// The first break: `low` itself, or the multiple of `unit` below it.
        public var lower: Double
        /// The last break: `high` itself, or the multiple of `unit` above it.
        public var upper: Double
        /// The number of steps between the breaks (R's `z$n`); 0 only for a single break.
        public var divisions: Int
        /// The pretty step: 1, 2, 5 or 10 times a power of ten (useful to choose the number of
        /// decimals of axis labels).
        public var unit: Double
    }

    /// R's defaults: `shrink.sml`, `high.u.bias`, `u5.bias` and `f.min`.
    static let shrinkSmall = 0.75
    static let highUnitBias = 1.5
    static let unit5Bias = 0.5 + 1.5 * highUnitBias
    static let minimumCellFactor = 0x1p-20
    /// `rounding_eps` of pretty.c (1e-10 since 2017; 1e-7 before).
    static let roundingEpsilon = 1e-10

    /// R's `pretty(c(low, high), n = count, min.n = minimumCount)`: the breaks from `low` to
    /// `high` in increasing order, at least `minimumCount + 1` of them (min.n defaults to n %/% 3).
    ///
    /// - Precondition: `low` and `high` are finite, `low <= high`, `count >= 0` and
    ///   `0 <= minimumCount <= count` (R stops on non-finite ends, a negative n and a min.n
    ///   outside 0...n; `pretty(x)` always passes low <= high).
    public static func breaks(low: Double, high: Double, count n: Int = 5, minimumCount: Int? = nil) -> [Double] {
        let scale = scale(low: low, high: high, count: n, minimumCount: minimumCount)
        return sequence(scale)
    }

    /// R's `pretty(x, n = count, min.n = minimumCount)` of the finite values of `values` (NaN and
    /// infinities are ignored, as R does); [] when no value is finite. O(m + breaks) for m values.
    ///
    /// - Precondition: `count >= 0` and `0 <= minimumCount <= count`.
    public static func breaks(
        of values: some Sequence<Double>, count n: Int = 5, minimumCount: Int? = nil
    ) -> [Double] {
        var low = Double.infinity
        var high = -Double.infinity
        for x in values where x.isFinite {
            low = Swift.min(low, x)
            high = Swift.max(high, x)
        }
        guard low <= high else { return [] }
        return breaks(low: low, high: high, count: n, minimumCount: minimumCount)
    }

    /// The scale of `breaks(low:high:count:minimumCount:)`: R's `.Internal(pretty(low, high, n,
    /// min.n, ...))` with `bounds = TRUE`, that is `R_pretty` of src/appl/pretty.c. O(1).
    ///
    /// - Precondition: as for `breaks(low:high:count:minimumCount:)`.
    public static func scale(low lo: Double, high up: Double, count n: Int = 5, minimumCount: Int? = nil) -> Scale {
        precondition(lo.isFinite && up.isFinite, "pretty breaks need finite ends, not \(lo) and \(up)")
        precondition(lo <= up, "pretty breaks need low <= high, not \(lo) > \(up)")
        precondition(n >= 0, "the number of intervals must be >= 0, not \(n)")
        let minN = minimumCount ?? n / 3
        precondition(minN >= 0 && minN <= n, "min.n must lie in 0...\(n), not \(minN)")

        let h = highUnitBias
        let h5 = unit5Bias
        let dx = up - lo

        // The first cell, and whether the range is too small to divide into n steps.
        var cell: Double
        let isSmall: Bool
        if dx == 0 && up == 0 {
            cell = 1
            isSmall = true
        } else {
            cell = Swift.max(abs(lo), abs(up))
            var bound = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5))
            bound *= Double(Swift.max(1, n)) * Double.ulpOfOne
            isSmall = dx < cell * bound * 3
        }
        if isSmall {
            if cell > 10 { cell = 9 + cell / 10 }
            cell *= shrinkSmall
            if minN > 1 { cell /= Double(minN) }
        } else {
            cell = dx
            if dx.isFinite {
                if n > 1 { cell /= Double(n) }
            } else if n >= 2 {
                cell = up / Double(n) - lo / Double(n)  // up - lo overflowed
            }
        }
        let smallest = minimumCellFactor * Double.leastNormalMagnitude == 0
            ? Double.leastNormalMagnitude : minimumCellFactor * Double.leastNormalMagnitude
        let largest = Double.greatestFiniteMagnitude / 1.25
        if cell < smallest {
            cell = smallest
        } else if cell > largest {
            cell = largest
        }

        // The unit: base, 2 base, 5 base or 10 base, base <= cell < 10 base.
        let base = pow(10.0, floor(log10(cell)))
        var unit = base
        if 2 * base - cell < h * (cell - unit) {
            unit = 2 * base
            if 5 * base - cell < h5 * (cell - unit) {
                unit = 5 * base
                if 10 * base - cell < h * (cell - unit) { unit = 10 * base }
            }
        }

        // The multiples of the unit at both ends.
        var ns = floor(lo / unit + roundingEpsilon)
        var nu = ceil(up / unit - roundingEpsilon)
        while ns * unit > lo + roundingEpsilon * unit { ns -= 1 }
        while !(ns * unit).isFinite { ns += 1 }
        while nu * unit < up - roundingEpsilon * unit { nu += 1 }
        while !(nu * unit).isFinite { nu -= 1 }

        var steps = Int(0.5 + nu - ns)
        if steps < minN {
            let missing = minN - steps
            if lo == 0 && ns == 0 && up != 0 {
                nu += Double(missing)
            } else if up == 0 && nu == 0 && lo != 0 {
                ns -= Double(missing)
            } else if ns >= 0 {
                nu += Double(missing / 2)
                ns -= Double(missing / 2 + missing % 2)
            } else {
                ns -= Double(missing / 2)
                nu += Double(missing / 2 + missing % 2)
            }
            steps = minN
        }
        // The ends move out to the multiples only where that widens the range.
        let lower = ns * unit < lo ? ns * unit : lo
        let upper = nu * unit > up ? nu * unit : up
        return Scale(lower: lower, upper: upper, divisions: steps, unit: unit)
    }

    /// `seq.int(lower, upper, length.out = divisions + 1)` with pretty.default's zapping of
    /// rounding errors near 0.
    static func sequence(_ scale: Scale) -> [Double] {
        let (from, to, steps) = (scale.lower, scale.upper, scale.divisions)
        guard steps > 0 else { return [from] }
        var breaks = [Double](repeating: 0, count: steps + 1)
        breaks[0] = from
        let span = to - from
        if span.isFinite {
            let by = span / Double(steps)
            for i in 1..<steps { breaks[i] = from + Double(i) * by }
        } else {
            // R 4.2's seq.int when to - from overflows: the sequence of the halves, doubled.
            let halfBy = (to / Double(steps) - from / Double(steps)) / 2
            for i in 1..<steps { breaks[i] = 2 * (from / 2 + Double(i) * halfBy) }
        }
        breaks[steps] = to
        // R: delta <- diff(range(l, u) / n); zap |s| < 1e-14 * delta.
        let delta = to / Double(steps) - from / Double(steps)
        for i in breaks.indices where abs(breaks[i]) < 1e-14 * delta { breaks[i] = 0 }
        return breaks
    }
}
