import ArgumentParser
import Foundation
import Notebook
import Script

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script or a notebook and print what it shows.",
        discussion: """
        A script (any file but .md, or - for standard input) prints the value of every top-level \
        expression that is not an assignment; on an error, the diagnostic (file:line:column, the \
        line and a caret), with exit status 1.
        A notebook (.md) runs its cells in dependency order and prints each cell's output under \
        its id, in the order of the file; --json prints cell ids, outputs and errors as JSON. \
        --param and --allow-write apply to notebooks.
        """
    )

    @OptionGroup var input: NotebookInput

    @Flag(help: "For a notebook: print the run as JSON.")
    var json = false

    func run() throws {
        ProgressBar.install()
        let file = input.notebook
        if file.lowercased().hasSuffix(".md") { return try runNotebook() }
        if json || !input.params.isEmpty || !input.allowWrite.isEmpty {
            throw ValidationError("--json, --param and --allow-write apply to notebooks (.md files); for a script, use stresstest eval --json")
        }
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the script '\(file)': no such file or not readable")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let source = Source(name: file == "-" ? "stdin" : file, text: text)
        guard ScriptOutput.runScript(source, in: Interpreter()) else { throw ExitCode(1) }
    }

    private func runNotebook() throws {
        let result = try input.run(try input.load())
        if json {
            ScriptOutput.print(result.json)
        } else {
            NotebookOutput.print(result)
        }
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}
