import Stats

/// Draws blocks as text for a terminal: tables with aligned columns (text left, numbers right,
/// the title above), fields under their title, charts in Unicode box-drawing, block and braille
/// characters fitted to `width` columns. Colour (ANSI escapes) only when `colour` is true; every
/// chart reads without it, since shapes, not colours, tell its marks apart.
public struct TerminalRenderer: Sendable {
    /// Columns available; charts fit into them (tables and text are not cut).
    public var width: Int
    public var colour: Bool
    public var numbers: NumberFormat

    public init(width: Int = 80, colour: Bool = false, numbers: NumberFormat = .standard) {
        self.width = max(40, width)
        self.colour = colour
        self.numbers = numbers
    }

    public func render(_ block: Block) -> String {
        switch block {
        case .text(let text): text
        case .table(let table): render(table)
        case .fields(let fields): render(fields, indent: "")
        case .chart(let chart): TerminalChart(chart: chart, renderer: self).lines().joined(separator: "\n")
        case .stack(let blocks): blocks.map(render).joined(separator: "\n")
        }
    }

    /// Columns separated by two spaces, numbers right-aligned with the column's decimals, the
    /// title above, trailing spaces removed.
    public func render(_ table: DataTable) -> String {
        let texts = table.columns.map { $0.texts(numbers) }
        let numeric = table.columns.map(\.isNumeric)
        let widths = table.columns.indices.map { j in
            max(table.showsHeader ? TerminalText.width(table.columns[j].name) : 0, texts[j].map(TerminalText.width).max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            var text = cells.indices.map { j in TerminalText.padded(cells[j], to: widths[j], right: numeric[j]) }
                .joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [String]()
        if let title = table.title { lines.append(title) }
        if table.showsHeader { lines.append(line(table.columns.map(\.name))) }
        for row in 0..<table.rowCount { lines.append(line(texts.map { $0[row] })) }
        return lines.joined(separator: "\n")
    }

    /// Name-value lines with the values aligned, nested lists indented under their name.
    func render(_ list: FieldList, indent: String) -> String {
        var lines = [String]()
        if let title = list.title { lines.append(indent + title) }
        let nameWidth = list.fields.map { TerminalText.width($0.name) }.max() ?? 0
        let fieldIndent = list.title == nil ? indent : indent + "  "
        for (name, value) in list.fields {
            switch value {
            case .nested(let inner):
                lines.append(fieldIndent + name)
                lines.append(render(inner, indent: fieldIndent + "  "))
            case .text(let text):
                lines.append(fieldIndent + TerminalText.padded(name, to: nameWidth) + "  " + text)
            }
        }
        return lines.joined(separator: "\n")
    }
}
