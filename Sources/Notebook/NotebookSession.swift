import Charts
import Foundation
import Script
import StressTest
import Yams

/// How a notebook runs: parameter values that override the front matter's, and folders it may
/// write to besides its own.
public struct NotebookOptions: Sendable {
    /// `--param name=value`: the value is read as YAML (`2024` a number, `Nordtal` text).
    public var params: [(name: String, value: String)] = []
    /// `--allow-write PATH`
    public var allowWrite: [String] = []

    public init(params: [(name: String, value: String)] = [], allowWrite: [String] = []) {
        self.params = params
        self.allowWrite = allowWrite
    }
}

/// Runs notebooks, keeping what each cell produced so that a later run (`watch`) re-runs only
/// the cells whose source, upstream cells or data files changed.
///
/// A cell's cache key is the SHA-256 of its code and options, the values of the parameters it
/// uses, the seed, the folders it may write to and the result keys of its upstream cells; a
/// cached result is used only while every file the cell read still has the SHA-256 it had. A
/// cell's result key adds those file digests to its key, so that a changed data file re-runs
/// the cell that read it and every cell downstream of it, and nothing else.
///
/// Cells run in dependency order, each in a scope of its own that sees the names of the cells
/// before it and the parameters (no hidden state: a cell cannot see a name it does not take
/// from a cell or a parameter). A cell that fails is shown with its error, and the cells that
/// depend on it are not run, saying why; the others run. Names starting with `_` and loop
/// variables stay in their cell. A notebook cannot run programs (the language has no way to);
/// it reads files anywhere and writes only under its own folder and the folders of `allowWrite`.
public final class NotebookSession: @unchecked Sendable {
    private struct CacheEntry {
        var outputs: [Value]
        var exports: [String: Value]
        var error: String?
        var files: [(path: String, sha256: String)]
        var seeds: [Int]
        /// The interpreter the cell ran in, kept while the entry is: the functions the cell
        /// defined refer to it (and to their scope) weakly.
        var interpreter: Interpreter
    }

    private var cache: [String: CacheEntry] = [:]

    public init() {}

    public func run(_ notebook: Notebook, options: NotebookOptions = NotebookOptions()) throws(NotebookError) -> NotebookRun {
        let params = try Self.parameters(notebook, options)
        let graph = try DependencyGraph(notebook, parameters: params)
        var expressions = [InlineExpression]()
        var templates = [ProseTemplate?]()
        for part in notebook.parts {
            if case .prose(let prose) = part { templates.append(try ProseTemplate.parse(prose, in: notebook, expressions: &expressions)) } else { templates.append(nil) }
        }
        // The title and subtitle may hold inline values too; their text starts at its column.
        var headings = [String: ProseTemplate]()
        let front = notebook.frontMatter
        for (name, text) in [("title", front.title), ("subtitle", front.subtitle)] {
            guard let text, let place = front.places[name] else { continue }
            let prose = Prose(text: String(repeating: " ", count: max(0, place.column - 1)) + text, firstLine: place.line)
            headings[name] = try ProseTemplate.parse(prose, in: notebook, expressions: &expressions)
        }
        let interpreter = Interpreter()
        let environment = interpreter.environment
        let folder = (environment.absolutePath(notebook.path) as NSString).deletingLastPathComponent
        environment.workingDirectory = folder
        environment.writableFolders = [folder] + options.allowWrite.map { environment.absolutePath($0) }
        environment.defaultSeed = notebook.frontMatter.seed ?? 1
        environment.language = notebook.frontMatter.language
        let paramValues = Dictionary(params.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })

