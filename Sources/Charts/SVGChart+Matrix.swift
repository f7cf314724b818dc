import Stats

/// A matrix: the column names turned upright on top, the row names on the left, each cell
/// coloured on the scale (with its value written in it where there is room), cells below a
/// diverging scale's centre hatched so that the sign reads in grey, and a colour key underneath.
extension SVGChart {
    func matrixFrame(_ body: inout SVGDocument, rows: [String], columns: [String], colours: ColourScale, top: Double) -> Double {
        var values = [[Double]](repeating: [Double](repeating: .nan, count: columns.count), count: rows.count)
        var marks = [[Mark?]](repeating: [Mark?](repeating: nil, count: columns.count), count: rows.count)
        for mark in chart.marks {
            if case .cell(let r, let c, let v) = mark.geometry, r < rows.count, c < columns.count {
                values[r][c] = v
                marks[r][c] = mark
            }
        }
        let labelSize = 11.0
        let rowLabelWidth = min(rows.map { TextMetrics.width($0, size: labelSize) }.max() ?? 0, width * 0.3)
        let cell = max(3, min(28, (width - 2 * margin - rowLabelWidth - 8) / Double(max(1, columns.count))))
        let showsLabels = cell >= 9
        let columnLabelHeight = showsLabels ? min(columns.map { TextMetrics.width($0, size: min(labelSize, cell * 0.85)) }.max() ?? 0, 120) + 6 : 0
        let left = margin + rowLabelWidth + 8, gridTop = top + columnLabelHeight + 4
        let diverging: Bool = { if case .diverging = colours { return true } else { return false } }()
        let decimals = min(2, NumberFormat.columnDecimals(values.flatMap { $0 }))
        let showsValues = cell >= 21

        if showsLabels {
            let size = min(labelSize, cell * 0.85)
            for (c, name) in columns.enumerated() {
                let x = left + (Double(c) + 0.5) * cell + size * 0.35
                body.label(TextMetrics.truncated(name, to: 120, size: size), x: x, y: gridTop - 4, size: size, rotate: -90,
                           title: name)
            }
            for (r, name) in rows.enumerated() {
                body.label(TextMetrics.truncated(name, to: rowLabelWidth, size: size), x: left - 6,
                           y: gridTop + (Double(r) + 0.5) * cell + size * 0.35, size: size, anchor: "end", title: name)
            }
        }
        for r in rows.indices {
            for c in columns.indices {
                let value = values[r][c]
                let x = left + Double(c) * cell, y = gridTop + Double(r) * cell
                let title = marks[r][c].flatMap(tooltip)
                body.element("rect", ["x": .number(x), "y": .number(y), "width": .number(cell), "height": .number(cell),
                                      "fill": .text(SVGStyle.colour(value, on: colours)), "stroke": .text("#ffffff"),
                                      "stroke-width": .number(cell >= 8 ? 0.6 : 0)], title: title)
                if diverging && !value.isNaN && colours.position(value) < 0 {
                    body.element("rect", ["x": .number(x), "y": .number(y), "width": .number(cell), "height": .number(cell),
                                          "fill": .text("url(#\(prefix)-negative)"), "pointer-events": .text("none")])
                }
                if showsValues && !value.isNaN {
                    body.label(numbers.fixed(value, decimals: decimals), x: x + cell / 2, y: y + cell / 2 + 3, size: 8.5, anchor: "middle",
                               colour: SVGStyle.needsLightText(value, on: colours) ? "#ffffff" : "#222")
                }
            }
        }
        // The colour key: 24 steps over the scale's domain, its ends and centre labelled.
        var y = gridTop + Double(rows.count) * cell + 18
        let keyWidth = min(240, width - 2 * margin), step = keyWidth / 24
        let domain = colours.domain
        for i in 0..<24 {
            let value = domain.lowerBound + (domain.upperBound - domain.lowerBound) * (Double(i) + 0.5) / 24
            body.element("rect", ["x": .number(left + Double(i) * step), "y": .number(y), "width": .number(step + 0.3),
                                  "height": .number(10), "fill": .text(SVGStyle.colour(value, on: colours))])
            if diverging && colours.position(value) < 0 {
                body.element("rect", ["x": .number(left + Double(i) * step), "y": .number(y), "width": .number(step + 0.3),
                                      "height": .number(10), "fill": .text("url(#\(prefix)-negative)")])
            }
        }
        var keyTicks = PrettyBreaks.breaks(low: domain.lowerBound, high: domain.upperBound, count: 4).filter { domain.contains($0) }
        if case .diverging(_, let centre) = colours { keyTicks = [domain.lowerBound, centre, domain.upperBound] }
        for (tick, label) in zip(keyTicks, numbers.ticks(keyTicks)) {
            let x = left + (tick - domain.lowerBound) / max(1e-300, domain.upperBound - domain.lowerBound) * keyWidth
            body.label(label, x: x, y: y + 23, size: 10.5, anchor: "middle")
        }
        y += 30
        return y
    }
}
