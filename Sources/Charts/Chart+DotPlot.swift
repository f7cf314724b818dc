import Stats

extension Chart {
    /// A dot plot (Cleveland's): every region on its own row, sorted from the highest value to
    /// the lowest, its value as a dot and written at the row's end, the highlighted region as a
    /// diamond, the portfolio's median as a dashed line. Regions without a value are not drawn;
    /// the caller names them in the caption.
    ///
    /// - Parameters:
    ///   - values: by region, in `names`' order; NaN = missing.
    ///   - median: the median the caller computed (the chart computes no statistics).
    public static func dotPlot(title: String, caption: String, names: [String], values: [Double], median: Double,
                               axis: Axis, highlight: String?, valueName: String = "value") -> Chart {
        let order = names.indices.filter { !values[$0].isNaN }.sorted { (-values[$0], $0) < (-values[$1], $1) }
        var marks = [Mark]()
        if !median.isNaN {
            marks.append(Mark(.segment(x1: median, y1: -0.5, x2: median, y2: Double(order.count) - 0.5), role: .reference,
                              label: "median", data: [.init("median", .number(median))]))
        }
        for (row, i) in order.enumerated() {
            let isHighlight = highlight.map { names[i] == $0 } ?? false
            marks.append(Mark(.point(x: values[i], y: Double(row)), role: isHighlight ? .region : .portfolio,
                              symbol: isHighlight ? .diamond : .circle, label: names[i],
                              data: [.init("region", .text(names[i])), .init(valueName, .number(values[i])), .init("rank", .count(row + 1))]))
        }
        var legend = [LegendEntry(.point(.circle), role: .portfolio, "a region's value"),
                      LegendEntry(.line, role: .reference, "the portfolio's median")]
        if let highlight, order.contains(where: { names[$0] == highlight }) {
            legend.insert(LegendEntry(.point(.diamond), role: .region, highlight), at: 1)
        }
        let rows = order.map { i in Row(names[i], kind: names[i] == highlight ? .emphasised : .data, annotation: values[i]) }
        return Chart(kind: .dotPlot, title: title, caption: caption, frame: .rows(rows, x: axis), marks: marks, legend: legend)
    }
}
