import Charts
import Script
import StressTest
import Yams

/// Reads a notebook: the front matter (YAML, with Yams), then the file's lines, where a fenced
/// code block (CommonMark: three or more backticks or tildes, indented at most three spaces,
/// closed by a fence of the same character at least as long) whose info string is `stresstest`
/// or `{stresstest}` is a cell and everything else, other code blocks included, is prose for
/// the Markdown renderer. Linear in the length of the file.
public enum NotebookParser {
    public static func parse(_ text: String, path: String) throws(NotebookError) -> Notebook {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var notebook = Notebook(path: path, text: text, frontMatter: FrontMatter(), parts: [])
        let lines = text.lines
        var index = 0
        if lines.first == "---" {
            guard let end = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) else {
                throw NotebookError("the front matter that starts here is never closed", at: [notebook.location(line: 1, column: 1, length: 3)],
                                    help: "end it with a line of three dashes, ---")
            }
            notebook.frontMatter = try frontMatter(lines[1..<end].joined(separator: "\n"), firstLine: 2, in: notebook)
            index = end + 1
        }
        var prose = [String](), proseStart = index + 1
        var ids = [String: Int]()
        func flushProse() {
            if !prose.isEmpty { notebook.parts.append(.prose(Prose(text: prose.joined(separator: "\n"), firstLine: proseStart))) }
            prose = []
        }
        while index < lines.count {
            guard let fence = Fence(lines[index]) else {
                if prose.isEmpty { proseStart = index + 1 }
                prose.append(lines[index])
                index += 1
                continue
            }
            let close = lines.indices.dropFirst(index + 1).first { fence.isClosed(by: lines[$0]) }
            guard fence.isCell else {
                // Another code block stays prose, fence and all, whatever it holds.
                if prose.isEmpty { proseStart = index + 1 }
                prose += lines[index...(close ?? lines.count - 1)]
                index = (close ?? lines.count - 1) + 1
                continue
            }
            guard let close else {
                throw NotebookError("the cell that starts here is never closed", at: [notebook.location(line: index + 1, column: fence.indent + 1, length: fence.length)],
                                    help: "end it with a line of \(String(repeating: fence.character, count: fence.length))")
            }
            flushProse()
            let content = lines[(index + 1)..<close].map { fence.unindented($0) }
            var cell = try self.cell(content, fenceLine: index + 1, number: notebook.cells.count + 1, in: notebook)
            if let first = ids[cell.id] {
                throw NotebookError("two cells have the id `\(cell.id)`", at: [
                    notebook.location(line: first, column: 1, length: 3, label: "first here"),
                    notebook.location(line: cell.line, column: 1, length: 3, label: "again here"),
                ], help: "give each cell its own id")
            }
            ids[cell.id] = cell.line
            cell.number = notebook.cells.count + 1
            notebook.parts.append(.cell(cell))
            index = close + 1
            proseStart = index + 1
        }
        flushProse()
        return notebook
    }

    /// One cell from the lines between its fences.
    private static func cell(_ content: [String], fenceLine: Int, number: Int, in notebook: Notebook) throws(NotebookError) -> Cell {
        let optionCount = content.prefix { $0.hasPrefix("#|") }.count
        let options = try cellOptions(content.prefix(optionCount).map { String($0.dropFirst(2)) }, firstLine: fenceLine + 1, in: notebook)
        let code = content.dropFirst(optionCount).joined(separator: "\n")
        let padded = String(repeating: "\n", count: fenceLine + optionCount) + code
        let source = Source(name: notebook.path, text: padded)
        let names = try notebook.names(in: source)
        return Cell(number: number, id: options.id ?? "cell-\(number)", options: options, code: code, source: source, line: fenceLine, names: names)
    }

    private static func cellOptions(_ lines: [String], firstLine: Int, in notebook: Notebook) throws(NotebookError) -> CellOptions {
        var options = CellOptions()
        guard !lines.isEmpty else { return options }
        let mapping = try yamlMapping(lines.joined(separator: "\n"), firstLine: firstLine, columnOffset: 2, in: notebook, what: "cell options")
        for (key, value) in mapping {
            let name = key.string ?? ""
            let at = notebook.location(line: firstLine + (key.mark?.line ?? 1) - 1, column: (key.mark?.column ?? 1) + 2, length: name.count)
            switch name {
            case "id":
                guard let id = value.string, id.first?.isLetter == true, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw NotebookError("a cell's id is a name of letters, digits, - and _, starting with a letter", at: [at])
                }
                options.id = id
            case "echo", "output":
                guard let flag = value.bool else { throw NotebookError("`\(name)` is true or false", at: [at]) }
                if name == "echo" { options.echo = flag } else { options.output = flag }
            case "caption":
                guard case .scalar(let scalar) = value else { throw NotebookError("a caption is text", at: [at]) }
                options.caption = scalar.string
            default:
                throw NotebookError("a cell has no option `\(name)`", at: [at],
                                    help: NameSuggestion.help(for: name, among: CellOptions.keys) ?? "the options are " + CellOptions.keys.joined(separator: ", "))
            }
        }
        return options
    }

    private static func frontMatter(_ yaml: String, firstLine: Int, in notebook: Notebook) throws(NotebookError) -> FrontMatter {
        var front = FrontMatter()
        let mapping = try yamlMapping(yaml, firstLine: firstLine, columnOffset: 0, in: notebook, what: "front matter")
        for (key, value) in mapping {
            let name = key.string ?? ""
            let at = notebook.location(line: firstLine + (key.mark?.line ?? 1) - 1, column: key.mark?.column ?? 1, length: name.count)
            switch name {
            case "title", "subtitle", "author", "date":
                guard case .scalar(let scalar) = value else { throw NotebookError("`\(name)` is text", at: [at]) }
                switch name {
                case "title": front.title = scalar.string
                case "subtitle": front.subtitle = scalar.string
                case "author": front.author = scalar.string
                default: front.date = scalar.string
                }
                if let mark = scalar.mark { front.places[name] = (firstLine + mark.line - 1, mark.column + (scalar.style == .plain ? 0 : 1)) }
            case "lang":
                guard let code = value.string, let language = Language(code: code) else {
                    throw NotebookError("`lang` is en (English) or de (German)", at: [at])
                }
                front.language = language
            case "layout":
                guard let text = value.string, let layout = FrontMatter.Layout(rawValue: text) else {
                    throw NotebookError("`layout` is article, report or slides", at: [at],
                                        help: value.string.flatMap { NameSuggestion.help(for: $0, among: FrontMatter.Layout.allCases.map(\.rawValue)) })
                }
                front.layout = layout
            case "seed":
                guard let seed = value.int, seed >= 0, seed <= Int(Int32.max) else {
                    throw NotebookError("`seed` is a whole number from 0 to \(Int32.max)", at: [at])
                }
                front.seed = seed
            case "params":
                guard case .mapping(let params) = value else {
                    throw NotebookError("`params` lists names with their default values, one per line (region: Nordtal)", at: [at])
                }
                for (paramKey, paramValue) in params {
                    let param = paramKey.string ?? ""
                    let line = firstLine + (paramKey.mark?.line ?? 1) - 1, column = paramKey.mark?.column ?? 1
                    let where_ = notebook.location(line: line, column: column, length: param.count)
                    guard param.first.map({ $0.isLetter || $0 == "_" }) == true, param.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                        throw NotebookError("a parameter's name is a name a script can use (letters, digits and _)", at: [where_])
                    }
                    front.params.append(.init(name: param, value: try YAMLValue.value(of: paramValue, at: where_), line: line, column: column))
                }
            default:
                throw NotebookError("the front matter has no key `\(name)`", at: [at],
                                    help: NameSuggestion.help(for: name, among: FrontMatter.keys) ?? "the keys are " + FrontMatter.keys.joined(separator: ", "))
            }
        }
        return front
    }

    /// A YAML mapping (empty for empty text); a YAML error points at its line in the file.
    private static func yamlMapping(_ yaml: String, firstLine: Int, columnOffset: Int, in notebook: Notebook,
                                    what: String) throws(NotebookError) -> Node.Mapping {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw NotebookError("the \(what) cannot be read as YAML: \(problem)",
                                    at: [notebook.location(line: firstLine + mark.line - 1, column: mark.column + columnOffset)])
            default:
                throw NotebookError("the \(what) cannot be read as YAML: \(error)", at: [notebook.location(line: firstLine, column: 1)])
            }
        } catch {
            throw NotebookError("the \(what) cannot be read as YAML: \(error)", at: [notebook.location(line: firstLine, column: 1)])
        }
        guard let node else { return Node.Mapping([]) }
        guard case .mapping(let mapping) = node else {
            throw NotebookError("the \(what) must be lines of `key: value`", at: [notebook.location(line: firstLine, column: 1 + columnOffset)])
        }
        return mapping
    }
}
