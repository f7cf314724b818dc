import Stats

/// One row of a chart of horizontal boxplots.
public struct BoxplotRow: Sendable {
    public var label: String
    public var detail: String?
    /// `.header` rows hold no box; `.emphasised` rows (a dimension's composite) are drawn darker.
    public var kind: Row.Kind
    /// The statistics drawn; nil for a header.
    public var box: BoxplotStatistics?
    /// The names of the values the statistics were computed from, in their order, so that each
    /// outlier (`box.outlierPositions`) is named.
    public var names: [String]
    /// The highlighted region's value on this row, and what else to say about it (rank, position).
    public var highlight: Double?
    public var highlightData: [Datum.Field]

    public init(_ label: String, detail: String? = nil, kind: Row.Kind = .data, box: BoxplotStatistics? = nil,
                names: [String] = [], highlight: Double? = nil, highlightData: [Datum.Field] = []) {
        self.label = label
        self.detail = detail
        self.kind = kind
        self.box = box
        self.names = names
        self.highlight = highlight
        self.highlightData = highlightData
    }
}

extension Chart {
    /// Horizontal boxplots, one per row (the StressTest's benchmark panel, or `box` of any
    /// vectors): the box from Q1 to Q3 with the median, whiskers to the most extreme values
    /// within the fences, each outlier a point named by its region, and the highlighted region's
    /// value as a diamond (also written at the row's end). The legend says what the seed's own
    /// figure says: the box is the middle 50 % of all values, the whiskers the lowest and highest
    /// 25 % reduced by outliers, the marker the region's result, in `language`.
    public static func boxplots(kind: Kind = .boxplot, title: String, caption: String, rows: [BoxplotRow], axis: Axis,
                                highlightName: String?, language: Language = .english) -> Chart {
        var marks = [Mark]()
        for (i, row) in rows.enumerated() {
            guard row.kind != .header, let box = row.box else { continue }
            let y = Double(i)
            marks.append(Mark(.box(row: y, box), role: row.kind == .emphasised ? .composite : .portfolio, label: row.label,
                              data: box.fields))
            for (value, position) in zip(box.outliers, box.outlierPositions) {
                let name = position < row.names.count ? row.names[position] : "value \(position + 1)"
                marks.append(Mark(.point(x: value, y: y), role: .outlier, symbol: .openCircle, label: name,
                                  data: [.init("row", .text(row.label)), .init("value", .number(value)),
                                         .init("position", .count(position + 1))]))
            }
            if let value = row.highlight, !value.isNaN {
                marks.append(Mark(.point(x: value, y: y), role: .region, symbol: .diamond, label: highlightName ?? "value",
                                  data: [.init("row", .text(row.label)), .init("value", .number(value))] + row.highlightData))
            }
        }
        let coefficient = rows.compactMap(\.box).first?.coefficient ?? 1.5
        let words = language.boxLegend(coefficient: coefficient)
        var legend: [LegendEntry] = [
            LegendEntry(.box, role: .portfolio, words.box),
            LegendEntry(.whiskers, role: .portfolio, words.whiskers),
            LegendEntry(.point(.openCircle), role: .outlier, words.outlier),
        ]
        if rows.contains(where: { $0.kind == .emphasised }) {
            legend.insert(LegendEntry(.box, role: .composite, words.composite), at: 1)
        }
        if let highlightName, rows.contains(where: { $0.highlight.map { !$0.isNaN } ?? false }) {
            legend.append(LegendEntry(.point(.diamond), role: .region, language.result(of: highlightName)))
        }
        let frameRows = rows.map { Row($0.label, detail: $0.detail, kind: $0.kind, annotation: $0.highlight.flatMap { $0.isNaN ? nil : $0 }) }
        return Chart(kind: kind, title: title, caption: caption, frame: .rows(frameRows, x: axis), marks: marks, legend: legend)
    }
}
