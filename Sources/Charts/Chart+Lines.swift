import Stats

/// One wave of `Chart.lines`: the region's value and the portfolio's quartiles in that year.
public struct Wave: Sendable {
    public var year: Int
    public var value: Double
    public var q1: Double
    public var median: Double
    public var q3: Double

    public init(year: Int, value: Double, q1: Double, median: Double, q3: Double) {
        self.year = year
        self.value = value
        self.q1 = q1
        self.median = median
        self.q3 = q3
    }
}

extension Chart {
    /// A region's values over the waves (a solid line with diamonds) against the portfolio's
    /// median (dashed, open circles) and its quartile band (hatched), one tick per wave.
    public static func lines(title: String, caption: String, region: String, waves: [Wave], y: Axis) -> Chart {
        let years = waves.map { Double($0.year) }
        let low = years.min() ?? 0, high = years.max() ?? 1
        let pad = max(0.25, (high - low) * 0.05)
        let x = Axis("wave", domain: (low - pad)...(high + pad), ticks: years)
        var marks = [Mark]()
        let banded = waves.filter { !$0.q1.isNaN && !$0.q3.isNaN }
        if banded.count > 1 {
            let outline = banded.map { Point(Double($0.year), $0.q3) } + banded.reversed().map { Point(Double($0.year), $0.q1) }
            marks.append(Mark(.path(outline, closed: true), role: .band))
        }
        func line(_ values: [(Double, Double)], role: Role) {
            let points = values.filter { !$0.1.isNaN }.map { Point($0.0, $0.1) }
            if points.count > 1 { marks.append(Mark(.path(points, closed: false), role: role)) }
        }
        line(waves.map { (Double($0.year), $0.median) }, role: .reference)
        line(waves.map { (Double($0.year), $0.value) }, role: .region)
        for wave in waves {
            if !wave.median.isNaN {
                marks.append(Mark(.point(x: Double(wave.year), y: wave.median), role: .reference, symbol: .openCircle,
                                  label: "\(wave.year) median",
                                  data: [.init("year", .count(wave.year)), .init("q1", .number(wave.q1)), .init("median", .number(wave.median)),
                                         .init("q3", .number(wave.q3))]))
            }
            if !wave.value.isNaN {
                marks.append(Mark(.point(x: Double(wave.year), y: wave.value), role: .region, symbol: .diamond, label: "\(wave.year) \(region)",
                                  data: [.init("year", .count(wave.year)), .init("region", .text(region)), .init("value", .number(wave.value))]))
            }
        }
        let legend = [LegendEntry(.point(.diamond), role: .region, region),
                      LegendEntry(.point(.openCircle), role: .reference, "the portfolio's median"),
                      LegendEntry(.bar, role: .band, "the portfolio's middle 50 % (Q1 to Q3)")]
        return Chart(kind: .lines, title: title, caption: caption, frame: .plane(x: x, y: y), marks: marks, legend: legend)
    }
}
