import Stats

/// Rows: one line per row, the labels on the left, the plot across, the row's annotation on the
/// right, the axis underneath. Boxes, bars, points and intervals on a row are characters; lines
/// between rows (a dendrogram's joins) are braille dots.
extension TerminalChart {
    func rowsBody(_ rows: [Row], x: Axis) -> [String] {
        let annotationDecimals = NumberFormat.columnDecimals(rows.compactMap(\.annotation))
        let annotations = rows.map { $0.annotation.map { numbers.fixed($0, decimals: annotationDecimals) } }
        let annotationWidth = annotations.compactMap { $0.map(TerminalText.width) }.max().map { $0 + 1 } ?? 0
        let labels = rowLabels(rows)
        let needed = zip(rows, labels).filter { $0.0.kind != .header }.map { TerminalText.width($0.1) }.max() ?? 0
        let labelWidth = max(4, min(needed, width * 2 / 5, width - annotationWidth - 21))
        let plotWidth = width - labelWidth - 1 - annotationWidth

        var canvas = TerminalCanvas(width: plotWidth, height: rows.count)
        func column(_ value: Double) -> Int { Int((x.fraction(value) * Double(plotWidth - 1)).rounded()) }
        func cellPosition(_ value: Double) -> Double { x.fraction(value) * Double(plotWidth - 1) + 0.5 }
        func dotX(_ value: Double) -> Double { x.fraction(value) * Double(2 * plotWidth - 1) }
        func dotY(_ row: Double) -> Double { row * 4 + 1.5 }
        func onRow(_ y: Double) -> Int? { abs(y - y.rounded()) < 0.01 ? Int(y.rounded()) : nil }

        var texts = [(column: Int, row: Int, text: String, role: Role)]()
        for mark in chart.marks {
            let role = mark.role
            switch mark.geometry {
            case .box(let row, let box):
                guard box.count > 0, let r = onRow(row) else { continue }
                drawBox(box, row: r, role: role, column: column, on: &canvas)
            case .point(let px, let py):
                if let r = onRow(py) {
                    canvas.put(TerminalStyle.character(mark.symbol), column(px), r, role: role)
                } else {
                    canvas.dot(Int(dotX(px).rounded()), Int(dotY(py).rounded()), role: role)
                }
            case .segment(let x1, let y1, let x2, let y2):
                if let r = onRow(y1), y1 == y2 {
                    // Under what is there: a bar or a point keeps its cell, the line shows beside it.
                    let (a, b) = (min(column(x1), column(x2)), max(column(x1), column(x2)))
                    for c in a...b {
                        let character: Character = role == .interval && a < b ? (c == a ? "├" : c == b ? "┤" : "─") : "─"
                        canvas.put(character, c, r, role: role, onlyIfEmpty: true)
                    }
                } else if x1 == x2 && (role == .reference || role == .guide) {
                    let top = Int(min(y1, y2).rounded(.up)), bottom = Int(max(y1, y2).rounded(.down))
                    if top <= bottom {
                        for r in top...bottom { canvas.put("┊", column(x1), r, role: role, onlyIfEmpty: true) }
                    }
                } else {
                    canvas.line(dotX(x1), dotY(y1), dotX(x2), dotY(y2), role: role)
                }
            case .rect(let x1, let y1, let x2, let y2):
                guard let r = onRow((y1 + y2) / 2) else { continue }
                // A bar from the axis's start fills its first cell whole.
                func start(_ v: Double) -> Double { v <= x.domain.lowerBound ? 0 : cellPosition(v) }
                Self.bar(from: start(x1), to: start(x2), fill: TerminalStyle.fill(role), eighths: TerminalStyle.leftEighths) { c, character in
                    canvas.put(character, c, r, role: role)
                }
            case .path(let points, let closed):
                let ring = closed ? points + points.prefix(1) : points
                for (a, b) in zip(ring, ring.dropFirst()) {
                    canvas.line(dotX(a.x), dotY(a.y), dotX(b.x), dotY(b.y), role: role)
                }
            case .text(let tx, let ty, let text):
                texts.append((column(tx), Int(ty.rounded()), text, role))
            case .cell:
                continue
            }
        }
        let unplaced = Self.placeLabels(texts, on: &canvas)

        let plotLines = canvas.lines(colour: renderer.colour)
        let plainLines = renderer.colour ? canvas.lines(colour: false) : plotLines
        var out = [String]()
        for (i, row) in rows.enumerated() {
            if row.kind == .header {
                out.append(bold(TerminalText.truncated(labels[i], to: width)))
                continue
            }
            var label = TerminalText.padded(TerminalText.truncated(labels[i], to: labelWidth), to: labelWidth)
            if row.kind == .emphasised { label = bold(label) }
            var line = label + " " + plotLines[i]
            if let annotation = annotations[i] {
                let used = TerminalText.width(plainLines[i])
                line += String(repeating: " ", count: plotWidth - used + annotationWidth - TerminalText.width(annotation)) + annotation
            }
            out.append(line)
        }
        out += horizontalAxis(x, offset: labelWidth + 1, plotWidth: plotWidth)
        if unplaced > 0 { out.append(dim("(\(unplaced) label\(unplaced == 1 ? "" : "s") left out where they would overlap)")) }
        return out
    }

    /// The label of each row: a header with its detail; a row under a header indented by two;
    /// the detail after the label where there is one.
    private func rowLabels(_ rows: [Row]) -> [String] {
        var underHeader = false
        return rows.map { row in
            if row.kind == .header {
                underHeader = true
                return row.label + (row.detail.map { "  " + $0 } ?? "")
            }
            return (underHeader ? "  " : "") + row.label + (row.detail.map { " " + $0 } ?? "")
        }
    }

    /// `├──▒▒┃▒▒──┤`: whiskers, the box from Q1 to Q3 (darker for a composite), the median.
    private func drawBox(_ box: BoxplotStatistics, row: Int, role: Role, column: (Double) -> Int, on canvas: inout TerminalCanvas) {
        let low = column(box.lowerWhisker), q1 = column(box.q1), median = column(box.median)
        let q3 = column(box.q3), high = column(box.upperWhisker)
        for c in low...high { canvas.put("─", c, row, role: role) }
        if low < q1 { canvas.put("├", low, row, role: role) }
        if high > q3 { canvas.put("┤", high, row, role: role) }
        let fill: Character = role == .composite ? "▓" : "▒"
        for c in q1...q3 { canvas.put(fill, c, row, role: role) }
        canvas.put("┃", median, row, role: role, bold: true)
    }
}
