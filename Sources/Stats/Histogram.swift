#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bins and counts of a histogram, as R's `hist(x, plot = FALSE)`.
///
/// Matches R 4.2's `graphics::hist.default` with `right = TRUE`, `include.lowest = TRUE` and
/// `fuzz = 1e-7`, bit for bit in its breaks, counts, densities and mid-points:
/// - Breaks: `.sturges` (R's default) is `pretty(range(x), n = nclass.Sturges(x), min.n = 1)`
///   with `nclass.Sturges = ceiling(log2(n) + 1)`; `.count(k)` is R's `breaks = k`, that is
///   `pretty(range(x), n = k, min.n = 1)` (see `PrettyBreaks`), so k is a suggestion and the
///   number of bins may differ; `.breaks(b)` takes the given break points as they are.
/// - Bins are closed on the right, (b[i], b[i+1]], and the first is closed on both sides. So that
///   values which should lie on a break but miss it by rounding are counted as if on it, R moves
///   the breaks by `diddle = 1e-7 * (the median bin width if there are more than 5 breaks; the
///   range of the data if there are at most 3; else the smallest bin width)`: the first down, all
///   others up. A value equal to an inner break (or within `diddle` above it) goes into the bin
///   on its left; the smallest value into the first bin. Given breaks must span the data up to
///   this fuzz: a value at most `diddle` beyond the first or last break is counted in the end bin,
///   as R counts it; one further out is an error (R: "some 'x' not counted").
/// - `density` is `counts / (n * width)` (it integrates to 1) and `mids` the bin centres.
///
/// Missing values (NaN) and infinite values are not binned: R drops every non-finite value in
/// `hist`; here they are removed too and counted in `missing` (the infinite ones also in
/// `infinite`), and `count` is the number of finite values binned.
///
/// Differences from R, all errors where R warns, sorts or returns degenerate bins: explicit breaks
/// must be finite and strictly increasing (R sorts them silently and allows bins of width 0), and
/// a requested number of bins must lie in 1...1_000_000 (R caps it at 1e6 with a warning).
///
/// Complexity: O(n log B) for n values and B breaks (each value is placed by bisection, as R's
/// `BinCount`), plus O(B log B) for the median bin width; O(n) extra memory for the finite values.
public struct Histogram: Equatable, Sendable {
    /// How the break points are chosen.
    public enum Bins: Equatable, Sendable {
        /// R's default: about `ceiling(log2(n) + 1)` pretty bins (Sturges' rule), n being the
        /// number of finite values.
        case sturges
        /// About this many pretty bins (R's `hist(x, breaks = k)`).
        case count(Int)
        /// These break points, finite and strictly increasing, spanning the data.
        case breaks([Double])
    }

    /// The break points, in increasing order: one more than the bins.
    public var breaks: [Double]
    /// The number of values in each bin.
    public var counts: [Int]
    /// `counts[i] / (count * (breaks[i + 1] - breaks[i]))`.
    public var density: [Double]
    /// The bin centres, `0.5 * (breaks[i + 1] + breaks[i])`.
    public var mids: [Double]
    /// The number of finite values binned; `counts` sums to it.
    public var count: Int
    /// The number of values removed and not binned: NaN and infinite values.
    public var missing: Int
    /// How many of the `missing` values were infinite (+∞ or -∞).
    public var infinite: Int
    /// Whether all bins have the same width (R's `equidist`): always for pretty breaks; for
    /// given breaks when the widths' range is below 1e-7 times their mean.
    public var equidistant: Bool

    /// The histogram of the finite values of `data`.
    ///
    /// - Throws: `StatsError.invalidParameter` if no value is finite; if a requested number of
    ///   bins lies outside 1...1_000_000; if given breaks are fewer than two, not finite, not
    ///   strictly increasing, or leave values outside the first or last break (beyond R's fuzz).
    public init(_ data: some Collection<Double>, bins: Bins = .sturges) throws(StatsError) {
        var values: [Double] = []
        values.reserveCapacity(data.count)
        var notANumber = 0
        var infinite = 0
        for x in data {
            if x.isFinite {
                values.append(x)
            } else if x.isNaN {
                notANumber += 1
            } else {
                infinite += 1
            }
        }
        guard let first = values.first else {
            throw .invalidParameter(
                name: "data", value: "\(data.count) values, none of them finite",
                allowed: "a histogram needs at least one finite value (missing and infinite values are not binned)")
        }
        var low = first
        var high = first
        for x in values {
            low = Swift.min(low, x)
            high = Swift.max(high, x)
        }

        let breaks: [Double]
        let given: Bool
        switch bins {
        case .sturges:
            let classes = Int((log2(Double(values.count)) + 1).rounded(.up))
            breaks = PrettyBreaks.breaks(low: low, high: high, count: classes, minimumCount: 1)
            given = false
        case .count(let k):
            guard k >= 1 && k <= 1_000_000 else {
                throw .invalidParameter(
                    name: "bins", value: String(k), allowed: "the number of bins must lie in 1...1000000")
            }
            breaks = PrettyBreaks.breaks(low: low, high: high, count: k, minimumCount: 1)
            given = false
        case .breaks(let points):
            try Self.validate(points)
            breaks = points
            given = true
        }
        try self.init(values: values, breaks: breaks, given: given, range: high - low)
        missing = notANumber + infinite
        self.infinite = infinite
    }

