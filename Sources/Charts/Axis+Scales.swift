import Stats

extension Axis {
    /// An axis over a fixed scale (an indicator's 0..4) with ticks every `step`.
    public static func fixed(_ title: String, _ domain: ClosedRange<Double>, step: Double) -> Axis {
        let count = Int(((domain.upperBound - domain.lowerBound) / step).rounded())
        return Axis(title, domain: domain, ticks: (0...max(0, count)).map { domain.lowerBound + Double($0) * step })
    }

    /// An axis that spans the finite `values` (and `including`, such as 0 for bars), with R's
    /// pretty ticks (`PrettyBreaks`, about `ticks` intervals): the domain runs from the first
    /// tick to the last. No finite value: 0 to 1.
    public static func spanning(_ title: String, _ values: [Double], including: [Double] = [], ticks: Int = 5) -> Axis {
        let all = (values + including).filter(\.isFinite)
        guard let low = all.min(), let high = all.max() else {
            return Axis(title, domain: 0...1, ticks: [0, 0.5, 1])
        }
        let breaks = PrettyBreaks.breaks(low: low, high: high, count: ticks)
        guard let first = breaks.first, let last = breaks.last, last > first else {
            return Axis(title, domain: (low - 1)...(high + 1), ticks: [low - 1, low, high + 1])
        }
        return Axis(title, domain: first...last, ticks: breaks)
    }
}

extension BoxplotStatistics {
    /// The statistics by the names `boxstats` gives them: n, missing, q1, median, q3, iqr, the
    /// fences, the whiskers, the outliers and their positions (counted from 1).
    public var fields: [Datum.Field] {
        [
            .init("n", .count(count)),
            .init("missing", .count(missing)),
            .init("q1", .number(q1)),
            .init("median", .number(median)),
            .init("q3", .number(q3)),
            .init("iqr", .number(iqr)),
            .init("lower_fence", .number(lowerFence)),
            .init("upper_fence", .number(upperFence)),
            .init("lower_whisker", .number(lowerWhisker)),
            .init("upper_whisker", .number(upperWhisker)),
            .init("outliers", .numbers(outliers)),
            .init("outlier_positions", .numbers(outlierPositions.map { Double($0 + 1) })),
        ]
    }
}