        let cells = notebook.cells
        var results = [CellResult?](repeating: nil, count: cells.count)
        var visible = paramValues
        var ran = [String](), usedCache = Set<String>()
        for index in graph.order {
            let cell = cells[index]
            if let failed = graph.upstream[index].first(where: { results[$0]?.error != nil || results[$0]?.skipped != nil }) {
                let name = cell.names.uses.first { use in cells[failed].names.definitions.contains { $0.name == use.name } }?.name ?? ""
                results[index] = CellResult(cell: cell, outputs: [], error: nil,
                                            skipped: "not run: it uses `\(name)` from cell `\(cells[failed].id)`, which did not run", fromCache: false,
                                            files: [], seeds: [], resultKey: "")
                continue
            }
            var hasher = "cell\u{0}\(cell.code)\u{0}\(cell.options)\u{0}seed \(environment.defaultSeed)\u{0}writes \(environment.writableFolders ?? [])"
            for name in graph.parameters[index] { hasher += "\u{0}param \(name)=\(Format.json(paramValues[name]!))" }
            for source in graph.upstream[index] { hasher += "\u{0}upstream \(results[source]!.resultKey)" }
            let key = SHA256.hex(hasher)
            let entry: CacheEntry
            let fromCache: Bool
            if let cached = cache[key], !usedCache.contains(key), cached.files.allSatisfy({ SHA256.hex(ofFile: $0.path) == $0.sha256 }) {
                (entry, fromCache) = (cached, true)
            } else {
                (entry, fromCache) = (Self.execute(cell, in: interpreter, seeing: visible), false)
                cache[key] = entry
                ran.append(cell.id)
            }
            usedCache.insert(key)
            let resultKey = SHA256.hex(key + entry.files.map { "\u{0}\($0.path)=\($0.sha256)" }.joined())
            visible.merge(entry.exports) { _, new in new }
            results[index] = CellResult(cell: cell, outputs: entry.outputs, error: entry.error, skipped: nil, fromCache: fromCache,
                                        files: entry.files, seeds: entry.seeds, resultKey: resultKey, exports: entry.exports)
        }
        cache = cache.filter { usedCache.contains($0.key) }

        var inline = [InlineResult]()
        for expression in expressions {
            inline.append(Self.evaluate(expression, in: interpreter, seeing: visible))
        }
        let files = results.compactMap { $0 }.flatMap(\.files)
        return NotebookRun(notebook: notebook, folder: folder, params: params, seed: environment.defaultSeed, results: results.map { $0! },
                           order: graph.order.map { cells[$0].id }, templates: templates, headings: headings, inline: inline,
                           files: files.reduce(into: []) { unique, file in if !unique.contains(where: { $0.path == file.path }) { unique.append(file) } },
                           seeds: Array(Set(results.compactMap { $0 }.flatMap(\.seeds))).sorted(), ran: ran)
    }

    /// The front matter's parameters with the overrides of `options`.
    static func parameters(_ notebook: Notebook, _ options: NotebookOptions) throws(NotebookError) -> [FrontMatter.Param] {
        var params = notebook.frontMatter.params
        for (name, text) in options.params {
            guard let index = params.firstIndex(where: { $0.name == name }) else {
                let known = params.map(\.name)
                throw NotebookError("the notebook has no parameter `\(name)`", at: [],
                                    help: NameSuggestion.help(for: name, among: known)
                                        ?? (known.isEmpty ? "its front matter declares none (params:)" : "its parameters: " + known.joined(separator: ", ")))
            }
            let location = notebook.location(line: params[index].line, column: params[index].column, length: name.count)
            do {
                params[index].value = try Yams.compose(yaml: text).map { node throws(NotebookError) in try YAMLValue.value(of: node, at: location) } ?? .string("")
            } catch {
                params[index].value = .string(text)
            }
        }
        return params
    }

    private static func execute(_ cell: Cell, in interpreter: Interpreter, seeing visible: [String: Value]) -> CacheEntry {
        let environment = interpreter.environment
        environment.clearRecord()
        final class Outputs: @unchecked Sendable { var values: [Value] = [] }
        let outputs = Outputs()
        interpreter.printer = { value, _ in outputs.values.append(value) }
        var assigned = [String: Value](), error: String?
        do throws(ScriptError) {
            assigned = try interpreter.runCell(cell.source, seeing: visible) { outcome in
                if outcome.isAssignment { return }
                if case .nothing = outcome.value { return }
                outputs.values.append(outcome.value)
            }
        } catch let failure {
            error = failure.rendered(in: cell.source)
        }
        let files = environment.filesRead.map { ($0, SHA256.hex(ofFile: $0) ?? "unreadable") }
        // Only the names the cell defines leave it (not its loop variables or `_` names).
        let exports = assigned.filter { name, _ in cell.names.definitions.contains { $0.name == name } }
        return CacheEntry(outputs: outputs.values, exports: exports, error: error, files: files, seeds: environment.seedsUsed,
                          interpreter: interpreter)
    }

    private static func evaluate(_ expression: InlineExpression, in interpreter: Interpreter, seeing visible: [String: Value]) -> InlineResult {
        var last = Value.nothing
        do throws(ScriptError) {
            _ = try interpreter.runCell(expression.source, seeing: visible) { last = $0.value }
            if case .nothing = last {
                return InlineResult(expression: expression, value: nil, error: "error: the inline value {{ \(expression.code) }} at \(expression.source.name):\(expression.line):\(expression.column) gives nothing")
            }
            return InlineResult(expression: expression, value: last, error: nil)
        } catch {
            return InlineResult(expression: expression, value: nil, error: error.rendered(in: expression.source))
        }
    }
}

