import Stats

/// A plane: the y axis on the left with its tick labels, the x axis underneath, points as
/// symbols, lines as braille dots, bars as blocks with eighths at their tops, bands and filled
/// polygons shaded, text labels placed where they do not overlap.
extension TerminalChart {
    func planeBody(x: Axis, y: Axis) -> [String] {
        let yLabels = numbers.ticks(y.ticks)
        let yLabelWidth = yLabels.map(TerminalText.width).max() ?? 0
        let plotWidth = width - yLabelWidth - 2
        let plotHeight = chart.kind == .pcaMap
            ? max(10, min(24, plotWidth * 2 / 5))
            : max(8, min(16, plotWidth / 4))
        var canvas = TerminalCanvas(width: plotWidth, height: plotHeight)
        func column(_ v: Double) -> Int { Int((x.fraction(v) * Double(plotWidth - 1)).rounded()) }
        func row(_ v: Double) -> Int { Int(((1 - y.fraction(v)) * Double(plotHeight - 1)).rounded()) }
        func dotX(_ v: Double) -> Double { x.fraction(v) * Double(2 * plotWidth - 1) }
        func dotY(_ v: Double) -> Double { (1 - y.fraction(v)) * Double(4 * plotHeight - 1) }

        var texts = [(column: Int, row: Int, text: String, role: Role)]()
        var bands = [[Point]]()
        for mark in chart.marks {
            let role = mark.role
            switch mark.geometry {
            case .point(let px, let py):
                canvas.put(TerminalStyle.character(mark.symbol), column(px), row(py), role: role)
            case .segment(let x1, let y1, let x2, let y2):
                canvas.line(dotX(x1), dotY(y1), dotX(x2), dotY(y2), role: role, dashed: role == .reference)
            case .path(let points, let closed):
                if closed && role == .band {
                    bands.append(points)  // shaded last, around the lines drawn over it
                } else {
                    let ring = closed ? points + points.prefix(1) : points
                    for (a, b) in zip(ring, ring.dropFirst()) {
                        canvas.line(dotX(a.x), dotY(a.y), dotX(b.x), dotY(b.y), role: role, dashed: role == .reference)
                    }
                }
            case .rect(let x1, let y1, let x2, let y2):
                drawColumnBar(x1: x1, y1: y1, x2: x2, y2: y2, role: role, x: x, y: y, on: &canvas)
            case .text(let tx, let ty, let text):
                texts.append((column(tx), row(ty), text, role))
            case .box, .cell:
                continue
            }
        }
        for band in bands {
            fill(band, on: &canvas, role: .band, column: { x.fraction($0) * Double(plotWidth - 1) },
                 row: { (1 - y.fraction($0)) * Double(plotHeight - 1) })
        }
        let unplaced = Self.placeLabels(texts, on: &canvas)

        var out = [String]()
        if !y.title.isEmpty { out.append(TerminalText.truncated(y.title, to: width)) }
        let tickRows = Dictionary(zip(y.ticks.map(row), yLabels), uniquingKeysWith: { first, _ in first })
        for (i, line) in canvas.lines(colour: renderer.colour).enumerated() {
            let label = tickRows[i] ?? ""
            out.append(TerminalText.padded(label, to: yLabelWidth, right: true) + " " + (tickRows[i] == nil ? "│" : "┤") + line)
        }
        out += horizontalAxis(x, offset: yLabelWidth + 2, plotWidth: plotWidth, corner: "└")
        if unplaced > 0 { out.append(dim("(\(unplaced) label\(unplaced == 1 ? "" : "s") left out where they would overlap)")) }
        return out
    }

    /// A vertical bar (a histogram's bin) from y1 up to y2, from x1 to x2: whole cells with
    /// eighths at the top; a bar wider than two cells leaves its last column empty so that
    /// neighbouring bars stay apart. A band (role `.band`) is shaded instead.
    private func drawColumnBar(x1: Double, y1: Double, x2: Double, y2: Double, role: Role, x: Axis, y: Axis,
                               on canvas: inout TerminalCanvas) {
        let plotWidth = canvas.width, plotHeight = canvas.height
        let left = x.fraction(min(x1, x2)) * Double(plotWidth - 1) + 0.5
        let right = x.fraction(max(x1, x2)) * Double(plotWidth - 1) + 0.5
        var columns = Array(Int(left.rounded())..<max(Int(left.rounded()) + 1, Int(right.rounded())))
        if columns.count > 2 { columns.removeLast() }
        let bottom = y.fraction(min(y1, y2)) * Double(plotHeight), top = y.fraction(max(y1, y2)) * Double(plotHeight)
        for c in columns {
            Self.bar(from: bottom, to: top, fill: TerminalStyle.fill(role), eighths: TerminalStyle.lowerEighths) { level, character in
                canvas.put(character, c, plotHeight - 1 - level, role: role, onlyIfEmpty: role == .band)
            }
        }
    }

    /// Shades the cells whose centre lies inside the polygon (even-odd rule), under what is there.
    private func fill(_ points: [Point], on canvas: inout TerminalCanvas, role: Role,
                      column: (Double) -> Double, row: (Double) -> Double) {
        let polygon = points.map { (column($0.x), row($0.y)) }
        guard polygon.count > 2 else { return }
        for r in 0..<canvas.height {
            for c in 0..<canvas.width where canvas.isEmpty(c, r) {
                let px = Double(c), py = Double(r)
                var inside = false
                var j = polygon.count - 1
                for i in polygon.indices {
                    let (xi, yi) = polygon[i], (xj, yj) = polygon[j]
                    if (yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi { inside.toggle() }
                    j = i
                }
                if inside { canvas.put(TerminalStyle.fill(role), c, r, role: role) }
            }
        }
    }
}
