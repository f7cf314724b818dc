import Stats

/// Draws blocks as text for a terminal: tables with aligned columns (text left, numbers right,
/// the title above), fields under their title, charts in Unicode box-drawing, block and braille
/// characters fitted to `width` columns. Colour (ANSI escapes) only when `colour` is true; every
/// chart reads without it, since shapes, not colours, tell its marks apart.
///
/// With `maxLines` set (a REPL on a terminal), what would not fit the screen is left out, with a
/// note that says what, as numpy and R do: a table keeps its first and last rows and the columns
/// that fit the width; any other block its first and last lines.
public struct TerminalRenderer: Sendable {
    /// Columns available; charts fit into them (tables and text are cut only under `maxLines`).
    public var width: Int
    public var colour: Bool
    public var numbers: NumberFormat
    /// Lines available; nil: everything is shown.
    public var maxLines: Int?
    /// Appended to the note of what was left out, e.g. how to see it all.
    public var omissionHint: String

    public init(width: Int = 80, colour: Bool = false, numbers: NumberFormat = .standard, maxLines: Int? = nil,
                omissionHint: String = "") {
        self.width = max(40, width)
        self.colour = colour
        self.numbers = numbers
        self.maxLines = maxLines.map { max(8, $0) }
        self.omissionHint = omissionHint
    }

    public func render(_ block: Block) -> String {
        switch block {
        case .text(let text), .markdown(let text): cut(text)
        case .table(let table): render(table)
        case .fields(let fields): cut(render(fields, indent: ""))
        case .chart(let chart): TerminalChart(chart: chart, renderer: self).lines().joined(separator: "\n")
        case .stack(let blocks): cut(blocks.map(TerminalRenderer(width: width, colour: colour, numbers: numbers).render).joined(separator: "\n"))
        }
    }

    /// The note under what was cut: "… 180 rows not shown".
    private func note(_ text: String) -> String {
        "… " + text + (omissionHint.isEmpty ? "" : "; " + omissionHint)
    }

    /// Text of more than `maxLines` lines as its first and last lines with a note between.
    private func cut(_ text: String) -> String {
        guard let maxLines else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > maxLines else { return text }
        let kept = maxLines - 1, head = (kept + 1) / 2, tail = kept - head
        return (lines.prefix(head) + [Substring(note("\(lines.count - kept) of \(lines.count) lines not shown"))] + lines.suffix(tail))
            .joined(separator: "\n")
    }

    /// Columns separated by two spaces, numbers right-aligned with the column's decimals, the
    /// title above, trailing spaces removed.
    public func render(_ table: DataTable) -> String {
        let allTexts = table.columns.map { $0.texts(numbers) }
        let allWidths = table.columns.indices.map { j in
            max(table.showsHeader ? TerminalText.width(table.columns[j].name) : 0, allTexts[j].map(TerminalText.width).max() ?? 0)
        }
        // Under a line limit: the columns that fit the width (at least one) and the first and last rows.
        var shownColumns = table.columns.count
        var rows = Array(0..<table.rowCount)
        var notes = [String]()
        if let maxLines {
            var used = 0
            shownColumns = 0
            for w in allWidths where shownColumns == 0 || used + 2 + w <= width {
                used += (shownColumns == 0 ? 0 : 2) + w
                shownColumns += 1
            }
            let available = maxLines - (table.title == nil ? 0 : 1) - (table.showsHeader ? 1 : 0) - 2
            if rows.count > available {
                let head = (available + 1) / 2, tail = available - 1 - head
                notes.append("\(rows.count - head - tail) of \(rows.count) rows not shown")
                rows = Array(rows.prefix(head)) + [-1] + Array(rows.suffix(tail))
            }
            if shownColumns < table.columns.count {
                let hidden = table.columns[shownColumns...].map(\.name)
                notes.append("\(hidden.count) more column\(hidden.count == 1 ? "" : "s"): "
                             + (hidden.count <= 8 ? hidden.joined(separator: ", ") : hidden.prefix(8).joined(separator: ", ") + ", …"))
            }
        }
        let texts = Array(allTexts.prefix(shownColumns)), widths = Array(allWidths.prefix(shownColumns))
        let numeric = table.columns.prefix(shownColumns).map(\.isNumeric)
        func line(_ cells: [String]) -> String {
            var text = cells.indices.map { j in TerminalText.padded(cells[j], to: widths[j], right: numeric[j]) }
                .joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var lines = [String]()
        if let title = table.title { lines.append(title) }
        if table.showsHeader { lines.append(line(table.columns.prefix(shownColumns).map(\.name))) }
        for row in rows { lines.append(row < 0 ? line(widths.map { _ in "⋮" }) : line(texts.map { $0[row] })) }
        if !notes.isEmpty { lines.append(note(notes.joined(separator: "; "))) }
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
