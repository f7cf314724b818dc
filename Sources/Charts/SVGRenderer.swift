import Stats

/// Draws a chart as SVG: a standalone, valid XML document (`role="img"` with `<title>` and
/// `<desc>`), or a fragment to inline in HTML. Text is laid out with measured widths
/// (`TextMetrics`) so labels neither overlap nor leave the canvas; every mark that stands for
/// data carries a `<title>` with its label and values (shown on hover, read by screen readers);
/// every string from the data is escaped; marks differ in shape, line style and fill pattern as
/// well as colour, so the chart reads printed in black and white.
public struct SVGRenderer: Sendable {
    /// The width in pixels; the height follows from the content.
    public var width: Double
    public var numbers: NumberFormat
    /// A file of its own: the XML declaration, and the caption written under the chart. Inline
    /// in HTML the page writes the caption (a `<figcaption>`).
    public var standalone: Bool

    public init(width: Double = 720, numbers: NumberFormat = .standard, standalone: Bool = true) {
        self.width = max(320, width)
        self.numbers = numbers
        self.standalone = standalone
    }

    public func render(_ chart: Chart) -> String {
        SVGChart(chart: chart, renderer: self).document()
    }
}

/// One chart being drawn: the common parts (title, legend, caption, axes) here, each frame's
/// layout in an extension.
struct SVGChart {
    let chart: Chart
    let renderer: SVGRenderer

    let margin = 16.0
    var width: Double { renderer.width }
    var numbers: NumberFormat { renderer.numbers }

