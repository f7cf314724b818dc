import Stats

extension Chart {
    /// The map of a principal component analysis: each region at its scores on the first two
    /// components, named beside its point where the name overlaps nothing, the axes titled with
    /// each component's share of the variance. With `clusters` (numbered from 1 per region) each
    /// cluster has its own symbol and colour; the highlighted region is a diamond. Regions without
    /// scores (left out of the fit for missing cells) are not drawn; the caller names them.
    public static func pcaMap(title: String, caption: String, names: [String], pc1: [Double], pc2: [Double],
                              shares: (Double, Double), clusters: [Int]? = nil, highlight: String? = nil) -> Chart {
        let f = NumberFormat.standard
        let x = Axis.spanning("PC1 (\(f.percent(shares.0)) of the variance)", pc1, including: [0])
        let y = Axis.spanning("PC2 (\(f.percent(shares.1)) of the variance)", pc2, including: [0])
        var marks = [Mark(.segment(x1: 0, y1: y.domain.lowerBound, x2: 0, y2: y.domain.upperBound), role: .guide),
                     Mark(.segment(x1: x.domain.lowerBound, y1: 0, x2: x.domain.upperBound, y2: 0), role: .guide)]
        var labels = [Mark]()
        for i in names.indices where !pc1[i].isNaN && !pc2[i].isNaN {
            let isHighlight = names[i] == highlight
            let c = clusters?[i]
            let role: Role = isHighlight ? .region : c.map { .series($0 - 1) } ?? .portfolio
            let symbol: Symbol = isHighlight ? .diamond : c.map { Symbol.series($0 - 1) } ?? .circle
            var data: [Datum.Field] = [.init("region", .text(names[i])), .init("PC1", .number(pc1[i])), .init("PC2", .number(pc2[i]))]
            if let c { data.append(.init("cluster", .count(c))) }
            marks.append(Mark(.point(x: pc1[i], y: pc2[i]), role: role, symbol: symbol, label: names[i], data: data))
            labels.append(Mark(.text(x: pc1[i], y: pc2[i], names[i]), role: role))
        }
        var legend = [LegendEntry]()
        if let clusters, let k = clusters.max() {
            legend = (1...max(1, k)).map { c in
                LegendEntry(.point(Symbol.series(c - 1)), role: .series(c - 1), "cluster \(c) (\(clusters.filter { $0 == c }.count))")
            }
        }
        if let highlight, names.contains(highlight) { legend.append(LegendEntry(.point(.diamond), role: .region, highlight)) }
        // The highlighted region's name is placed first, so it is the one that finds room.
        labels.sort { ($0.role == .region ? 0 : 1) < ($1.role == .region ? 0 : 1) }
        return Chart(kind: .pcaMap, title: title, caption: caption, frame: .plane(x: x, y: y), marks: marks + labels, legend: legend)
    }
}
