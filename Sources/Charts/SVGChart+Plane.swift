import Stats

/// A plane: grid lines at the ticks of both axes, the y axis on the left with its title turned
/// upright, the x axis underneath, then the marks; text labels where they overlap nothing.
extension SVGChart {
    func planeFrame(_ body: inout SVGDocument, x: Axis, y: Axis, top: Double) -> Double {
        let yLabels = numbers.ticks(y.ticks)
        let yLabelWidth = yLabels.map { TextMetrics.width($0, size: 11) }.max() ?? 0
        let left = margin + (y.title.isEmpty ? 0 : 20) + yLabelWidth + 8, right = width - margin - 6
        let plotHeight = chart.kind == .pcaMap ? min(0.72 * (right - left), 540) : min(0.48 * (right - left), 360)
        let plotTop = top + 8, plotBottom = plotTop + plotHeight
        func px(_ v: Double) -> Double { left + x.fraction(v) * (right - left) }
        func py(_ v: Double) -> Double { plotBottom - y.fraction(v) * plotHeight }

        verticalGrid(&body, x, left: left, right: right, top: plotTop, bottom: plotBottom)
        for (tick, label) in zip(y.ticks, yLabels) {
            let ty = py(tick)
            body.element("line", ["x1": .number(left), "y1": .number(ty), "x2": .number(right), "y2": .number(ty),
                                  "stroke": .text(SVGStyle.grid), "stroke-width": .number(1)])
            body.label(label, x: left - 6, y: ty + 4, size: 11, anchor: "end")
        }
        body.element("line", ["x1": .number(left), "y1": .number(plotTop), "x2": .number(left), "y2": .number(plotBottom),
                              "stroke": .text(SVGStyle.axis), "stroke-width": .number(1)])
        if !y.title.isEmpty {
            let title = TextMetrics.truncated(y.title, to: plotHeight, size: 11.5)
            body.label(title, x: margin + 10, y: (plotTop + plotBottom) / 2, size: 11.5, anchor: "middle", colour: "#333", rotate: -90)
        }

        var labels = [(x: Double, y: Double, text: String)]()
        var occupied = [(Double, Double)]()
        for mark in chart.marks {
            let title = tooltip(mark)
            switch mark.geometry {
            case .point(let vx, let vy):
                occupied.append((px(vx), py(vy)))
                SVGStyle.symbol(mark.symbol, role: mark.role, x: px(vx), y: py(vy), r: mark.role == .region ? 5.5 : 4.2,
                                prefix: prefix, title: title, into: &body)
            case .segment(let x1, let y1, let x2, let y2):
                polyline(&body, [(px(x1), py(y1)), (px(x2), py(y2))], closed: false, role: mark.role, title: title)
            case .path(let points, let closed):
                let pixels = points.map { (px($0.x), py($0.y)) }
                if closed && mark.role == .band {
                    let (fill, _) = SVGStyle.fill(.band, prefix: prefix)
                    polyline(&body, pixels, closed: true, role: .band, fill: fill, title: title)
                } else {
                    polyline(&body, pixels, closed: closed, role: mark.role, title: title)
                }
            case .rect(let x1, let y1, let x2, let y2):
                rectangle(&body, px(x1), py(y1), px(x2), py(y2), role: mark.role, title: title)
            case .text(let tx, let ty, let text):
                labels.append((px(tx), py(ty), text))
            case .box, .cell:
                continue
            }
        }
        let unplaced = placeLabels(&body, labels, occupied: occupied, bounds: (left, plotTop, right, plotBottom))
        var end = horizontalAxis(&body, x, left: left, right: right, y: plotBottom)
        if unplaced > 0 {
            end += 14
            body.label("\(unplaced) label\(unplaced == 1 ? "" : "s") left out where they would overlap (hover a point for its name)",
                       x: margin, y: end, size: 10.5, colour: "#555")
        }
        return end
    }
}
