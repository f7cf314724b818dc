import Foundation
import Notebook
import Script
import Stats
import StressTest

/// The read-eval-print loop, after IPython and the R console: numbered cells (`In [n]:`,
/// `Out[n]:`), `ans` and `Out[n]` for earlier results, `?name` for help, `:commands` for the
/// session, Tab completion, Ctrl-C that stops a computation and keeps the variables, and
/// results cut to the screen with a note of what was left out.
final class REPL {
    private let lineReader: LineReader
    private let interpreter: Interpreter
    /// The code of every cell, with whether it ran without an error, for `:history` and `:save`.
    private var cells: [(code: String, succeeded: Bool)] = []
    /// `Out[n]`: the last value of cell n, or nothing.
    private var outputs: [Value] = []
    /// The sessions of the notebooks `:run` brought in, whose names (functions too) the REPL now has.
    private var notebookSessions: [NotebookSession] = []
    private let isTerminal = isatty(STDOUT_FILENO) == 1

    static let commands: [(name: String, usage: String, help: String)] = [
        ("help", ":help", "this list"),
        ("vars", ":vars", "the session's variables: names, kinds and sizes"),
        ("run", ":run FILE", "run a script in this session, or a notebook (.md), whose names then join the session"),
        ("save", ":save FILE", "write this session's cells that ran without an error as a script, or as a notebook for FILE.md (:save! FILE replaces a file)"),
        ("history", ":history", "the cells of this session, numbered"),
        ("time", ":time EXPR", "run EXPR and say how long it took"),
        ("reset", ":reset", "forget every variable"),
        ("quit", ":quit", "leave (as do quit, quit() and Ctrl-D)"),
    ]

    init(interpreter: Interpreter, historyPath: String) {
        self.interpreter = interpreter
        lineReader = LineReader(historyPath: historyPath) { [interpreter] text in
            let completion = interpreter.completions(before: text)
            return (completion.start, completion.candidates)
        }
        interpreter.printer = { [isTerminal] value, all in
            ScriptOutput.print(ScriptOutput.display(value, fitted: isTerminal && !all))
        }
    }

    func run() {
        ScriptOutput.print("StressTest toolkit. help() lists the functions, ?name explains one, :help the commands; Ctrl-D leaves.")
        if case .object(let object)? = interpreter.variables["p"], let summary = (object as? CustomStringConvertible)?.description {
            ScriptOutput.print("p = \(summary)")
        }
        while !interpreter.quitRequested {
            guard let input = readCell() else {
                ScriptOutput.print("")  // Ctrl-D leaves the cursor after the prompt
                break
            }
            let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            lineReader.remember(input)
            lineReader.saveHistory()
            if trimmed.hasPrefix(":") {
                if !command(trimmed) { break }
            } else if let name = helpQuery(trimmed) {
                explain(name)
            } else {
                evaluate(input)
            }
        }
    }

    /// `?name` or `name?`: the name asked about.
    private func helpQuery(_ text: String) -> String? {
        let name: Substring
        if text.hasPrefix("?") { name = text.dropFirst() } else if text.hasSuffix("?") { name = text.dropLast() } else { return nil }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? trimmed : nil
    }

    /// Runs one cell, shows its values as `Out[n]:` and keeps the last in `ans` and `Out`.
    private func evaluate(_ code: String, timed: Bool = false) {
        let number = cells.count + 1
        let source = Source(name: "In[\(number)]", text: code)
        var last = Value.nothing
        WorkProgress.clearInterrupt()
        let started = DispatchTime.now()
        let succeeded: Bool
        do {
            try interpreter.run(source) { outcome in
                guard !outcome.isAssignment else { return }
                if case .nothing = outcome.value { return }
                last = outcome.value
                let text = ScriptOutput.display(outcome.value, fitted: self.isTerminal)
                ScriptOutput.print("Out[\(number)]:" + (text.contains("\n") ? "\n" : " ") + text)
            }
            succeeded = true
        } catch {
            ScriptOutput.printError(error.rendered(in: source))
            succeeded = false
        }
        if timed && succeeded {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            ScriptOutput.print("time: " + NumberFormat.standard.significant(seconds, digits: 3) + " s")
        }
        WorkProgress.clearInterrupt()
        cells.append((code, succeeded))
        outputs.append(last)
        if case .nothing = last {} else { interpreter.setVariable("ans", last) }
        interpreter.setVariable("Out", .list(outputs))
    }

    /// `?name`: a function's signature, description and example; a variable's kind and fields.
    private func explain(_ name: String) {
        if name.isEmpty {
            printCommands()
            return
        }
        if case .function? = interpreter.variables[name] ?? interpreter.functions[name].map(Value.function) {
            runQuietly("help(\(name))")
        } else if let value = interpreter.variables[name] {
            ScriptOutput.print("\(name): \(Self.describe(value))")
            let fields = Self.fieldNames(of: value)
            if !fields.isEmpty { ScriptOutput.print("fields: " + fields.joined(separator: ", ")) }
        } else {
            runQuietly("help(\"\(name)\")")
        }
    }

    private func runQuietly(_ code: String) {
        _ = ScriptOutput.runScript(Source(name: "help", text: code), in: interpreter, fitted: false)
    }

