import Foundation

/// How roles look in SVG. Colours follow Okabe & Ito's palette for colour-blind readers, and
/// every role also differs in shape, line style or fill pattern, so that a chart printed in
/// black and white still tells its marks apart.
enum SVGStyle {
    static let ink = "#222"
    static let grid = "#e3e3e3"
    static let axis = "#555"

    /// Okabe-Ito colours for series (clusters, first-order and total indices).
    static let seriesColours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7f7f7f"]
    /// Dash patterns for series lines: solid, dashed, dotted, dash-dot, ...
    static let seriesDashes = ["", "7 3", "2 2.5", "9 3 2 3", "4 4", "1.5 4", "12 4"]

    /// The fill and stroke of a filled mark (box, bar, point) of `role`.
    static func fill(_ role: Role, prefix: String) -> (fill: String, stroke: String) {
        switch role {
        case .portfolio: ("#cfe0f1", "#2f5f8f")
        case .composite: ("#7fa9d3", "#1c3c5c")
        case .region: ("#d55e00", "#5c2300")
        case .reference: ("#1a1a1a", "#1a1a1a")
        case .band: ("url(#\(prefix)-band)", "none")
        case .outlier: ("#ffffff", "#3c3c3c")
        case .series(let i):
            switch i % 4 {
            case 0: (seriesColours[i % 7], "#1a1a1a")
            case 1: ("url(#\(prefix)-s\(i % 7))", seriesColours[i % 7])
            case 2: ("url(#\(prefix)-d\(i % 7))", seriesColours[i % 7])
            default: ("url(#\(prefix)-x\(i % 7))", seriesColours[i % 7])
            }
        case .interval: ("#1a1a1a", "#1a1a1a")
        case .guide: ("#bdbdbd", "#9a9a9a")
        }
    }

    /// The fill of a point of `role` (series points are solid in their colour).
    static func pointFill(_ role: Role, prefix: String) -> (fill: String, stroke: String) {
        switch role {
        case .series(let i): return (seriesColours[i % 7], "#1a1a1a")
        case .portfolio: return ("#2f5f8f", "#12324f")
        default: return fill(role, prefix: prefix)
        }
    }

    /// The stroke of a line of `role`: colour, width, dash pattern.
    static func line(_ role: Role) -> (stroke: String, width: Double, dash: String) {
        switch role {
        case .portfolio: ("#2f5f8f", 1.6, "")
        case .composite: ("#1c3c5c", 2, "")
        case .region: ("#d55e00", 2.6, "")
        case .reference: ("#1a1a1a", 1.6, "5 3")
        case .band: ("#7f7f7f", 1, "")
        case .outlier: ("#3c3c3c", 1, "")
        case .series(let i): (seriesColours[i % 7], 1.8, seriesDashes[i % 7])
        case .interval: ("#1a1a1a", 1.3, "")
        case .guide: ("#9a9a9a", 1, "")
        }
    }

    /// The patterns the fills refer to, with ids under `prefix`: the band's light hatching, and
    /// per series hatching (s), dots (d) and cross-hatching (x) in the series' colour.
    static func definitions(prefix: String) -> String {
        var out = "<defs>\n"
        out += "<pattern id=\"\(prefix)-band\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#e6edf5\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9fb3c8\" stroke-width=\"1.5\"/></pattern>\n"
        for (i, colour) in seriesColours.enumerated() {
            out += "<pattern id=\"\(prefix)-s\(i)\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"5\" height=\"5\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"\(colour)\" stroke-width=\"2.2\"/></pattern>\n"
            out += "<pattern id=\"\(prefix)-d\(i)\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
                + "<rect width=\"5\" height=\"5\" fill=\"#ffffff\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.4\" fill=\"\(colour)\"/></pattern>\n"
            out += "<pattern id=\"\(prefix)-x\(i)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><path d=\"M0,0L6,6M6,0L0,6\" stroke=\"\(colour)\" stroke-width=\"1.2\"/></pattern>\n"
        }
        out += "<pattern id=\"\(prefix)-negative\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#000000\" stroke-opacity=\"0.35\" stroke-width=\"1\"/></pattern>\n"
        return out + "</defs>\n"
    }