    /// Fewer than two, non-finite or not strictly increasing given breaks are an error.
    private static func validate(_ points: [Double]) throws(StatsError) {
        guard points.count >= 2 else {
            throw .invalidParameter(
                name: "breaks", value: "\(points.count) break point\(points.count == 1 ? "" : "s")",
                allowed: "give at least two break points (or a number of bins)")
        }
        for (index, x) in points.enumerated() where !x.isFinite {
            throw .invalidParameter(
                name: "breaks[\(index)]", value: x.isNaN ? "missing" : NumberFormat.exact(x),
                allowed: "break points must be finite numbers")
        }
        for index in 1..<points.count where !(points[index] > points[index - 1]) {
            throw .invalidParameter(
                name: "breaks[\(index)]", value: NumberFormat.exact(points[index]),
                allowed: "break points must be strictly increasing, but breaks[\(index - 1)] = "
                    + "\(NumberFormat.exact(points[index - 1])); sort them and remove duplicates")
        }
    }

    /// Counts the finite `values` into the bins of `breaks` with R's fuzz; `range` is the range of
    /// the values.
    private init(values: [Double], breaks: [Double], given: Bool, range: Double) throws(StatsError) {
        let binCount = breaks.count - 1
        var widths = [Double](repeating: 0, count: binCount)
        for i in 0..<binCount { widths[i] = breaks[i + 1] - breaks[i] }
        guard widths.allSatisfy({ $0 > 0 }) else {
            // Pretty breaks are strictly increasing; R stops here too if they are not.
            throw .invalidParameter(
                name: "breaks", value: "\(breaks)", allowed: "the breaks are not strictly increasing")
        }

        // R's fuzz: the first break moves down, all others up, by diddle.
        let diddle: Double
        if breaks.count > 5 {
            diddle = 1e-7 * Self.median(widths)
        } else if breaks.count <= 3 {
            diddle = 1e-7 * range
        } else {
            diddle = 1e-7 * widths.min()!
        }
        var fuzzy = breaks.map { $0 + diddle }
        fuzzy[0] = breaks[0] - diddle

        // R's BinCount with right = TRUE and include.lowest = TRUE (the fuzz does the rest).
        var counts = [Int](repeating: 0, count: binCount)
        var outside = 0
        let last = fuzzy[binCount]
        for x in values {
            guard fuzzy[0] <= x && x <= last else {
                outside += 1
                continue
            }
            var lower = 0
            var upper = binCount
            while upper - lower >= 2 {
                let middle = (upper + lower) / 2
                if x > fuzzy[middle] { lower = middle } else { upper = middle }
            }
            counts[lower] += 1
        }
        guard outside == 0 else {
            throw .invalidParameter(
                name: "breaks", value: "from \(NumberFormat.exact(breaks[0])) to \(NumberFormat.exact(breaks[binCount]))",
                allowed: "the breaks must span the data, but \(outside) of \(values.count) values lie outside them; "
                    + "extend the first or last break to cover the data")
        }

        let n = Double(values.count)
        self.breaks = breaks
        self.counts = counts
        density = (0..<binCount).map { Double(counts[$0]) / (n * widths[$0]) }
        mids = (0..<binCount).map { 0.5 * (breaks[$0 + 1] + breaks[$0]) }
        count = values.count
        missing = 0
        infinite = 0
        if given {
            let mean = widths.reduce(0, +) / Double(binCount)
            equidistant = widths.max()! - widths.min()! < 1e-7 * mean
        } else {
            equidistant = true
        }
    }

    /// R's `median`: the middle value, or the mean of the two middle values.
    private static func median(_ x: [Double]) -> Double {
        let sorted = x.sorted()
        let half = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[half] }
        let (a, b) = (sorted[half - 1], sorted[half])
        let sum = a + b
        return sum.isFinite ? sum / 2 : a / 2 + b / 2
    }
}
