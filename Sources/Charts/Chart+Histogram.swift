import Stats

extension Chart {
    /// A histogram: one bar per bin of a `Histogram` (R's `hist`: right-closed bins), the count
    /// on the y axis; the highlighted region's value as a diamond on the x axis.
    public static func histogram(title: String, caption: String, _ histogram: Histogram, xTitle: String,
                                 highlight: (name: String, value: Double)? = nil) -> Chart {
        let breaks = histogram.breaks
        let x = breaks.count <= 12
            ? Axis(xTitle, domain: breaks[0]...breaks[breaks.count - 1], ticks: breaks)
            : Axis.spanning(xTitle, breaks)
        let y = Axis.spanning("count", histogram.counts.map(Double.init), including: [0])
        var marks = [Mark]()
        for (i, count) in histogram.counts.enumerated() {
            marks.append(Mark(.rect(x1: breaks[i], y1: 0, x2: breaks[i + 1], y2: Double(count)), role: .portfolio,
                              label: "(\(NumberFormat.standard.reading(breaks[i])), \(NumberFormat.standard.reading(breaks[i + 1]))]",
                              data: [.init("low", .number(breaks[i])), .init("high", .number(breaks[i + 1])), .init("count", .count(count)),
                                     .init("density", .number(histogram.density[i])), .init("mid", .number(histogram.mids[i]))]))
        }
        var legend = [LegendEntry(.bar, role: .portfolio, "values per bin (a bin holds its upper end, as R's hist)")]
        if let highlight, !highlight.value.isNaN {
            marks.append(Mark(.point(x: highlight.value, y: 0), role: .region, symbol: .diamond, label: highlight.name,
                              data: [.init("region", .text(highlight.name)), .init("value", .number(highlight.value))]))
            legend.append(LegendEntry(.point(.diamond), role: .region, highlight.name))
        }
        return Chart(kind: .histogram, title: title, caption: caption, frame: .plane(x: x, y: y), marks: marks, legend: legend)
    }
}
