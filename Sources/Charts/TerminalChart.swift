import Stats

/// A chart drawn for a terminal: the title, the legend, the frame with its marks and axes, the
/// caption, all within the renderer's width. Each frame has its own layout (rows, plane, radar,
/// matrix); marks are drawn in order, later ones on top.
struct TerminalChart {
    let chart: Chart
    let renderer: TerminalRenderer

    var width: Int { chart.columns.map { max(40, $0) } ?? renderer.width }
    var numbers: NumberFormat { renderer.numbers }

    func lines() -> [String] {
        var out = TerminalText.wrapped(chart.title, to: width).map { bold($0) }
        out += legendLines()
        switch chart.frame {
        case .rows(let rows, let x): out += rowsBody(rows, x: x)
        case .plane(let x, let y): out += planeBody(x: x, y: y)
        case .radar(let spokes, let r): out += radarBody(spokes: spokes, r: r)
        case .matrix(let rows, let columns, let colours): out += matrixBody(rows: rows, columns: columns, colours: colours)
        }
        out += TerminalText.wrapped(chart.caption, to: width).map { dim($0) }
        return out
    }

    // MARK: Text styles

    func bold(_ text: String) -> String {
        renderer.colour && !text.isEmpty ? "\u{1B}[1m" + text + TerminalStyle.reset : text
    }

    func dim(_ text: String) -> String {
        renderer.colour && !text.isEmpty ? "\u{1B}[2m" + text + TerminalStyle.reset : text
    }

    func styled(_ text: String, _ role: Role) -> String {
        renderer.colour ? TerminalStyle.sequence(role, bold: false) + text + TerminalStyle.reset : text
    }

    // MARK: Legend

    /// The legend's entries, each a sample and its text, flowed into lines of the width.
    func legendLines() -> [String] {
        guard !chart.legend.isEmpty else { return [] }
        var lines = [String](), line = "", lineWidth = 0
        for entry in chart.legend {
            let sample = legendSample(entry)
            let text = " " + entry.text
            let entryWidth = TerminalText.width(sample) + TerminalText.width(text)
            if lineWidth > 0 && lineWidth + 3 + entryWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += "   "
                lineWidth += 3
            }
            if entryWidth > width {
                // A long entry wraps under its sample.
                let wrapped = TerminalText.wrapped(entry.text, to: width - TerminalText.width(sample) - 1)
                line += styled(sample, entry.role) + " " + wrapped[0]
                lines.append(line)
                lines += wrapped.dropFirst().map { String(repeating: " ", count: TerminalText.width(sample) + 1) + $0 }
                line = ""
                lineWidth = 0
                continue
            }
            line += styled(sample, entry.role) + text
            lineWidth += entryWidth
        }
        if lineWidth > 0 { lines.append(line) }
        return lines
    }

    private func legendSample(_ entry: LegendEntry) -> String {
        switch entry.sample {
        case .box: entry.role == .composite ? "▓▓┃▓▓" : "▒▒┃▒▒"
        case .whiskers: "├──┤"
        case .point(let symbol): String(TerminalStyle.character(symbol))
        case .line: entry.role == .reference ? "┄┄" : "──"
        case .bar: String(repeating: TerminalStyle.fill(entry.role), count: 2)
        }
    }

    // MARK: Axes

    /// An axis line under a plot of `plotWidth` columns starting at column `offset`, with `┬` at
    /// the ticks, their labels (left out where they would touch the previous one) and the title.
    func horizontalAxis(_ axis: Axis, offset: Int, plotWidth: Int, corner: Character = "─") -> [String] {
        let columns = axis.ticks.map { Int((axis.fraction($0) * Double(plotWidth - 1)).rounded()) }
        var line = Array(repeating: Character("─"), count: plotWidth)
        for c in columns where c >= 0 && c < plotWidth { line[c] = "┬" }
        var labels = Array(repeating: Character(" "), count: max(offset + plotWidth, width))
        var end = -1
        for (tick, label) in zip(columns, numbers.ticks(axis.ticks)) {
            let w = TerminalText.width(label)
            let start = max(0, min(offset + tick - w / 2, labels.count - w))
            guard start > end + 1 || end < 0 else { continue }
            for (i, character) in label.enumerated() { labels[start + i] = character }
            end = start + w - 1
        }
        var out = [String(repeating: " ", count: max(0, offset - 1)) + String(corner) + String(line)]
        out.append(String(String(labels).reversed().drop { $0 == " " }.reversed()))
        if !axis.title.isEmpty {
            let title = TerminalText.truncated(axis.title, to: plotWidth)
            out.append(String(repeating: " ", count: offset + max(0, (plotWidth - TerminalText.width(title)) / 2)) + title)
        }
        return out
    }

    // MARK: Shared drawing

    /// Fills the cells of a bar from `a` to `b` (in cell units along the bar, 0 = the first
    /// cell's left edge) with eighths at the end, or whole shaded cells for shaded fills.
    /// `put(index, character)` draws one cell.
    static func bar(from a: Double, to b: Double, fill: Character, eighths: [Character], put: (Int, Character) -> Void) {
        let low = min(a, b), high = max(a, b)
        guard high > low else { return }
        let solid = fill == "█"
        for i in Int(low.rounded(.down))...Int(high.rounded(.down)) {
            let left = max(low, Double(i)), right = min(high, Double(i + 1))
            let covered = right - left
            guard covered > 0 else { continue }
            if !solid {
                if covered >= 0.5 { put(i, fill) }
            } else if left == Double(i) {
                let e = Int((covered * 8).rounded())
                if e > 0 { put(i, eighths[e]) }
            } else if covered >= 0.5 {
                put(i, eighths == TerminalStyle.leftEighths ? "▐" : "▀")
            }
        }
    }

    /// Places each text mark next to its point (right, left, above, below) where its cells and
    /// one cell on either side hold no character (a label may cover lines); returns how many
    /// found no place.
    static func placeLabels(_ labels: [(column: Int, row: Int, text: String, role: Role)], on canvas: inout TerminalCanvas) -> Int {
        var left = 0
        for label in labels {
            let w = TerminalText.width(label.text)
            let candidates = [(label.column + 2, label.row), (label.column - w - 1, label.row),
                              (label.column - w / 2, label.row - 1), (label.column - w / 2, label.row + 1)]
            if let spot = candidates.first(where: { spot in
                guard spot.0 >= 0, spot.0 + w <= canvas.width, spot.1 >= 0, spot.1 < canvas.height else { return false }
                let from = max(0, spot.0 - 1), to = min(canvas.width, spot.0 + w + 1)
                return (from..<to).allSatisfy { canvas.hasNoCharacter($0, spot.1) }
            }) {
                canvas.write(label.text, spot.0, spot.1, role: label.role)
            } else {
                left += 1
            }
        }
        return left
    }
}
