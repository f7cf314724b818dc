import Stats

/// One bar of `Chart.bars`: a region's value against the portfolio's quartiles.
public struct BarRow: Sendable {
    public var label: String
    public var detail: String?
    public var value: Double
    public var q1: Double
    public var median: Double
    public var q3: Double
    /// More about the value (rank, position), for the hover text and the JSON.
    public var data: [Datum.Field]

    public init(_ label: String, detail: String? = nil, value: Double, q1: Double, median: Double, q3: Double, data: [Datum.Field] = []) {
        self.label = label
        self.detail = detail
        self.value = value
        self.q1 = q1
        self.median = median
        self.q3 = q3
        self.data = data
    }
}

extension Chart {
    /// A region's values (its dimension composites) as bars, each against the portfolio's
    /// quartile band (Q1 to Q3, hatched) and median (a heavy tick); the value at the row's end.
    public static func bars(title: String, caption: String, region: String, rows: [BarRow], axis: Axis) -> Chart {
        var marks = [Mark]()
        let start = max(axis.domain.lowerBound, min(0, axis.domain.upperBound))
        for (i, row) in rows.enumerated() {
            let y = Double(i)
            marks.append(Mark(.rect(x1: row.q1, y1: y - 0.4, x2: row.q3, y2: y + 0.4), role: .band))
            if !row.value.isNaN {
                marks.append(Mark(.rect(x1: start, y1: y - 0.22, x2: row.value, y2: y + 0.22), role: .region, label: row.label,
                                  data: [.init("region", .text(region)), .init("value", .number(row.value)), .init("q1", .number(row.q1)),
                                         .init("median", .number(row.median)), .init("q3", .number(row.q3))] + row.data))
            }
            marks.append(Mark(.point(x: row.median, y: y), role: .reference, symbol: .tick))
        }
        let legend = [LegendEntry(.bar, role: .region, region), LegendEntry(.bar, role: .band, "the portfolio's middle 50 % (Q1 to Q3)"),
                      LegendEntry(.point(.tick), role: .reference, "the portfolio's median")]
        let frameRows = rows.map { Row($0.label, detail: $0.detail, annotation: $0.value.isNaN ? nil : $0.value) }
        return Chart(kind: .bars, title: title, caption: caption, frame: .rows(frameRows, x: axis), marks: marks, legend: legend)
    }
}
