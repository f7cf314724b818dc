import Foundation
import Stats

/// A radar: spokes from the centre, clockwise from the top, the outer ring, each series a braille polygon with its symbol at the vertices, the spokes' names
/// outside the circle and the tick values along the top spoke.
extension TerminalChart {
    func radarBody(spokes: [String], r: Axis) -> [String] {
        let labelWidth = spokes.map(TerminalText.width).max() ?? 0
        let height = max(9, min(21, (width - 2 * labelWidth - 4) / 4 * 2 + 1))
        var canvas = TerminalCanvas(width: width, height: height)
        // Dots are square enough (2 x 4 per cell of about 1 x 2): one radius in both directions.
        let radius = Double(height * 4) / 2 - 3
        let centreX = Double(width), centreY = Double(height * 4) / 2
        func position(_ spoke: Double, _ value: Double) -> (x: Double, y: Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * spoke / Double(max(1, spokes.count))
            let f = max(0, r.fraction(value))
            return (centreX + radius * f * cos(angle), centreY + radius * f * sin(angle))
        }
        for (i, _) in spokes.enumerated() {
            let end = position(Double(i), r.domain.upperBound)
            canvas.line(centreX, centreY, end.x, end.y, role: .guide)
        }
        // The outer ring only: inner rings would blur the polygons at this resolution.
        let ring = spokes.indices.map { position(Double($0), r.domain.upperBound) }
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
            canvas.line(a.x, a.y, b.x, b.y, role: .guide)
        }
        var vertices = [(Int, Int, Character, Role)]()
        for mark in chart.marks {
            switch mark.geometry {
            case .path(let points, let closed):
                let ring = points.map { position($0.x, $0.y) }
                let joined = closed ? ring + ring.prefix(1) : ring
                for (a, b) in zip(joined, joined.dropFirst()) {
                    canvas.line(a.x, a.y, b.x, b.y, role: mark.role, dashed: mark.role == .reference)
                }
            case .point(let spoke, let value):
                let p = position(spoke, value)
                vertices.append((Int(p.x / 2), Int(p.y / 4), TerminalStyle.character(mark.symbol), mark.role))
            default:
                continue
            }
        }
        for (c, row, character, role) in vertices { canvas.put(character, c, row, role: role) }
        let tickLabels = numbers.ticks(r.ticks)
        for (tick, label) in zip(r.ticks, tickLabels) where tick > r.domain.lowerBound {
            let p = position(0, tick)
            canvas.write(label, Int(p.x / 2) + 1, Int(p.y / 4), role: .guide)
        }
        for (i, spoke) in spokes.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(max(1, spokes.count))
            let p = position(Double(i), r.domain.upperBound)
            let w = TerminalText.width(spoke)
            var c = Int((p.x / 2).rounded()), row = Int((p.y / 4).rounded())
            if cos(angle) > 0.3 { c += 2 } else if cos(angle) < -0.3 { c -= w + 1 } else { c -= w / 2 }
            if sin(angle) < -0.7 { row -= 1 } else if sin(angle) > 0.7 { row += 1 }
            canvas.write(spoke, max(0, min(width - w, c)), max(0, min(height - 1, row)), role: nil, bold: true)
        }
        var out = canvas.lines(colour: renderer.colour)
        if !r.title.isEmpty { out.append(dim("values: " + r.title)) }
        return out
    }
}