    /// The colour of a matrix cell: on a diverging scale from blue (below the centre) through
    /// white to red (ColorBrewer RdBu), on a sequential one from white to dark blue (Blues);
    /// lightness falls with the size of the value, so grey prints keep the order.
    static func colour(_ value: Double, on scale: ColourScale) -> String {
        guard !value.isNaN else { return "#f7f7f7" }
        let p = scale.position(value)
        let stops: [(Double, (Double, Double, Double))]
        switch scale {
        case .diverging:
            stops = [(-1, (5, 48, 97)), (-0.5, (67, 147, 195)), (0, (247, 247, 247)), (0.5, (214, 96, 77)), (1, (103, 0, 31))]
        case .sequential:
            stops = [(0, (247, 251, 255)), (0.5, (107, 174, 214)), (1, (8, 48, 107))]
        }
        var lower = stops[0], upper = stops[stops.count - 1]
        for (a, b) in zip(stops, stops.dropFirst()) where p >= a.0 && p <= b.0 {
            lower = a
            upper = b
            break
        }
        let t = upper.0 > lower.0 ? (p - lower.0) / (upper.0 - lower.0) : 0
        func channel(_ a: Double, _ b: Double) -> String {
            let v = Int((a + (b - a) * t).rounded())
            let hex = String(v, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(lower.1.0, upper.1.0) + channel(lower.1.1, upper.1.1) + channel(lower.1.2, upper.1.2)
    }

    /// Whether text on a cell of this colour should be white.
    static func needsLightText(_ value: Double, on scale: ColourScale) -> Bool {
        abs(scale.position(value)) > 0.6
    }

    /// Draws a point's symbol centred at (x, y) with radius `r`.
    static func symbol(_ symbol: Symbol, role: Role, x: Double, y: Double, r: Double, prefix: String, title: String?,
                       into document: inout SVGDocument) {
        let (fill, stroke) = pointFill(role, prefix: prefix)
        let n = SVGDocument.number
        switch symbol {
        case .circle:
            document.element("circle", ["cx": .number(x), "cy": .number(y), "r": .number(r), "fill": .text(fill),
                                        "stroke": .text(stroke), "stroke-width": .number(1)], title: title)
        case .openCircle:
            document.element("circle", ["cx": .number(x), "cy": .number(y), "r": .number(r), "fill": .text("#ffffff"),
                                        "stroke": .text(stroke == "none" ? "#3c3c3c" : stroke), "stroke-width": .number(1.4)], title: title)
        case .square:
            document.element("rect", ["x": .number(x - r * 0.85), "y": .number(y - r * 0.85), "width": .number(r * 1.7),
                                      "height": .number(r * 1.7), "fill": .text(fill), "stroke": .text(stroke), "stroke-width": .number(1)],
                             title: title)
        case .diamond:
            let s = r * 1.3
            document.element("path", ["d": .text("M\(n(x)),\(n(y - s))L\(n(x + s)),\(n(y))L\(n(x)),\(n(y + s))L\(n(x - s)),\(n(y))Z"),
                                      "fill": .text(fill), "stroke": .text(stroke), "stroke-width": .number(1.2)], title: title)
        case .triangle:
            let s = r * 1.25
            document.element("path", ["d": .text("M\(n(x)),\(n(y - s))L\(n(x + s * 0.95)),\(n(y + s * 0.7))L\(n(x - s * 0.95)),\(n(y + s * 0.7))Z"),
                                      "fill": .text(fill), "stroke": .text(stroke), "stroke-width": .number(1)], title: title)
        case .cross:
            let s = r * 0.95
            document.element("path", ["d": .text("M\(n(x - s)),\(n(y - s))L\(n(x + s)),\(n(y + s))M\(n(x - s)),\(n(y + s))L\(n(x + s)),\(n(y - s))"),
                                      "stroke": .text(fill.hasPrefix("url") ? stroke : fill), "stroke-width": .number(1.9), "fill": .text("none")],
                             title: title)
        case .star:
            let points = (0..<10).map { i -> String in
                let radius = i % 2 == 0 ? r * 1.35 : r * 0.6
                let angle = -Double.pi / 2 + Double(i) * Double.pi / 5
                return "\(n(x + radius * cos(angle))),\(n(y + radius * sin(angle)))"
            }
            document.element("path", ["d": .text("M" + points.joined(separator: "L") + "Z"), "fill": .text(fill),
                                      "stroke": .text(stroke), "stroke-width": .number(1)], title: title)
        case .tick:
            document.element("path", ["d": .text("M\(n(x)),\(n(y - r * 1.7))L\(n(x)),\(n(y + r * 1.7))"),
                                      "stroke": .text(role == .reference ? "#1a1a1a" : stroke),
                                      "stroke-width": .number(3), "fill": .text("none")], title: title)
        }
    }
}
