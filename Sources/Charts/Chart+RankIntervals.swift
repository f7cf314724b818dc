import Stats

extension Chart {
    /// The ranks of an uncertainty analysis as in the JRC's audits of composite indicators: one
    /// row per region in the order of its nominal rank, a bar from the 5th to the 95th percentile
    /// of its ranks over the samples, its median rank as a dot and its nominal rank (the published
    /// weights) as a cross. The data carry the field names of `uncertainty`'s table.
    public static func rankIntervals(title: String, caption: String, names: [String], _ result: UncertaintyResult) -> Chart {
        let n = names.count
        // By nominal rank, then median rank (regions without a rank last), then as given.
        func key(_ i: Int) -> (Double, Double, Int) {
            (result.nominalRank[i].isNaN ? .infinity : result.nominalRank[i], result.medianRank[i].isNaN ? .infinity : result.medianRank[i], i)
        }
        let order = names.indices.sorted { key($0) < key($1) }
        let ticks = PrettyBreaks.breaks(low: 1, high: Double(max(2, n)), count: 6).filter { $0 >= 1 && $0 <= Double(max(2, n)) }
        let axis = Axis("rank (1 = best)", domain: 1...Double(max(2, n)), ticks: ticks.first == 1 ? ticks : [1] + ticks)
        var marks = [Mark]()
        for (row, i) in order.enumerated() {
            let y = Double(row)
            let data: [Datum.Field] = [.init("region", .text(names[i])), .init("nominal", .number(result.nominalRank[i])),
                                       .init("mean", .number(result.meanRank[i])), .init("median", .number(result.medianRank[i])),
                                       .init("p05", .number(result.p05Rank[i])), .init("p95", .number(result.p95Rank[i]))]
            if !result.p05Rank[i].isNaN {
                marks.append(Mark(.segment(x1: result.p05Rank[i], y1: y, x2: result.p95Rank[i], y2: y), role: .portfolio,
                                  label: names[i], data: data))
            }
            if !result.medianRank[i].isNaN {
                marks.append(Mark(.point(x: result.medianRank[i], y: y), role: .portfolio, symbol: .openCircle, label: names[i], data: data,
                                  repeatsData: true))
            }
            if !result.nominalRank[i].isNaN {
                marks.append(Mark(.point(x: result.nominalRank[i], y: y), role: .reference, symbol: .cross, label: names[i], data: data,
                                  repeatsData: true))
            }
        }
        let legend = [LegendEntry(.line, role: .portfolio, "5 % to 95 % of the ranks over the samples"),
                      LegendEntry(.point(.openCircle), role: .portfolio, "median rank"),
                      LegendEntry(.point(.cross), role: .reference, "nominal rank (the weights as given)")]
        let rows = order.map { Row(names[$0], annotation: result.nominalRank[$0].isNaN ? nil : result.nominalRank[$0]) }
        return Chart(kind: .rankIntervals, title: title, caption: caption, frame: .rows(rows, x: axis), marks: marks, legend: legend)
    }
}