    /// Ids in this SVG start with a prefix derived from its content, so that several charts
    /// inlined in one page do not share ids (identical charts share identical definitions).
    var prefix: String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in (chart.kind.rawValue + chart.title + chart.caption + String(chart.marks.count)).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return "st" + String(hash % 0xFFFFFF, radix: 16)
    }

    func document() -> String {
        var body = SVGDocument()
        var y = margin
        for line in TextMetrics.wrapped(chart.title, to: width - 2 * margin, size: 15, bold: true) {
            y += 18
            body.label(line, x: margin, y: y, size: 15, bold: true)
        }
        y += 8
        y = legend(&body, top: y)
        switch chart.frame {
        case .rows(let rows, let x): y = rowsFrame(&body, rows: rows, x: x, top: y)
        case .plane(let x, let axisY): y = planeFrame(&body, x: x, y: axisY, top: y)
        case .radar(let spokes, let r): y = radarFrame(&body, spokes: spokes, r: r, top: y)
        case .matrix(let rows, let columns, let colours): y = matrixFrame(&body, rows: rows, columns: columns, colours: colours, top: y)
        }
        if renderer.standalone {
            y += 6
            for line in TextMetrics.wrapped(chart.caption, to: width - 2 * margin, size: 11) {
                y += 14
                body.label(line, x: margin, y: y, size: 11, colour: "#444")
            }
        }
        let height = (y + margin).rounded(.up)
        let w = SVGDocument.number(width), h = SVGDocument.number(height)
        var out = renderer.standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
            + "role=\"img\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\" "
            + "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" fill=\"\(SVGStyle.ink)\">\n"
        out += "<title id=\"\(prefix)-title\">\(SVGDocument.escaped(chart.title))</title>\n"
        out += "<desc id=\"\(prefix)-desc\">\(SVGDocument.escaped(chart.caption))</desc>\n"
        out += SVGStyle.definitions(prefix: prefix)
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        return out + body.text + "</svg>\n"
    }

    // MARK: Legend

    /// The legend's entries in a row, wrapped to the width; returns the y below it.
    func legend(_ body: inout SVGDocument, top: Double) -> Double {
        guard !chart.legend.isEmpty else { return top }
        var x = margin, y = top + 10
        let size = 12.0
        for entry in chart.legend {
            let textWidth = TextMetrics.width(entry.text, size: size)
            let available = width - 2 * margin - 30
            let lines = textWidth > available ? TextMetrics.wrapped(entry.text, to: available, size: size) : [entry.text]
            let entryWidth = 30 + min(textWidth, available)
            if x > margin && x + entryWidth > width - margin {
                x = margin
                y += 20
            }
            body.group(["aria-hidden": .text("true")]) { doc in
                legendSample(entry, x: x, y: y, into: &doc)
            }
            for (i, line) in lines.enumerated() {
                body.label(line, x: x + 28, y: y + 4 + Double(i) * 15, size: size)
            }
            y += Double(lines.count - 1) * 15
            x += entryWidth + 18
        }
        return y + 16
    }

    private func legendSample(_ entry: LegendEntry, x: Double, y: Double, into doc: inout SVGDocument) {
        let role = entry.role
        switch entry.sample {
        case .box:
            let (fill, stroke) = SVGStyle.fill(role, prefix: prefix)
            doc.element("rect", ["x": .number(x + 2), "y": .number(y - 5), "width": .number(18), "height": .number(10),
                                 "fill": .text(fill), "stroke": .text(stroke)])
            doc.element("line", ["x1": .number(x + 10), "y1": .number(y - 5), "x2": .number(x + 10), "y2": .number(y + 5),
                                 "stroke": .text(stroke), "stroke-width": .number(2.5)])
        case .whiskers:
            let (_, stroke) = SVGStyle.fill(role, prefix: prefix)
            doc.element("path", ["d": .text("M\(n(x)),\(n(y))L\(n(x + 22)),\(n(y))M\(n(x)),\(n(y - 4))L\(n(x)),\(n(y + 4))M\(n(x + 22)),\(n(y - 4))L\(n(x + 22)),\(n(y + 4))"),
                                 "stroke": .text(stroke), "stroke-width": .number(1.3), "fill": .text("none")])
        case .point(let symbol):
            SVGStyle.symbol(symbol, role: role, x: x + 11, y: y, r: role == .region ? 5.5 : 4.5, prefix: prefix, title: nil, into: &doc)
        case .line:
            let (stroke, lineWidth, dash) = SVGStyle.line(role)
            doc.element("line", ["x1": .number(x), "y1": .number(y), "x2": .number(x + 22), "y2": .number(y),
                                 "stroke": .text(stroke), "stroke-width": .number(lineWidth), "stroke-dasharray": .text(dash.isEmpty ? "none" : dash)])
        case .bar:
            let (fill, stroke) = SVGStyle.fill(role, prefix: prefix)
            doc.element("rect", ["x": .number(x + 1), "y": .number(y - 6), "width": .number(20), "height": .number(12),
                                 "fill": .text(fill), "stroke": .text(stroke == "none" ? "#7f7f7f" : stroke), "stroke-width": .number(0.8)])
        }
    }

    // MARK: Axes

    /// A horizontal axis at `y` from `left` to `right`: the line, ticks, their labels (left out
    /// where they would touch the previous one) and the title; returns the y below it.
    func horizontalAxis(_ body: inout SVGDocument, _ axis: Axis, left: Double, right: Double, y: Double) -> Double {
        body.element("line", ["x1": .number(left), "y1": .number(y), "x2": .number(right), "y2": .number(y),
                              "stroke": .text(SVGStyle.axis), "stroke-width": .number(1)])
        var lastEnd = -Double.infinity
        for (tick, label) in zip(axis.ticks, numbers.ticks(axis.ticks)) {
            let x = left + axis.fraction(tick) * (right - left)
            body.element("line", ["x1": .number(x), "y1": .number(y), "x2": .number(x), "y2": .number(y + 4),
                                  "stroke": .text(SVGStyle.axis), "stroke-width": .number(1)])
            let w = TextMetrics.width(label, size: 11)
            let start = min(max(x - w / 2, margin), width - margin - w)
            guard start > lastEnd + 4 else { continue }
            body.label(label, x: start + w / 2, y: y + 16, size: 11, anchor: "middle")
            lastEnd = start + w
        }
        guard !axis.title.isEmpty else { return y + 22 }
        let title = TextMetrics.truncated(axis.title, to: width - 2 * margin, size: 11.5)
        let w = TextMetrics.width(title, size: 11.5)
        let centre = min(max((left + right) / 2, margin + w / 2), width - margin - w / 2)
        body.label(title, x: centre, y: y + 32, size: 11.5, anchor: "middle", colour: "#333")
        return y + 38
    }

    /// Vertical grid lines at the ticks from `top` to `bottom`.
    func verticalGrid(_ body: inout SVGDocument, _ axis: Axis, left: Double, right: Double, top: Double, bottom: Double) {
        for tick in axis.ticks {
            let x = left + axis.fraction(tick) * (right - left)
            body.element("line", ["x1": .number(x), "y1": .number(top), "x2": .number(x), "y2": .number(bottom),
                                  "stroke": .text(SVGStyle.grid), "stroke-width": .number(1)])
        }
    }

    // MARK: Marks

    func tooltip(_ mark: Mark) -> String? { mark.description(numbers) }

    /// A box: whiskers with caps, the box from Q1 to Q3, the median as a heavy line.
    func box(_ body: inout SVGDocument, _ mark: Mark, box: BoxplotStatistics, y: Double, x: (Double) -> Double) {
        guard box.count > 0 else { return }
        let (fill, stroke) = SVGStyle.fill(mark.role, prefix: prefix)
        let half = mark.role == .composite ? 6.5 : 5.5
        let low = x(box.lowerWhisker), q1 = x(box.q1), median = x(box.median), q3 = x(box.q3), high = x(box.upperWhisker)
        body.group(["class": .text("box")], title: tooltip(mark)) { doc in
            doc.element("path", ["d": .text("M\(n(low)),\(n(y))L\(n(q1)),\(n(y))M\(n(q3)),\(n(y))L\(n(high)),\(n(y))"
                                          + "M\(n(low)),\(n(y - 3.5))L\(n(low)),\(n(y + 3.5))M\(n(high)),\(n(y - 3.5))L\(n(high)),\(n(y + 3.5))"),
                                 "stroke": .text(stroke), "stroke-width": .number(1.3), "fill": .text("none")])
            doc.element("rect", ["x": .number(q1), "y": .number(y - half), "width": .number(max(0.5, q3 - q1)), "height": .number(2 * half),
                                 "fill": .text(fill), "stroke": .text(stroke), "stroke-width": .number(1.2)])
            doc.element("line", ["x1": .number(median), "y1": .number(y - half), "x2": .number(median), "y2": .number(y + half),
                                 "stroke": .text("#111"), "stroke-width": .number(2.6)])
        }
    }

    /// A line or polyline in pixels with the stroke of `role`.
    func polyline(_ body: inout SVGDocument, _ points: [(Double, Double)], closed: Bool, role: Role, fill: String = "none",
                  fillOpacity: Double? = nil, title: String?) {
        guard let first = points.first else { return }
        let (stroke, lineWidth, dash) = SVGStyle.line(role)
        let d = "M\(n(first.0)),\(n(first.1))" + points.dropFirst().map { "L\(n($0.0)),\(n($0.1))" }.joined() + (closed ? "Z" : "")
        if let fillOpacity {
            body.element("path", ["d": .text(d), "fill": .text(fill), "fill-opacity": .number(fillOpacity), "stroke": .text(stroke),
                                  "stroke-width": .number(lineWidth), "stroke-dasharray": .text(dash.isEmpty ? "none" : dash),
                                  "stroke-linejoin": .text("round")], title: title)
        } else {
            body.element("path", ["d": .text(d), "fill": .text(fill), "stroke": .text(stroke), "stroke-width": .number(lineWidth),
                                  "stroke-dasharray": .text(dash.isEmpty ? "none" : dash), "stroke-linejoin": .text("round")], title: title)
        }
    }

    /// A filled rectangle of `role` between two corners in pixels.
    func rectangle(_ body: inout SVGDocument, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, role: Role, title: String?) {
        let (fill, stroke) = SVGStyle.fill(role, prefix: prefix)
        body.element("rect", ["x": .number(min(x1, x2)), "y": .number(min(y1, y2)), "width": .number(max(0.5, abs(x2 - x1))),
                              "height": .number(max(0.5, abs(y2 - y1))), "fill": .text(fill),
                              "stroke": .text(stroke), "stroke-width": .number(stroke == "none" ? 0 : 0.9)], title: title)
    }

    /// Places text labels beside their points where they overlap nothing already there (the
    /// points and earlier labels), trying right, left, above and below; returns how many found
    /// no place.
    func placeLabels(_ body: inout SVGDocument, _ labels: [(x: Double, y: Double, text: String)], occupied points: [(Double, Double)],
                     bounds: (left: Double, top: Double, right: Double, bottom: Double)) -> Int {
        let size = 10.5
        var boxes = points.map { (x: $0.0 - 4.5, y: $0.1 - 4.5, w: 9.0, h: 9.0) }
        var left = 0
        for label in labels {
            let w = TextMetrics.width(label.text, size: size), h = size
            let candidates = [(label.x + 7, label.y + h / 2 - 1.5), (label.x - 7 - w, label.y + h / 2 - 1.5),
                              (label.x - w / 2, label.y - 7), (label.x - w / 2, label.y + 7 + h)]
            let fit = candidates.first { x, baseline in
                let box = (x: x - 1, y: baseline - h, w: w + 2, h: h + 2)
                guard box.x >= bounds.left, box.x + box.w <= bounds.right, box.y >= bounds.top, box.y + box.h <= bounds.bottom else { return false }
                return !boxes.contains { b in box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h }
            }
            if let (x, baseline) = fit {
                boxes.append((x - 1, baseline - h, w + 2, h + 2))
                body.label(label.text, x: x, y: baseline, size: size, colour: "#333")
            } else {
                left += 1
            }
        }
        return left
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
}