/// What one cell produced.
public struct CellResult: Sendable {
    public var cell: Cell
    /// The values of its top-level expressions and what it printed, in order.
    public var outputs: [Value]
    /// The diagnostic of its error, pointing into the notebook.
    public var error: String?
    /// Why it did not run (a cell it depends on failed).
    public var skipped: String?
    /// True when its result came from the cache.
    public var fromCache: Bool
    /// The files it read, each with its SHA-256.
    public var files: [(path: String, sha256: String)]
    public var seeds: [Int]
    var resultKey: String
    /// The names it defined, with their values.
    public internal(set) var exports: [String: Value] = [:]

    /// The SHA-256 of what the cell shows (its outputs as HTML, or its error), for `check`.
    public var fingerprint: String {
        let renderer = HTMLRenderer()
        return SHA256.hex(outputs.map { renderer.render($0.presentation) }.joined(separator: "\u{0}")
            + (error.map { "\u{0}error\u{0}" + $0 } ?? "") + (skipped.map { "\u{0}skipped\u{0}" + $0 } ?? ""))
    }
}

/// The value of an inline `{{ expr }}`, or its error.
public struct InlineResult: Sendable {
    public var expression: InlineExpression
    public var value: Value?
    public var error: String?
}

/// A run of a notebook: every cell's result in the order of the file, the inline values, and
/// what a reader needs to reproduce it.
public struct NotebookRun: Sendable {
    public var notebook: Notebook
    /// The notebook's folder, absolute: where relative paths start.
    public var folder: String
    /// The parameters with the values used.
    public var params: [FrontMatter.Param]
    /// The seed of functions called without `seed:`.
    public var seed: Int
    /// In the order of the file.
    public var results: [CellResult]
    /// Cell ids in the order they ran.
    public var order: [String]
    /// For each part of the notebook, its prose template (nil for a cell).
    var templates: [ProseTemplate?]
    /// The templates of the front matter's title and subtitle.
    var headings: [String: ProseTemplate]
    public var inline: [InlineResult]
    /// Every file read, with its SHA-256.
    public var files: [(path: String, sha256: String)]
    /// Every seed used.
    public var seeds: [Int]
    /// The ids of the cells that ran (not from the cache), in the order they ran.
    public var ran: [String]

    /// Every error: of cells, and of inline values.
    public var errors: [String] {
        results.compactMap(\.error) + inline.compactMap(\.error)
    }
}
