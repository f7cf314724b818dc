import Foundation
import Stats

/// A radar: rings at the ticks, spokes clockwise from the top with their names outside, the
/// tick values along the top spoke, each series a polygon (the region filled lightly, the
/// reference dashed) with its symbol at the vertices.
extension SVGChart {
    func radarFrame(_ body: inout SVGDocument, spokes: [String], r: Axis, top: Double) -> Double {
        let size = 12.0
        let labelWidth = spokes.map { TextMetrics.width($0, size: size, bold: true) }.max() ?? 0
        let radius = max(60, min(width - 2 * margin - 2 * (labelWidth + 14), 440) / 2)
        let cx = width / 2, cy = top + 26 + radius
        func position(_ spoke: Double, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * spoke / Double(max(1, spokes.count))
            let f = max(0, r.fraction(value))
            return (cx + radius * f * cos(angle), cy + radius * f * sin(angle))
        }
        for tick in r.ticks where tick > r.domain.lowerBound {
            let ring = spokes.indices.map { position(Double($0), tick) }
            polyline(&body, ring, closed: true, role: .guide, title: nil)
        }
        for i in spokes.indices {
            let end = position(Double(i), r.domain.upperBound)
            body.element("line", ["x1": .number(cx), "y1": .number(cy), "x2": .number(end.0), "y2": .number(end.1),
                                  "stroke": .text("#b0b0b0"), "stroke-width": .number(1)])
        }
        for (tick, label) in zip(r.ticks, numbers.ticks(r.ticks)) where tick > r.domain.lowerBound {
            let p = position(0, tick)
            body.label(label, x: p.0 + 5, y: p.1 + 11, size: 10, colour: "#666")
        }
        for mark in chart.marks {
            let title = tooltip(mark)
            switch mark.geometry {
            case .path(let points, let closed):
                let pixels = points.map { position($0.x, $0.y) }
                if mark.role == .region {
                    polyline(&body, pixels, closed: closed, role: mark.role, fill: "#d55e00", fillOpacity: 0.16, title: title)
                } else {
                    polyline(&body, pixels, closed: closed, role: mark.role, title: title)
                }
            case .point(let spoke, let value):
                let p = position(spoke, value)
                SVGStyle.symbol(mark.symbol, role: mark.role, x: p.0, y: p.1, r: mark.role == .region ? 5.5 : 4.2,
                                prefix: prefix, title: title, into: &body)
            default:
                continue
            }
        }
        for (i, spoke) in spokes.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, spokes.count))
            let x = cx + (radius + 10) * cos(angle), y = cy + (radius + 10) * sin(angle)
            let anchor = cos(angle) > 0.3 ? "start" : cos(angle) < -0.3 ? "end" : "middle"
            let dy = sin(angle) > 0.7 ? 12.0 : sin(angle) < -0.7 ? -2.0 : 4.0
            body.label(spoke, x: x, y: y + dy, size: size, anchor: anchor, bold: true)
        }
        var end = cy + radius + 44
        if !r.title.isEmpty {
            body.label("values: " + r.title, x: cx, y: end, size: 11.5, anchor: "middle", colour: "#333")
            end += 8
        }
        return end
    }
}
