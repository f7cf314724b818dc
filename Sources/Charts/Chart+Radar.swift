import Stats

extension Chart {
    /// A radar of a region's values on the spokes (the six dimensions) against a reference (the
    /// portfolio's median): the region a filled polygon with diamonds, the reference a dashed one
    /// with open circles. A missing value leaves its vertex out of the polygon.
    public static func radar(title: String, caption: String, spokes: [String], region: String, values: [Double],
                             reference: [Double], referenceName: String = "median", axis: Axis) -> Chart {
        var marks = [Mark]()
        func polygon(_ xs: [Double], role: Role) {
            let points = xs.enumerated().filter { !$0.element.isNaN }.map { Point(Double($0.offset), $0.element) }
            if points.count > 1 { marks.append(Mark(.path(points, closed: true), role: role)) }
        }
        polygon(reference, role: .reference)
        polygon(values, role: .region)
        for (i, spoke) in spokes.enumerated() {
            if !reference[i].isNaN {
                marks.append(Mark(.point(x: Double(i), y: reference[i]), role: .reference, symbol: .openCircle, label: "\(spoke) \(referenceName)",
                                  data: [.init("dimension", .text(spoke)), .init(referenceName, .number(reference[i]))]))
            }
            if !values[i].isNaN {
                marks.append(Mark(.point(x: Double(i), y: values[i]), role: .region, symbol: .diamond, label: "\(spoke) \(region)",
                                  data: [.init("dimension", .text(spoke)), .init("region", .text(region)), .init("value", .number(values[i]))]))
            }
        }
        let legend = [LegendEntry(.point(.diamond), role: .region, region),
                      LegendEntry(.point(.openCircle), role: .reference, "the portfolio's \(referenceName)")]
        return Chart(kind: .radar, title: title, caption: caption, frame: .radar(spokes: spokes, r: axis), marks: marks, legend: legend)
    }
}
