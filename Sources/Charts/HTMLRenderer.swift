import Foundation
import Stats

/// Writes blocks as HTML: tables as `<table>` under their title (a `<figure>` caption) and numbers
/// right-aligned with the column's decimals, fields as a two-column table, charts as inline SVG
/// in a `<figure>` with the caption under it, text preformatted. Every string is escaped. `page`
/// wraps a body into one self-contained document: inline CSS, no script, no network, readable
/// printed on A4.
public struct HTMLRenderer: Sendable {
    public var numbers: NumberFormat
    /// The width of charts in CSS pixels (they shrink to the page when it is narrower).
    public var chartWidth: Double
    /// Turns Markdown prose into HTML (a notebook gives a Markdown library's); by default the
    /// text is shown escaped, as it is.
    public var prose: @Sendable (String) -> String

    public init(numbers: NumberFormat = .standard, chartWidth: Double = 720,
                prose: @escaping @Sendable (String) -> String = { "<pre class=\"st-text\">" + HTMLRenderer.escaped($0) + "</pre>\n" }) {
        self.numbers = numbers
        self.chartWidth = chartWidth
        self.prose = prose
    }

    public func render(_ block: Block) -> String {
        switch block {
        case .text(let text):
            // Blank lines that space blocks in a terminal are margins here.
            text.allSatisfy(\.isWhitespace) ? "" : "<pre class=\"st-text\">" + Self.escaped(text.trimmingCharacters(in: .newlines)) + "</pre>\n"
        case .markdown(let text): "<div class=\"st-prose\">\n" + prose(text) + "</div>\n"
        case .table(let table): render(table)
        case .fields(let fields): render(fields)
        case .chart(let chart):
            "<figure class=\"st-chart\">\n" + SVGRenderer(width: chartWidth, numbers: numbers, standalone: false).render(chart)
                + "<figcaption>" + Self.escaped(chart.caption) + "</figcaption>\n</figure>\n"
        case .stack(let blocks): blocks.map(render).joined()
        }
    }

    func render(_ table: DataTable) -> String {
        var out = "<table class=\"st-table\">\n"
        let texts = table.columns.map { $0.texts(numbers) }
        let numeric = table.columns.map(\.isNumeric)
        if table.showsHeader {
            out += "<thead><tr>" + table.columns.indices.map { j in
                "<th scope=\"col\"" + (numeric[j] ? " class=\"num\"" : "") + ">" + Self.escaped(table.columns[j].name) + "</th>"
            }.joined() + "</tr></thead>\n"
        }
        out += "<tbody>\n"
        for row in 0..<table.rowCount {
            out += "<tr>" + table.columns.indices.map { j in
                (numeric[j] ? "<td class=\"num\">" : "<td>") + Self.escaped(texts[j][row]) + "</td>"
            }.joined() + "</tr>\n"
        }
        return titled(table.title, out + "</tbody>\n</table>\n")
    }

    /// A table under its title: a figure whose caption is the title, so that a long title
    /// wraps at the page's width, not the table's.
    private func titled(_ title: String?, _ table: String) -> String {
        guard let title else { return table }
        return "<figure class=\"st-titled\">\n<figcaption>" + Self.escaped(title) + "</figcaption>\n" + table + "</figure>\n"
    }

    func render(_ list: FieldList) -> String {
        var out = "<table class=\"st-fields\">\n"
        for (name, value) in list.fields {
            out += "<tr><th scope=\"row\">" + Self.escaped(name) + "</th><td>"
            switch value {
            case .text(let text): out += Self.escaped(text)
            case .nested(let inner): out += "\n" + render(inner)
            }
            out += "</td></tr>\n"
        }
        return titled(list.title, out + "</table>\n")
    }

    /// Text for HTML content and attribute values: `&`, `<`, `>` and quotes escaped, control
    /// characters (which HTML forbids) replaced by U+FFFD.
    public static func escaped(_ text: String) -> String { SVGDocument.escaped(text) }

    /// One self-contained HTML document around `body`: the title, inline CSS for screen and for
    /// A4 print (no table row, figure or chart split across pages), nothing loaded from elsewhere.
    /// `style` adds rules after the toolkit's own.
    public func page(title: String, body: String, language: String = "en", style: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(Self.escaped(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escaped(title))</title>
        <style>
        \(Self.css)\(style.isEmpty ? "" : "\n" + style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let css = """
        :root { color: #222; background: #fff; }
        body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 14px; line-height: 1.45; max-width: 780px; margin: 24px auto; padding: 0 16px; }
        h1, h2, h3 { line-height: 1.2; break-after: avoid; }
        pre.st-text { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; white-space: pre-wrap; background: #f6f7f9; border-left: 3px solid #c9d2dc; padding: 6px 10px; margin: 8px 0; }
        table { border-collapse: collapse; margin: 10px 0; font-size: 12.5px; break-inside: auto; }
        figure.st-titled { margin: 10px 0; }
        figure.st-titled > figcaption { font-size: 12px; color: #444; margin: 0 0 4px; break-after: avoid; }
        figure.st-titled > table { margin-top: 0; }
        th, td { padding: 2px 8px; border-bottom: 1px solid #e1e4e8; text-align: left; vertical-align: top; }
        thead th { border-bottom: 1.5px solid #888; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.st-fields th { font-weight: normal; color: #444; }
        tr { break-inside: avoid; }
        thead { display: table-header-group; }
        figure.st-chart { margin: 12px 0; break-inside: avoid; }
        figure.st-chart svg { max-width: 100%; height: auto; }
        figcaption { font-size: 11.5px; color: #444; margin-top: 2px; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } pre.st-text { background: none; } a { color: inherit; } }
        """
}
