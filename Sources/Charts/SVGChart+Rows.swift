import Stats

/// Rows: labels on the left (truncated with `…` to fit, the full text in a tooltip), group
/// headers on a light band, grid lines at the ticks, the marks, the annotations on the right,
/// the axis underneath.
extension SVGChart {
    func rowsFrame(_ body: inout SVGDocument, rows: [Row], x: Axis, top: Double) -> Double {
        let size = 12.0
        let annotationDecimals = NumberFormat.columnDecimals(rows.compactMap(\.annotation))
        let annotations = rows.map { $0.annotation.map { numbers.fixed($0, decimals: annotationDecimals) } }
        let annotationWidth = annotations.compactMap { $0.map { TextMetrics.width($0, size: size) } }.max().map { $0 + 10 } ?? 0
        var underHeader = false
        let indents = rows.map { row -> Double in
            if row.kind == .header { underHeader = true; return 0 }
            return underHeader ? 12 : 0
        }
        let texts = rows.map { $0.label + ($0.detail.map { " " + $0 } ?? "") }
        let needed = zip(zip(rows, texts), indents).filter { $0.0.0.kind != .header }
            .map { $0.1 + TextMetrics.width($0.0.1, size: size, bold: $0.0.0.kind == .emphasised) }.max() ?? 0
        let labelWidth = min(needed, width * 0.42, width - 2 * margin - annotationWidth - 220)
        let left = margin + labelWidth + 10, right = width - margin - annotationWidth
        let heights = rows.map { $0.kind == .header ? 24.0 : 20.0 }
        var centres = [Double](), y = top + 4
        for h in heights {
            centres.append(y + h / 2)
            y += h
        }
        let bottom = y + 4
        func px(_ value: Double) -> Double { left + x.fraction(value) * (right - left) }
        func py(_ row: Double) -> Double {
            guard !centres.isEmpty else { return top }
            if row <= 0 { return centres[0] + row * 20 }
            if row >= Double(centres.count - 1) { return centres[centres.count - 1] + (row - Double(centres.count - 1)) * 20 }
            let i = Int(row.rounded(.down)), t = row - Double(i)
            return centres[i] + (centres[i + 1] - centres[i]) * t
        }

        verticalGrid(&body, x, left: left, right: right, top: top + 4, bottom: bottom)

        var texts2 = [(x: Double, y: Double, text: String)]()
        var occupied = [(Double, Double)]()
        for mark in chart.marks {
            let title = tooltip(mark)
            switch mark.geometry {
            case .box(let row, let stats):
                box(&body, mark, box: stats, y: py(row), x: px)
            case .point(let vx, let vy):
                occupied.append((px(vx), py(vy)))
                SVGStyle.symbol(mark.symbol, role: mark.role, x: px(vx), y: py(vy), r: mark.role == .region ? 5.5 : 4.2,
                                prefix: prefix, title: title, into: &body)
            case .segment(let x1, let y1, let x2, let y2):
                let spans = x1 == x2 && (mark.role == .reference || mark.role == .guide) && abs(y2 - y1) >= 1
                let a = spans ? top + 4 : py(y1), b = spans ? bottom : py(y2)
                polyline(&body, [(px(x1), a), (px(x2), b)], closed: false, role: mark.role, title: title)
                if mark.role == .interval && y1 == y2 {
                    for x in [px(x1), px(x2)] { polyline(&body, [(x, a - 4), (x, a + 4)], closed: false, role: .interval, title: nil) }
                }
            case .rect(let x1, let y1, let x2, let y2):
                rectangle(&body, px(x1), py(y1), px(x2), py(y2), role: mark.role, title: title)
            case .path(let points, let closed):
                polyline(&body, points.map { (px($0.x), py($0.y)) }, closed: closed, role: mark.role, title: title)
            case .text(let tx, let ty, let text):
                texts2.append((px(tx), py(ty), text))
            case .cell:
                continue
            }
        }
        let unplaced = placeLabels(&body, texts2, occupied: occupied, bounds: (left, top, right, bottom))

        // Header bands over the marks, so that lines across all rows stop at them.
        for (i, row) in rows.enumerated() where row.kind == .header {
            body.element("rect", ["x": .number(margin), "y": .number(centres[i] - 11), "width": .number(width - 2 * margin),
                                  "height": .number(21), "fill": .text("#eef1f4")])
        }
        for (i, row) in rows.enumerated() {
            let bold = row.kind != .data
            if row.kind == .header {
                // An en space: SVG collapses runs of ordinary spaces.
                let text = TextMetrics.truncated(row.label + (row.detail.map { "\u{2002}" + $0 } ?? ""), to: width - 2 * margin - 8, size: 12.5, bold: true)
                body.label(text, x: margin + 6, y: centres[i] + 4.5, size: 12.5, bold: true)
                continue
            }
            let available = labelWidth - indents[i]
            let full = texts[i]
            let shown = TextMetrics.truncated(full, to: available, size: size, bold: bold)
            body.label(shown, x: margin + indents[i], y: centres[i] + 4, size: size, bold: bold, title: shown == full ? nil : full)
            if let annotation = annotations[i] {
                body.label(annotation, x: width - margin, y: centres[i] + 4, size: size, anchor: "end", bold: bold)
            }
        }
        var end = horizontalAxis(&body, x, left: left, right: right, y: bottom)
        if unplaced > 0 {
            end += 14
            body.label("\(unplaced) label\(unplaced == 1 ? "" : "s") left out where they would overlap (hover a mark for its name)",
                       x: margin, y: end, size: 10.5, colour: "#555")
        }
        return end
    }
}
