import Stats

extension Chart {
    /// Sobol' indices: for each input a solid bar of its first-order index S1 and a hatched bar of
    /// its total index ST, each with its bootstrap confidence interval as whiskers. The data carry
    /// the field names of `sobol`'s table (`S1`, `ST`, `S1_conf`, `ST_conf`).
    public static func sobolIndices(title: String, caption: String, inputs: [String], firstOrder: [Double], totalOrder: [Double],
                                    firstOrderConfidence: [Double], totalOrderConfidence: [Double], level: Double) -> Chart {
        var values = [Double]()
        for (value, confidence) in zip(firstOrder + totalOrder, firstOrderConfidence + totalOrderConfidence) {
            values.append(value - confidence)
            values.append(value + confidence)
        }
        let axis = Axis.spanning("share of the variance", values, including: [0, 1])
        var rows = [Row](), marks = [Mark]()
        for (i, input) in inputs.enumerated() {
            for (index, value, confidence, role) in [("S1", firstOrder[i], firstOrderConfidence[i], Role.series(0)),
                                                     ("ST", totalOrder[i], totalOrderConfidence[i], Role.series(1))] {
                let y = Double(rows.count)
                rows.append(Row(input, detail: index == "S1" ? "first order" : "total", annotation: value.isNaN ? nil : value))
                guard !value.isNaN else { continue }
                marks.append(Mark(.rect(x1: 0, y1: y - 0.32, x2: value, y2: y + 0.32), role: role, label: "\(input) \(index)",
                                  data: [.init("input", .text(input)), .init(index, .number(value)), .init(index + "_conf", .number(confidence))]))
                if !confidence.isNaN {
                    marks.append(Mark(.segment(x1: value - confidence, y1: y, x2: value + confidence, y2: y), role: .interval))
                }
            }
        }
        let percent = NumberFormat.standard.reading(level * 100)
        let legend = [LegendEntry(.bar, role: .series(0), "first-order index S1"), LegendEntry(.bar, role: .series(1), "total index ST"),
                      LegendEntry(.whiskers, role: .interval, "\(percent) % confidence interval")]
        return Chart(kind: .sobolIndices, title: title, caption: caption, frame: .rows(rows, x: axis), marks: marks, legend: legend)
    }
}
