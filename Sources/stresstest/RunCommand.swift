import ArgumentParser
import Foundation
import Script

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script and print the value of every top-level expression that is not an assignment.",
        discussion: "On an error, prints the diagnostic (file:line:column, the line and a caret) and exits with status 1."
    )

    @Argument(help: "The script file, or - for standard input.")
    var file: String

    func run() throws {
        ProgressBar.install()
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
}
