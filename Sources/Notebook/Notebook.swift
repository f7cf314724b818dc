import Script

/// A notebook: a Markdown file whose fenced code blocks tagged `stresstest` are cells and whose
/// other text is prose, with an optional YAML front matter. Only sources are stored, never
/// outputs, so that notebooks diff and merge as text. `NotebookParser` reads one.
public struct Notebook: Sendable {
    /// The file's path as the user gave it; messages name it.
    public var path: String
    /// The whole text of the file.
    public var text: String
    public var frontMatter: FrontMatter
    /// Prose and cells in the order of the file.
    public var parts: [Part]

    public enum Part: Sendable {
        case prose(Prose)
        case cell(Cell)
    }

    /// The cells in the order of the file.
    public var cells: [Cell] {
        parts.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// The text of a 1-based line of the file.
    func line(_ number: Int) -> String {
        let lines = text.lines
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// The names a piece of code at its place in the file defines and uses; a syntax error
    /// points into the file.
    func names(in source: Source) throws(NotebookError) -> ScriptNames {
        do throws(ScriptError) {
            return try ScriptNames(source)
        } catch {
            let (line, column) = source.lineAndColumn(of: error.range.start)
            throw NotebookError(error.message, at: [location(line: line, column: column, length: max(1, error.range.end - error.range.start))], help: error.help)
        }
    }

    /// A place in the file for an error.
    func location(line: Int, column: Int, length: Int = 1, label: String? = nil) -> NotebookError.Location {
        NotebookError.Location(path: path, line: line, column: column, text: self.line(line), length: length, label: label)
    }
}

/// Markdown text between cells.
public struct Prose: Sendable {
    public var text: String
    /// The line of the file its first line is.
    public var firstLine: Int
}

/// A fenced ` ```stresstest ` block: its options, its code and the names it defines and uses.
public struct Cell: Sendable {
    /// 1-based, in the order of the file.
    public var number: Int
    /// The `id` option, or `cell-N`.
    public var id: String
    public var options: CellOptions
    /// The code without its option lines.
    public var code: String
    /// The code at its place in the file: earlier lines are left empty, so that the lines and
    /// columns of every error inside the cell are the file's.
    public var source: Source
    /// The line of the opening fence.
    public var line: Int
    public var names: ScriptNames
}

/// A cell's options, written as leading comment lines `#| key: value` (YAML).
public struct CellOptions: Sendable, Equatable {
    /// `#| id: ranks`: the cell's name in errors, JSON and the rendered page.
    public var id: String?
    /// `#| echo: false` hides the code in the rendered page.
    public var echo = true
    /// `#| output: false` runs the cell without showing its output.
    public var output = true
    /// `#| caption: "..."`: shown under the cell's output.
    public var caption: String?

    public static let keys = ["id", "echo", "output", "caption"]

    public init() {}
}

extension String {
    /// The lines, split at every line break (`\n`, `\r\n` or `\r`, as `Source` counts them), without it.
    var lines: [String] {
        split(omittingEmptySubsequences: false, whereSeparator: { (character: Character) in character.isNewline }).map(String.init)
    }
}
