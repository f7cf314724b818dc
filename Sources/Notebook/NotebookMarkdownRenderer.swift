import Charts
import Foundation
import Stats
import Script

/// A notebook run as Markdown with its outputs (`render --format md`), for a repository's
/// README: the prose with inline values (escaped for Markdown), each cell's code in a
/// ` ```stresstest ` block, text outputs in code blocks, tables as pipe tables, Markdown values
/// as they are, and each chart as an SVG file beside the page, linked as an image. An HTML
/// comment before each cell carries its id and fingerprint for `check`.
public struct NotebookMarkdownRenderer: Sendable {
    public var settings: RenderSettings
    /// The folder, relative to the page, that chart files go to (`NB_files`).
    public var assetFolder: String

    public init(settings: RenderSettings, assetFolder: String) {
        self.settings = settings
        self.assetFolder = assetFolder
    }

    /// The page and the files it links to (path relative to the page, content).
    public func render(_ run: NotebookRun) -> (page: String, files: [(path: String, content: String)]) {
        var out = "# " + Self.escaped(run.title) + "\n\n"
        if let subtitle = run.subtitle { out += "**" + Self.escaped(subtitle) + "**\n\n" }
        let numbers = run.language.numbers
        let byline = [run.notebook.frontMatter.author, run.shownDate(settings)].compactMap { $0 }
        if !byline.isEmpty { out += "*" + Self.escaped(byline.joined(separator: " · ")) + "*\n\n" }
        var files = [(path: String, content: String)]()
        var cellIndex = 0
        for (index, part) in run.notebook.parts.enumerated() {
            switch part {
            case .prose:
                var text = ""
                for segment in run.templates[index]!.segments {
                    switch segment {
                    case .text(let t): text += t
                    case .expression(let i): text += Self.escaped(run.inlineText(i))
                    }
                }
                let trimmed = text.trimmingCharacters(in: .newlines)
                if !trimmed.isEmpty { out += trimmed + "\n\n" }
            case .cell:
                let result = run.results[cellIndex]
                cellIndex += 1
                let cell = result.cell
                out += "<!-- stresstest:cell \(cell.id) sha256=\(result.fingerprint) -->\n"
                if settings.showsCode(of: cell) {
                    out += Self.fenced(cell.code, language: "stresstest")
                }
                if cell.options.output {
                    for (n, output) in result.outputs.enumerated() {
                        out += markdown(output.presentation, name: "\(cell.id)-\(n + 1)", numbers: numbers, files: &files)
                    }
                }
                if let error = result.error { out += Self.fenced(error, language: "text") }
                if let skipped = result.skipped { out += "*" + Self.escaped(skipped) + "*\n\n" }
                if let caption = cell.options.caption { out += "*" + Self.escaped(caption) + "*\n\n" }
            }
        }
        let (summary, data) = run.reproduction(settings)
        out += "---\n\n" + Self.escaped(summary) + "\n"
        if !data.isEmpty { out += "\n" + data.map { "- `\($0.path)` `\($0.sha256)`" }.joined(separator: "\n") + "\n" }
        return (out, files)
    }

    private func markdown(_ block: Block, name: String, numbers: NumberFormat, files: inout [(path: String, content: String)]) -> String {
        switch block {
        case .text(let text): return Self.fenced(text, language: "text")
        case .markdown(let text): return Self.disarmed(text) + "\n\n"
        case .table(let table): return Self.table(table, numbers: numbers)
        case .fields(let fields):
            let rows = fields.fields.map { field -> [String] in
                switch field.value {
                case .text(let text): [field.name, text]
                case .nested(let inner): [field.name, inner.fields.map { "\($0.name): \(Self.flat($0.value))" }.joined(separator: "; ")]
                }
            }
            return (fields.title.map { "*" + Self.escaped($0) + "*\n\n" } ?? "") + Self.pipeTable(header: ["", ""], rows: rows, numeric: [false, false])
        case .chart(let chart):
            let path = "\(assetFolder)/\(name).svg"
            files.append((path, SVGRenderer(numbers: numbers).render(chart)))
            return "![" + Self.escaped(chart.title) + "](" + path.replacingOccurrences(of: " ", with: "%20") + ")\n\n*" + Self.escaped(chart.caption) + "*\n\n"
        case .stack(let blocks):
            return blocks.enumerated().map { markdown($1, name: "\(name)-\($0 + 1)", numbers: numbers, files: &files) }.joined()
        }
    }

    private static func flat(_ value: FieldList.Value) -> String {
        switch value {
        case .text(let text): text
        case .nested(let inner): inner.fields.map { "\($0.name): \(flat($0.value))" }.joined(separator: "; ")
        }
    }

    private static func table(_ table: DataTable, numbers: NumberFormat) -> String {
        let texts = table.columns.map { $0.texts(numbers) }
        let rows = (0..<table.rowCount).map { row in texts.map { $0[row] } }
        return (table.title.map { "*" + escaped($0) + "*\n\n" } ?? "")
            + pipeTable(header: table.columns.map(\.name), rows: rows, numeric: table.columns.map(\.isNumeric))
    }

    private static func pipeTable(header: [String], rows: [[String]], numeric: [Bool]) -> String {
        func cell(_ s: String) -> String { escaped(s).replacingOccurrences(of: "\n", with: " ") }
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    /// A code block whose fence is longer than any run of backticks inside.
    private static func fenced(_ text: String, language: String) -> String {
        var longest = 0, run = 0
        for character in text { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence + "\n\n"
    }

    /// Text from data or values, with every character Markdown would read as markup
    /// backslash-escaped (`#`, `-` and `+` only where they start a line) and `<`, `>` and `&` as
    /// entities, so that it shows as itself.
    static func escaped(_ text: String) -> String {
        var out = "", lineStart = true
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\" + String(character)
            case "#" where lineStart, "-" where lineStart, "+" where lineStart: out += "\\" + String(character)
            default: out.append(character)
            }
            lineStart = character.isNewline || (lineStart && character == " ")
        }
        return out
    }

    /// A Markdown value as it is, but with `<` as an entity: prose from data cannot hold HTML
    /// (the HTML page shows such markup as text too).
    static func disarmed(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "<", with: "&lt;")
    }
}