    /// Runs a `:command`; false to leave the session.
    private func command(_ text: String) -> Bool {
        let body = text.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        func needsArgument(_ what: String) -> Bool {
            if argument.isEmpty { ScriptOutput.printError("error: :\(name) needs \(what)") }
            return !argument.isEmpty
        }
        switch name {
        case "help": printCommands()
        case "vars": printVariables()
        case "run": if needsArgument("a file: :run FILE") { runFile(argument) }
        case "save", "save!": if needsArgument("a file: :save FILE") { save(to: argument, replace: name == "save!") }
        case "history":
            for (i, cell) in cells.enumerated() {
                let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
                ScriptOutput.print(String(format: "%4d  ", i + 1) + lines.joined(separator: "\n      "))
            }
        case "time": if needsArgument("an expression: :time EXPR") { evaluate(argument, timed: true) }
        case "reset":
            interpreter.reset()
            outputs = []
            ScriptOutput.print("Every variable is forgotten.")
        case "quit", "q", "exit": return false
        default:
            let names = Self.commands.map(\.name)
            let suggestion = NameSuggestion.nearest(to: name, among: names).map { " Did you mean :\($0)?" } ?? ""
            ScriptOutput.printError("error: unknown command :\(name).\(suggestion) :help lists the commands.")
        }
        return true
    }

    private func printCommands() {
        let width = Self.commands.map(\.usage.count).max() ?? 0
        ScriptOutput.print((["Commands:"] + Self.commands.map { "  " + $0.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.help }
            + ["", "?name or help(name) explains a function; help() lists them. Tab completes names, arguments, fields,",
               "regions and indicators in strings, and file paths. Ctrl-C stops a computation and keeps the variables."])
            .joined(separator: "\n"))
    }

    private func printVariables() {
        let names = interpreter.variables.keys.filter { $0 != "Out" && $0 != "ans" }.sorted()
        guard !names.isEmpty else {
            ScriptOutput.print("No variables yet.")
            return
        }
        let rows = names.map { ($0, Self.describe(interpreter.variables[$0]!)) }
        let width = rows.map(\.0.count).max()!
        ScriptOutput.print(rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n"))
    }

    /// The kind and size of a value: "a numeric vector of 21", "a table of 40 rows x 5 columns".
    static func describe(_ value: Value) -> String {
        let size: String
        switch value {
        case .vector(let xs): size = " of \(xs.count)"
        case .named(let v): size = " of \(v.values.count)"
        case .list(let values): size = " of \(values.count)"
        case .table(let t): size = " of \(t.rowCount) rows x \(t.columns.count) columns"
        case .record(let r): size = " of \(r.fields.count) fields"
        case .function(let f): size = ": " + f.signature
        case .object(let o): size = (o as? CustomStringConvertible).map { ": " + ($0.description.split(separator: "\n").first.map(String.init) ?? "") } ?? ""
        default: size = ""
        }
        return value.kind + size
    }

    static func fieldNames(of value: Value) -> [String] {
        switch value {
        case .object(let o): o.fieldNames
        case .record(let r): r.fields.map(\.name)
        case .table(let t): t.columns.map(\.name)
        default: []
        }
    }

    private func runFile(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            ScriptOutput.printError("error: cannot read \(path): no such file or not readable")
            return
        }
        WorkProgress.clearInterrupt()
        defer { WorkProgress.clearInterrupt() }
        let text = String(decoding: data, as: UTF8.self)
        guard path.lowercased().hasSuffix(".md") else {
            _ = ScriptOutput.runScript(Source(name: path, text: text), in: interpreter, fitted: isTerminal)
            return
        }
        do throws(NotebookError) {
            let session = NotebookSession()
            let run = try session.run(try NotebookParser.parse(text, path: path))
            // The functions the notebook defined run in its session: keep it while they may be called.
            notebookSessions.append(session)
            NotebookOutput.print(run)
            var names = [String]()
            for result in run.results where result.error == nil && result.skipped == nil {
                for definition in result.cell.names.definitions {
                    if let value = result.exports[definition.name] {
                        interpreter.setVariable(definition.name, value)
                        names.append(definition.name)
                    }
                }
            }
            ScriptOutput.print("Ran \(run.results.count) cells of \(path)" + (names.isEmpty ? "." : "; defined " + names.joined(separator: ", ") + "."))
        } catch {
            ScriptOutput.printError(error.rendered)
        }
    }

    private func save(to path: String, replace: Bool) {
        let kept = cells.filter(\.succeeded).map(\.code)
        let left = cells.count - kept.count
        let text = path.lowercased().hasSuffix(".md") ? SessionNotebook.text(of: kept) : kept.joined(separator: "\n") + "\n"
        do throws(PortfolioError) {
            try CSVWriter.write(text, to: path, replace: replace)
            ScriptOutput.print("Wrote \(kept.count) cell\(kept.count == 1 ? "" : "s") to \(path)"
                               + (left > 0 ? " (left out \(left) that ended in an error)." : "."))
        } catch {
            // An existing file is replaced by the command :save!, not by an argument.
            let help = error.subject == .parameter("replace") ? "choose another file, or use :save! FILE to overwrite it" : error.help
            ScriptOutput.printError("error: " + error.message + (help.map { " (\($0))" } ?? ""))
        }
    }

    /// One complete cell, possibly over several lines; nil at the end of input. Ctrl-C abandons
    /// the input, continuation lines included, and asks again.
    private func readCell() -> String? {
        let prompt = "In [\(cells.count + 1)]: "
        let continuation = String(repeating: " ", count: max(0, prompt.count - 5)) + "...: "
        var text: String?
        while true {
            switch lineReader.readLine(prompt: text == nil ? prompt : continuation) {
            case .end: return text
            case .interrupted: text = nil
            case .line(let line):
                let input = text.map { $0 + "\n" + line } ?? line
                if input.trimmingCharacters(in: .whitespaces).hasPrefix(":") || !Interpreter.needsMoreInput(input) { return input }
                text = input
            }
        }
    }
}
