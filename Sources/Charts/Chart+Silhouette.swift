import Stats

extension Chart {
    /// A silhouette plot as R's `plot(silhouette(...))` turned on its side: the regions grouped by
    /// cluster (each group headed by its size and mean width), within a cluster from the widest
    /// to the narrowest, one bar per region from 0 to its width (negative widths to the left),
    /// and the mean width of all as a dashed line. The data carry the field names of `s.widths`.
    public static func silhouette(title: String, caption: String, names: [String], clusters: [Int], _ widths: SilhouetteWidths) -> Chart {
        var rows = [Row](), marks = [Mark]()
        for (c, label) in widths.labels.enumerated() {
            let members = names.indices.filter { clusters[$0] == label }.sorted { (-widths.widths[$0], $0) < (-widths.widths[$1], $1) }
            let mean = NumberFormat.standard.fixed(widths.clusterMeans[c], decimals: 2)
            rows.append(Row("cluster \(label)", detail: "\(members.count) region\(members.count == 1 ? "" : "s"), mean width \(mean)", kind: .header))
            for i in members {
                let y = Double(rows.count)
                rows.append(Row(names[i], annotation: widths.widths[i]))
                marks.append(Mark(.rect(x1: 0, y1: y - 0.36, x2: widths.widths[i], y2: y + 0.36), role: .series(c), label: names[i],
                                  data: [.init("region", .text(names[i])), .init("cluster", .count(label)),
                                         .init("neighbour", .count(widths.neighbours[i])), .init("width", .number(widths.widths[i]))]))
            }
        }
        marks.append(Mark(.segment(x1: widths.mean, y1: -0.5, x2: widths.mean, y2: Double(rows.count) - 0.5), role: .reference,
                          label: "mean width", data: [.init("mean", .number(widths.mean))]))
        let axis = Axis.spanning("silhouette width", widths.widths, including: [0, 1])
        let legend = [LegendEntry(.line, role: .reference, "mean width of all regions (\(NumberFormat.standard.fixed(widths.mean, decimals: 2)))")]
        return Chart(kind: .silhouette, title: title, caption: caption, frame: .rows(rows, x: axis), marks: marks, legend: legend)
    }
}
