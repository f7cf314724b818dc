import ArgumentParser
import Foundation
import Notebook
import StressTest

/// The arguments every notebook command takes: the notebook, its parameters and the folders it
/// may write to besides its own.
struct NotebookInput: ParsableArguments {
    @Argument(help: "The notebook: a Markdown file (.md) with ```stresstest cells (run also takes a script, or - for standard input).")
    var notebook: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter of the front matter's params (repeatable); the value is read as YAML: 2024 is a number, Nordtal text.", valueName: "name=value"))
    var params: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let the notebook write under this folder too (repeatable); by default it writes only under its own folder.", valueName: "path"))
    var allowWrite: [String] = []

    var options: NotebookOptions {
        get throws {
            var pairs = [(name: String, value: String)]()
            for param in params {
                guard let equals = param.firstIndex(of: "="), equals != param.startIndex else {
                    throw ValidationError("--param takes name=value, not '\(param)'")
                }
                pairs.append((String(param[..<equals]).trimmingCharacters(in: .whitespaces), String(param[param.index(after: equals)...])))
            }
            return NotebookOptions(params: pairs, allowWrite: allowWrite)
        }
    }

    /// The notebook read and parsed; a problem is printed and ends the command with status 1.
    func load() throws -> Notebook {
        guard let data = FileManager.default.contents(atPath: notebook) else {
            throw ValidationError("cannot read the notebook '\(notebook)': no such file or not readable")
        }
        do {
            return try NotebookParser.parse(String(decoding: data, as: UTF8.self), path: notebook)
        } catch {
            ScriptOutput.printError(error.rendered)
            throw ExitCode(1)
        }
    }

    /// Runs it in `session`; a notebook-level problem (a name defined twice, a cycle, an unknown
    /// parameter) is printed and ends the command with status 1.
    func run(_ parsed: Notebook, in session: NotebookSession = NotebookSession()) throws -> NotebookRun {
        do {
            return try session.run(parsed, options: try options)
        } catch let error as NotebookError {
            ScriptOutput.printError(error.rendered)
            throw ExitCode(1)
        }
    }

    /// "stresstest 0.1.0"
    static var generator: String { "stresstest " + (StressTestCommand.configuration.version) }

    /// Writes a file atomically, replacing it.
    static func write(_ text: String, to path: String) throws {
        do {
            try CSVWriter.write(text, to: path, replace: true)
        } catch {
            ScriptOutput.printError("error: " + error.message)
            throw ExitCode(1)
        }
    }
}
